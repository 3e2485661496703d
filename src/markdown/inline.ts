import type { MdInline } from './markdown-ast';
import { safeHref } from './safe-href';

// A nesting cap keeps every delimiter search O(1) and the renderer's recursion shallow.
const MAX_INLINE_DEPTH = 16;

// All patterns are anchored or sticky, without nested quantifiers: linear time.
const SPECIAL = /[\\`*_[\]!\nh]/gi;
const ESCAPABLE = /[!-/:-@[-`{-~]/;
const SPACE = /\s/;
const PUNCT = /[\p{P}\p{S}]/u;
const WORD = /[\p{L}\p{N}_]/u;
const BARE_URL = /https?:\/\/[^\s<>[\]`"]+/iy;

/** An open delimiter: `ch` is `*`, `_` or `[`; `n` how many `*`/`_` are still unmatched. */
interface Frame {
  ch: string;
  n: number;
  /** Index of its marker in `out`. */
  start: number;
  /** The delimiter's text node, shown as is if it never closes. */
  marker: { type: 'text'; text: string };
  image: boolean;
}

/** The parse of one paragraph's text, as it goes. */
interface Inline {
  s: string;
  /** Nodes so far, flat: an open delimiter's content is everything after its marker. */
  out: MdInline[];
  frames: Frame[];
  /** Text not yet turned into a node. */
  text: string;
  /** Backtick run lengths already known to have no closer in the rest of `s`. */
  noCloser: Set<number>;
}

/** Reads the special character at `i`; returns where reading goes on. */
type Step = (p: Inline, i: number) => number;

/**
 * Inline content of one paragraph: one left-to-right pass with a stack of open delimiters
 * (emphasis runs, brackets), in the spirit of CommonMark's delimiter stack. Closing a delimiter
 * splices out what follows its opener, so each node moves O(1) times: linear overall.
 */
export function parseInline(s: string): MdInline[] {
  const p: Inline = { s, out: [], frames: [], text: '', noCloser: new Set() };
  for (let i = 0; i < s.length; ) {
    SPECIAL.lastIndex = i;
    const next = SPECIAL.exec(s)?.index ?? s.length;
    p.text += s.slice(i, next);
    i = next < s.length ? stepFor(s, next)(p, next) : next;
  }
  flush(p);
  return tidy(p.out);
}

function stepFor(s: string, i: number): Step {
  const c = s[i];
  if (c === '\\') return backslashEscape;
  if (c === '\n') return lineBreak;
  if (c === '`') return codeSpan;
  if (c === '*' || c === '_') return emphasis;
  if (c === '[' || (c === '!' && s[i + 1] === '[')) return openBracket;
  if (c === ']') return closeBracket;
  // "h" may start a bare URL; a lone "!" is just text.
  return bareUrl;
}

function flush(p: Inline): void {
  if (p.text) p.out.push({ type: 'text', text: p.text });
  p.text = '';
}

function emit(p: Inline, node: MdInline): void {
  flush(p);
  p.out.push(node);
}

function open(p: Inline, ch: string, n: number, text: string, image = false): void {
  if (p.frames.length >= MAX_INLINE_DEPTH) {
    p.text += text;
    return;
  }
  flush(p);
  const marker = { type: 'text' as const, text };
  p.frames.push({ ch, n, start: p.out.length, marker, image });
  p.out.push(marker);
}

/** The innermost open frame for `ch`, or -1; emphasis cannot reach outside an open bracket. */
function find(p: Inline, ch: string): number {
  let k = p.frames.length - 1;
  while (k >= 0 && p.frames[k]!.ch !== ch && p.frames[k]!.ch !== '[') k--;
  return p.frames[k]?.ch === ch ? k : -1;
}

/** Takes out the content of frames[k]; delimiters opened after it stay literal text. */
function close(p: Inline, k: number): MdInline[] {
  flush(p);
  p.frames.length = k + 1;
  return tidy(p.out.splice(p.frames[k]!.start + 1));
}

/** Removes the innermost frame `f` together with its marker. */
function drop(p: Inline, f: Frame): void {
  p.frames.pop();
  p.out.length = f.start;
}

const backslashEscape: Step = (p, i) => {
  const next = p.s[i + 1] ?? '';
  if (next === '\n') emit(p, { type: 'br' });
  else p.text += ESCAPABLE.test(next) ? next : `\\${next}`;
  return i + 2;
};

const lineBreak: Step = (p, i) => {
  emit(p, { type: 'br' });
  return i + 1;
};

const codeSpan: Step = (p, i) => {
  const run = runEnd(p.s, i);
  const n = run - i;
  // A failed search for a closing run of length n covered the rest of the text: never repeat it.
  const end = p.noCloser.has(n) ? -1 : findBacktickRun(p.s, run, n);
  if (end < 0) {
    p.noCloser.add(n);
    p.text += p.s.slice(i, run);
    return run;
  }
  emit(p, { type: 'code', text: codeText(p.s.slice(run, end)) });
  return end + n;
};

/** A run of `*` or `_`: closes open runs of the same character, then may open one itself. */
const emphasis: Step = (p, i) => {
  const c = p.s[i]!;
  const run = runEnd(p.s, i);
  const before = p.s[i - 1] ?? ' ';
  const after = p.s[run] ?? ' ';
  // CommonMark flanking rules (so snake_case_name stays as is); longer runs are never emphasis.
  const short = run - i <= 3;
  const left = short && !SPACE.test(after) && (!PUNCT.test(after) || SPACE.test(before) || PUNCT.test(before));
  const right = short && !SPACE.test(before) && (!PUNCT.test(before) || SPACE.test(after) || PUNCT.test(after));
  const canClose = right && (c === '*' || !left || PUNCT.test(after));
  const canOpen = left && (c === '*' || !right || PUNCT.test(before));
  let n = run - i;
  for (let k = canClose ? find(p, c) : -1; n > 0 && k >= 0; k = find(p, c)) n = closeEmphasis(p, k, n);
  if (n && canOpen) open(p, c, n, c.repeat(n));
  else p.text += c.repeat(n);
  return run;
};

/** Closes frames[k] with up to two of the `n` characters at hand; returns how many are left. */
function closeEmphasis(p: Inline, k: number, n: number): number {
  const opener = p.frames[k]!;
  const use = Math.min(n, opener.n, 2);
  const children = close(p, k);
  opener.n -= use;
  if (opener.n) opener.marker.text = opener.ch.repeat(opener.n);
  else drop(p, opener);
  p.out.push({ type: use === 2 ? 'strong' : 'em', children });
  return n - use;
}

const openBracket: Step = (p, i) => {
  const image = p.s[i] === '!';
  open(p, '[', 0, image ? '![' : '[', image);
  return i + (image ? 2 : 1);
};

/** A `]`: with a `(destination)` after it and an open `[`, a link (or an image's alt text). */
const closeBracket: Step = (p, i) => {
  const k = find(p, '[');
  const opener = p.frames[k];
  const tail = opener ? linkTail(p.s, i + 1) : undefined;
  if (!opener || !tail) {
    if (opener) p.frames.splice(k, 1); // not a link after all: its "[" stays literal
    p.text += ']';
    return i + 1;
  }
  const children = unlink(close(p, k));
  drop(p, opener);
  // Images are never loaded (alt text only); a refused URL leaves just its text.
  const href = opener.image ? undefined : safeHref(tail.dest);
  if (href) p.out.push({ type: 'link', href, title: tail.title, children });
  else for (const child of children) p.out.push(child);
  // No links inside links (as CommonMark): outer brackets can no longer open one.
  if (!opener.image) p.frames = p.frames.filter((f) => f.ch !== '[');
  return tail.end;
};

/** A bare http(s) URL, never mid-word; consumed whole even when refused, so it is never rescanned. */
const bareUrl: Step = (p, i) => {
  const c = p.s[i]!;
  BARE_URL.lastIndex = i;
  const m = c === '!' || WORD.test(p.s[i - 1] ?? ' ') ? null : BARE_URL.exec(p.s);
  const url = m ? m[0].slice(0, trimUrl(m[0])) : c;
  const href = m ? safeHref(url) : undefined;
  if (href) emit(p, { type: 'link', href, children: [{ type: 'text', text: url }] });
  else p.text += url;
  return i + url.length;
};

/** Index after the run of the character at `i`. */
function runEnd(s: string, i: number): number {
  let end = i + 1;
  while (s[end] === s[i]) end++;
  return end;
}

/** `(dest "title")` right after a `]`; undefined unless well formed. */
function linkTail(s: string, p: number): { dest: string; title?: string | undefined; end: number } | undefined {
  if (s[p] !== '(') return undefined;
  const dest = linkDestination(s, skipSpace(s, p + 1));
  if (!dest) return undefined;
  let i = skipSpace(s, dest.end);
  let title: string | undefined;
  const quote = s[i];
  if ((quote === '"' || quote === "'") && i > dest.end) {
    let end = i + 1;
    for (; end < s.length && s[end] !== quote; end++) if (s[end] === '\\') end++;
    if (end >= s.length) return undefined;
    title = unbackslash(s.slice(i + 1, end));
    i = skipSpace(s, end + 1);
  }
  return s[i] === ')' ? { dest: dest.text, title, end: i + 1 } : undefined;
}

/** A link destination from `i`: `<…>`, or up to whitespace or the `)` that balances. */
function linkDestination(s: string, i: number): { text: string; end: number } | undefined {
  const angled = s[i] === '<';
  const from = angled ? i + 1 : i;
  let end = from;
  // Also stops at brackets and whitespace, so separate link attempts never rescan the same text.
  for (let depth = 0; end < s.length; end++) {
    const c = s[end]!;
    if (c === '\\') end++;
    else if (angled ? c === '>' || c === '<' || c === '\n' : c === '[' || c === ']' || c <= ' ') break;
    else if (c === '(') depth++;
    else if (c === ')' && !angled && depth-- === 0) break;
  }
  const text = unbackslash(s.slice(from, end));
  if (!angled) return { text, end };
  return s[end] === '>' ? { text, end: end + 1 } : undefined;
}

function skipSpace(s: string, i: number): number {
  while (s[i] === ' ' || s[i] === '\t' || s[i] === '\n') i++;
  return i;
}

const unbackslash = (s: string) => s.replace(/\\([!-/:-@[-`{-~])/g, '$1');

function findBacktickRun(s: string, from: number, n: number): number {
  for (let j = s.indexOf('`', from); j >= 0; j = s.indexOf('`', j)) {
    const start = j;
    while (s[j] === '`') j++;
    if (j - start === n) return start;
  }
  return -1;
}

/** A code span's text: newlines as spaces, one space stripped from each side if both have one. */
function codeText(raw: string): string {
  const t = raw.replace(/\n/g, ' ');
  return t.length > 1 && t[0] === ' ' && t.at(-1) === ' ' && t.trim() ? t.slice(1, -1) : t;
}

/** End of a bare URL minus trailing punctuation and unbalanced `)` (as GFM), e.g. in "(see https://x.y)." */
function trimUrl(url: string): number {
  let unbalanced = 0;
  for (const ch of url) unbalanced += ch === ')' ? 1 : ch === '(' ? -1 : 0;
  let end = url.length;
  for (; end > 0; end--) {
    const ch = url[end - 1]!;
    if (ch === ')' ? unbalanced-- <= 0 : !".,:;!?'*_~".includes(ch)) break;
  }
  return end;
}

/** Merges adjacent text nodes into new nodes (open frames still mutate their markers). */
function tidy(nodes: MdInline[]): MdInline[] {
  const res: MdInline[] = [];
  for (const n of nodes) {
    const last = res.at(-1);
    if (n.type === 'text' && last?.type === 'text') res[res.length - 1] = { type: 'text', text: last.text + n.text };
    else res.push(n);
  }
  return res;
}

/** Link text may not contain links, e.g. the bare URL in `[https://a.b](https://a.b)`. */
function unlink(nodes: MdInline[]): MdInline[] {
  return tidy(
    nodes.flatMap((n): MdInline[] => {
      if (n.type === 'link') return unlink(n.children);
      if ('children' in n) return [{ type: n.type, children: unlink(n.children) }];
      return [n];
    }),
  );
}

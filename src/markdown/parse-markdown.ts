import { safeHref } from './safe-href';

/** Inline content. A `link` href has always passed {@link safeHref}. */
export type MdInline =
  | { type: 'text' | 'code'; text: string }
  | { type: 'br' }
  | { type: 'strong' | 'em'; children: MdInline[] }
  | { type: 'link'; href: string; title?: string; children: MdInline[] };

/** Block content; each list item is itself a list of blocks. */
export type MdBlock =
  | { type: 'paragraph'; children: MdInline[] }
  | { type: 'heading'; level: number; children: MdInline[] }
  | { type: 'list'; ordered: boolean; start: number; loose: boolean; items: MdBlock[][] }
  | { type: 'code'; text: string }
  | { type: 'quote'; children: MdBlock[] }
  | { type: 'hr' };

// Nesting caps keep recursion (here and in the renderer) shallow and every delimiter
// search O(1), whatever the input; real help text never gets near them.
const MAX_BLOCK_DEPTH = 8;
const MAX_INLINE_DEPTH = 16;

// All patterns are anchored or sticky, without nested quantifiers: linear time.
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const CLOSING_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const HR = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]|$)/;
const QUOTE = /^ {0,3}> ?/;
const ITEM = /^( *)([-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;
const SPECIAL = /[\\`*_[\]!<\nh]/gi;
const ESCAPABLE = /[!-/:-@[-`{-~]/;
const SPACE = /\s/;
const PUNCT = /[\p{P}\p{S}]/u;
const WORD = /[\p{L}\p{N}_]/u;
const AUTOLINK = /<(?:([a-z][a-z\d+.-]{1,31}:[^\s<>]*)|([^\s<>@]+@[^\s<>@]+))>/iy;
const BARE_URL = /https?:\/\/[^\s<>[\]`"]+/iy;
/**
 * Text the parser would turn into one plain paragraph: a single line, no block marker at its
 * start, none of the inline syntax characters (a `!` alone is text), and no `://` (bare URLs).
 */
const PLAIN = /^(?![ \t]*(?:[#>+~-]|\d{1,9}[.)]))[^\\`*_[\]<\n\r\0]*$/;

/**
 * Parses the Markdown subset used in connector help text into a small AST.
 * Total and pure: any string gives a result, in roughly linear time.
 *
 * @example
 * parseMarkdown('1. Log in to **Example**');
 * // [{ type: 'list', ordered: true, start: 1, loose: false, items: [[{ type: 'paragraph',
 * //   children: [{ type: 'text', text: 'Log in to ' }, { type: 'strong', children: [...] }] }]] }]
 */
export function parseMarkdown(source: string): MdBlock[] {
  // Most help text is plain: skip the parser (and its first-use compile) for it.
  if (typeof source === 'string' && PLAIN.test(source) && !source.includes('://')) {
    const text = source.trim();
    return text ? [{ type: 'paragraph', children: [{ type: 'text', text }] }] : [];
  }
  const lines = (typeof source === 'string' ? source : '').replace(/\0/g, '\uFFFD').split(/\r\n?|\n/);
  // Tabs only matter as indentation: a leading tab counts as 4 spaces.
  return parseBlocks(lines.map((l) => l.replace(/^[ \t]+/, (ws) => ws.replace(/\t/g, '    '))), 0);
}

/** Opening fence of a code block (a backtick fence may not have backticks after it). */
function fenceOf(line: string): string | undefined {
  const m = FENCE.exec(line);
  return m && !(m[1]![0] === '`' && line.slice(m[0].length).includes('`')) ? m[1] : undefined;
}

/** Whether `line` starts a block and so ends the paragraph above it. */
function startsBlock(line: string): boolean {
  const item = ITEM.exec(line);
  return !!fenceOf(line) || HR.test(line) || HEADING.test(line) || QUOTE.test(line) || (!!item && item[0].length < line.length);
}

function paragraph(lines: string[]): MdBlock {
  return { type: 'paragraph', children: parseInline(lines.map((l) => l.trim()).join('\n')) };
}

function parseBlocks(lines: string[], depth: number): MdBlock[] {
  const out: MdBlock[] = [];
  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!;
    const fence = fenceOf(line);
    const heading = HEADING.exec(line);
    if (!line.trim()) i++;
    else if (depth >= MAX_BLOCK_DEPTH) {
      // Too deeply nested to be real help text: keep the words, drop the structure.
      out.push(paragraph(lines.slice(i).filter((l) => l.trim())));
      break;
    } else if (fence) {
      const body: string[] = [];
      // An unclosed fence runs to the end, as in CommonMark.
      while (++i < lines.length && !CLOSING_FENCE.exec(lines[i]!)?.[1]?.startsWith(fence)) body.push(lines[i]!);
      out.push({ type: 'code', text: body.join('\n') });
      i++;
    } else if (HR.test(line)) {
      out.push({ type: 'hr' });
      i++;
    } else if (heading) {
      const text = line.slice(heading[0].length).trim().replace(/(?:^|[ \t])#+$/, '');
      out.push({ type: 'heading', level: heading[1]!.length, children: parseInline(text.trim()) });
      i++;
    } else if (QUOTE.test(line)) {
      const inner: string[] = [];
      for (; i < lines.length; i++) {
        const l = lines[i]!;
        const q = QUOTE.exec(l);
        // An unmarked line straight after quoted text continues it ("lazy" continuation).
        if (q || (l.trim() && inner.at(-1)?.trim() && !startsBlock(l))) inner.push(q ? l.slice(q[0].length) : l);
        else break;
      }
      out.push({ type: 'quote', children: parseBlocks(inner, depth + 1) });
    } else if (ITEM.test(line)) {
      i = parseList(lines, i, depth, out);
    } else {
      const para = [line];
      while (++i < lines.length && lines[i]!.trim() && !startsBlock(lines[i]!)) para.push(lines[i]!);
      out.push(paragraph(para));
    }
  }
  return out;
}

/** Parses the list starting at `lines[i]` into `out`; returns the index after it. */
function parseList(lines: string[], i: number, depth: number, out: MdBlock[]): number {
  const marker = ITEM.exec(lines[i]!)![2]!;
  const ordered = marker.length > 1;
  const items: MdBlock[][] = [];
  let loose = false;
  let gap = false;
  for (let m; i < lines.length && (m = ITEM.exec(lines[i]!)) && (m[2]!.length > 1) === ordered && !HR.test(lines[i]!); ) {
    const indent = m[1]!.length;
    const body = [lines[i]!.slice(m[0].length)];
    const contentIndent = body[0] ? m[0].length : indent + m[2]!.length + 1;
    while (++i < lines.length) {
      const l = lines[i]!;
      const ind = /^ */.exec(l)![0].length;
      if (!l.trim()) body.push('');
      // A marker indented 2+ spaces nests, even if less indented than the item's text.
      else if (ind >= contentIndent || (ind >= indent + 2 && ITEM.test(l))) body.push(l.slice(Math.min(ind, contentIndent)));
      else if (body.at(-1) && !startsBlock(l)) body.push(l.trim()); // lazy continuation
      else break;
    }
    let end = body.length;
    while (end > 0 && !body[end - 1]) end--;
    // Blank lines between or inside items make the list loose (items keep their <p>).
    loose ||= gap || body.slice(0, end).includes('');
    gap = end < body.length;
    items.push(parseBlocks(body.slice(0, end), depth + 1));
  }
  out.push({ type: 'list', ordered, start: ordered ? Number.parseInt(marker, 10) : 1, loose, items });
  return i;
}

/** An open delimiter: `ch` is `*`, `_` or `[`; `n` how many `*`/`_` are still unmatched. */
type Frame = { ch: string; n: number; start: number; marker: { type: 'text'; text: string }; image: boolean };

/**
 * One left-to-right pass with a stack of open delimiters (emphasis runs, brackets), in the
 * spirit of CommonMark's delimiter stack. Nodes live in one flat array; closing a delimiter
 * splices out what follows its opener, so each node moves O(1) times: linear overall.
 */
function parseInline(s: string): MdInline[] {
  const out: MdInline[] = [];
  const frames: Frame[] = [];
  const noCloser = new Set<number>();
  let buf = '';
  const flush = () => {
    if (buf) out.push({ type: 'text', text: buf });
    buf = '';
  };
  const emit = (node: MdInline) => (flush(), out.push(node));
  const open = (ch: string, n: number, text: string, image = false) => {
    if (frames.length >= MAX_INLINE_DEPTH) return void (buf += text);
    flush();
    const marker = { type: 'text' as const, text };
    frames.push({ ch, n, start: out.length, marker, image });
    out.push(marker);
  };
  // Innermost open frame for `ch`; emphasis cannot reach outside an open bracket.
  const find = (ch: string) => {
    let k = frames.length - 1;
    while (k >= 0 && frames[k]!.ch !== ch && frames[k]!.ch !== '[') k--;
    return frames[k]?.ch === ch ? k : -1;
  };
  // Content of frames[k]; delimiters opened after it stay literal text.
  const close = (k: number) => {
    flush();
    frames.length = k + 1;
    return tidy(out.splice(frames[k]!.start + 1));
  };
  // Removes the innermost frame `f` together with its marker.
  const drop = (f: Frame) => void (frames.pop(), (out.length = f.start));

  for (let i = 0; i < s.length; ) {
    SPECIAL.lastIndex = i;
    const next = SPECIAL.exec(s)?.index ?? s.length;
    buf += s.slice(i, next);
    if ((i = next) >= s.length) break;
    const c = s[i]!;
    let run = i + 1;
    if (c === '`' || c === '*' || c === '_') while (s[run] === c) run++;
    if (c === '\\') {
      const d = s[i + 1] ?? '';
      if (d === '\n') emit({ type: 'br' });
      else buf += ESCAPABLE.test(d) ? d : c + d;
      i += 2;
    } else if (c === '\n') {
      emit({ type: 'br' });
      i++;
    } else if (c === '`') {
      const n = run - i;
      // A failed search for a closing run of length n covered the rest of the text: never repeat it.
      const end = noCloser.has(n) ? -1 : findBacktickRun(s, run, n);
      if (end < 0) (noCloser.add(n), (buf += s.slice(i, run)));
      else emit({ type: 'code', text: codeText(s.slice(run, end)) });
      i = end < 0 ? run : end + n;
    } else if (c === '*' || c === '_') {
      let n = run - i;
      const before = s[i - 1] ?? ' ';
      const after = s[run] ?? ' ';
      i = run;
      // CommonMark flanking rules (so snake_case_name stays as is); longer runs are never emphasis.
      const left = n <= 3 && !SPACE.test(after) && (!PUNCT.test(after) || SPACE.test(before) || PUNCT.test(before));
      const right = n <= 3 && !SPACE.test(before) && (!PUNCT.test(before) || SPACE.test(after) || PUNCT.test(after));
      for (let k = -1; right && n > 0 && (c === '*' || !left || PUNCT.test(after)) && (k = find(c)) >= 0; ) {
        const o = frames[k]!;
        const use = Math.min(n, o.n, 2);
        const children = close(k);
        n -= use;
        if ((o.n -= use)) o.marker.text = c.repeat(o.n);
        else drop(o);
        out.push({ type: use === 2 ? 'strong' : 'em', children });
      }
      if (n && left && (c === '*' || !right || PUNCT.test(before))) open(c, n, c.repeat(n));
      else buf += c.repeat(n);
    } else if (c === '[' || (c === '!' && s[i + 1] === '[')) {
      open('[', 0, c === '[' ? '[' : '![', c === '!');
      i += c === '[' ? 1 : 2;
    } else if (c === ']') {
      const k = find('[');
      const tail = k >= 0 ? linkTail(s, i + 1) : undefined;
      const o = frames[k];
      if (!tail || !o) {
        if (o) frames.splice(k, 1); // not a link after all: its "[" stays literal
        buf += c;
        i++;
        continue;
      }
      const children = unlink(close(k));
      drop(o);
      i = tail.end;
      // Images are never loaded (alt text only); a refused URL leaves just its text.
      const href = o.image ? undefined : safeHref(tail.dest);
      if (href) out.push({ type: 'link', href, title: tail.title, children });
      else for (const child of children) out.push(child);
      // No links inside links (as CommonMark): outer brackets can no longer open one.
      if (!o.image) for (let j = frames.length - 1; j >= 0; j--) if (frames[j]!.ch === '[') frames.splice(j, 1);
    } else if (c === '<') {
      AUTOLINK.lastIndex = i;
      const a = AUTOLINK.exec(s);
      const href = a ? safeHref(a[1] ?? `mailto:${a[2]}`) : undefined;
      // Anything else starting with "<", raw HTML included, stays literal text.
      if (a && href) emit({ type: 'link', href, children: [{ type: 'text', text: a[1] ?? a[2]! }] });
      else buf += c;
      i += a && href ? a[0].length : 1;
    } else {
      // "h" may start a bare URL (never mid-word); a lone "!" is just text.
      BARE_URL.lastIndex = i;
      const m = c === '!' || WORD.test(s[i - 1] ?? ' ') ? null : BARE_URL.exec(s);
      const url = m ? m[0].slice(0, trimUrl(m[0])) : c;
      const href = m ? safeHref(url) : undefined;
      if (href) emit({ type: 'link', href, children: [{ type: 'text', text: url }] });
      else buf += url; // consumed whole even when refused, so it is never rescanned
      i += url.length;
    }
  }
  flush();
  return tidy(out);
}

/** `(dest "title")` right after a `]`; undefined unless well formed. */
function linkTail(s: string, p: number): { dest: string; title?: string; end: number } | undefined {
  if (s[p] !== '(') return undefined;
  let i = skipSpace(s, p + 1);
  const angled = s[i] === '<';
  const from = angled ? ++i : i;
  // Also stops at brackets and whitespace, so separate link attempts never rescan the same text.
  for (let depth = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\') i++;
    else if (angled ? c === '>' || c === '<' || c === '\n' : c === '[' || c === ']' || c <= ' ') break;
    else if (c === '(') depth++;
    else if (c === ')' && !angled && depth-- === 0) break;
  }
  const dest = unescape(s.slice(from, i));
  if (angled && s[i++] !== '>') return undefined;
  const gap = i;
  i = skipSpace(s, i);
  let title: string | undefined;
  const q = s[i];
  if ((q === '"' || q === "'") && i > gap) {
    let end = i + 1;
    for (; end < s.length && s[end] !== q; end++) if (s[end] === '\\') end++;
    if (end >= s.length) return undefined;
    title = unescape(s.slice(i + 1, end));
    i = skipSpace(s, end + 1);
  }
  return s[i] === ')' ? { dest, title, end: i + 1 } : undefined;
}

function skipSpace(s: string, i: number): number {
  while (s[i] === ' ' || s[i] === '\t' || s[i] === '\n') i++;
  return i;
}

const unescape = (s: string) => s.replace(/\\([!-/:-@[-`{-~])/g, '$1');

function findBacktickRun(s: string, from: number, n: number): number {
  for (let j = s.indexOf('`', from); j >= 0; j = s.indexOf('`', j)) {
    const start = j;
    while (s[j] === '`') j++;
    if (j - start === n) return start;
  }
  return -1;
}

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
    nodes.flatMap((n): MdInline[] =>
      n.type === 'link' ? unlink(n.children) : 'children' in n ? [{ type: n.type, children: unlink(n.children) }] : [n],
    ),
  );
}

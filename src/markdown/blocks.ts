import { parseInline } from './inline';
import type { MdBlock } from './markdown-ast';

// A nesting cap keeps recursion (here and in the renderer) shallow whatever the input; real
// help text never gets near it.
const MAX_BLOCK_DEPTH = 8;

// All patterns are anchored, without nested quantifiers: linear time.
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const CLOSING_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const HR = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]|$)/;
const ITEM = /^( *)([-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;

/** Lines in, blocks out; each step reads from `lines[at]` and returns the index after its block. */
type Step = (lines: string[], at: number, depth: number, out: MdBlock[]) => number;

/**
 * The blocks of `lines` (tabs already expanded), in CommonMark's spirit: fenced code, rules,
 * ATX headings, lists and paragraphs. Deeper than the cap, the words stay and the
 * structure goes.
 */
export function parseBlocks(lines: string[], depth: number): MdBlock[] {
  const out: MdBlock[] = [];
  for (let i = 0; i < lines.length; ) {
    if (!lines[i]!.trim()) {
      i++;
    } else if (depth >= MAX_BLOCK_DEPTH) {
      out.push(paragraph(lines.slice(i).filter((l) => l.trim())));
      break;
    } else {
      i = stepFor(lines[i]!)(lines, i, depth, out);
    }
  }
  return out;
}

/** Which block a non-blank line opens. */
function stepFor(line: string): Step {
  if (fenceOf(line)) return codeBlock;
  if (HR.test(line)) return rule;
  if (HEADING.test(line)) return heading;
  if (ITEM.test(line)) return list;
  return paragraphBlock;
}

/** Opening fence of a code block (a backtick fence may not have backticks after it). */
function fenceOf(line: string): string | undefined {
  const m = FENCE.exec(line);
  if (!m) return undefined;
  const fence = m[1]!;
  return fence[0] === '`' && line.slice(m[0].length).includes('`') ? undefined : fence;
}

/** Whether `line` starts a block and so ends the paragraph (or lazy continuation) above it. */
function startsBlock(line: string): boolean {
  const item = ITEM.exec(line);
  const nonEmptyItem = item !== null && item[0].length < line.length;
  return fenceOf(line) !== undefined || HR.test(line) || HEADING.test(line) || nonEmptyItem;
}

function paragraph(lines: string[]): MdBlock {
  return { type: 'paragraph', children: parseInline(lines.map((l) => l.trim()).join('\n')) };
}

const codeBlock: Step = (lines, at, _depth, out) => {
  const fence = fenceOf(lines[at]!)!;
  const body: string[] = [];
  let i = at + 1;
  // An unclosed fence runs to the end, as in CommonMark.
  for (; i < lines.length && !closesFence(lines[i]!, fence); i++) body.push(lines[i]!);
  out.push({ type: 'code', text: body.join('\n') });
  return i + 1;
};

function closesFence(line: string, fence: string): boolean {
  const closing = CLOSING_FENCE.exec(line)?.[1];
  return closing?.startsWith(fence) === true;
}

const rule: Step = (_lines, at, _depth, out) => {
  out.push({ type: 'hr' });
  return at + 1;
};

const heading: Step = (lines, at, _depth, out) => {
  const line = lines[at]!;
  const marker = HEADING.exec(line)!;
  // Closing hashes ("## Title ##") are decoration.
  const text = line
    .slice(marker[0].length)
    .trim()
    .replace(/(?:^|[ \t])#+$/, '');
  out.push({ type: 'heading', level: marker[1]!.length, children: parseInline(text.trim()) });
  return at + 1;
};

const paragraphBlock: Step = (lines, at, _depth, out) => {
  let i = at + 1;
  while (i < lines.length && lines[i]!.trim() && !startsBlock(lines[i]!)) i++;
  out.push(paragraph(lines.slice(at, i)));
  return i;
};

/** A list: items of the same kind (bullet or ordered) one after another. */
const list: Step = (lines, at, depth, out) => {
  const marker = ITEM.exec(lines[at]!)![2]!;
  const ordered = marker.length > 1;
  const items: MdBlock[][] = [];
  let loose = false;
  let gapBefore = false;
  let i = at;
  for (let m = itemOfKind(lines[i]!, ordered); m; m = i < lines.length ? itemOfKind(lines[i]!, ordered) : undefined) {
    const item = listItem(lines, i, m);
    i = item.end;
    // Blank lines between or inside items make the list loose (items keep their <p>).
    loose ||= gapBefore || item.body.includes('');
    gapBefore = item.trailingBlank;
    items.push(parseBlocks(item.body, depth + 1));
  }
  out.push({ type: 'list', ordered, start: ordered ? Number.parseInt(marker, 10) : 1, loose, items });
  return i;
};

/** The item marker of `line` when it continues a list of this kind ("* * *" is a rule, not an item). */
function itemOfKind(line: string, ordered: boolean): RegExpExecArray | undefined {
  const m = ITEM.exec(line);
  return m && m[2]!.length > 1 === ordered && !HR.test(line) ? m : undefined;
}

/** One item's lines, de-indented, without trailing blank lines; `end` is the index after it. */
function listItem(lines: string[], at: number, m: RegExpExecArray): { body: string[]; end: number; trailingBlank: boolean } {
  const indent = m[1]!.length;
  const first = lines[at]!.slice(m[0].length);
  // Continuation lines align with the item's text (or, for an empty first line, the marker + 1).
  const contentIndent = first ? m[0].length : indent + m[2]!.length + 1;
  const body = [first];
  let i = at + 1;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const lineIndent = /^ */.exec(line)![0].length;
    if (!line.trim()) body.push('');
    // A marker indented 2+ spaces nests, even if less indented than the item's text.
    else if (lineIndent >= contentIndent || (lineIndent >= indent + 2 && ITEM.test(line)))
      body.push(line.slice(Math.min(lineIndent, contentIndent)));
    else if (body.at(-1) && !startsBlock(line))
      body.push(line.trim()); // lazy continuation
    else break;
  }
  let end = body.length;
  while (end > 0 && !body[end - 1]) end--;
  return { body: body.slice(0, end), end: i, trailingBlank: end < body.length };
}

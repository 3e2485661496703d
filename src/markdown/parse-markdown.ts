import { parseBlocks } from './blocks';
import type { MdBlock } from './markdown-ast';

export type { MdBlock, MdInline } from './markdown-ast';

/**
 * Text the parser would turn into one plain paragraph: a single line, no block marker at its
 * start, none of the inline syntax characters (a `!` alone is text), and no `://` (bare URLs).
 */
const PLAIN = /^(?![ \t]*(?:[#>+~-]|\d{1,9}[.)]))[^\\`*_[\]<\n\r\0]*$/;

/**
 * Parses the Markdown that connector help text uses into a small AST: paragraphs, headings,
 * lists, fenced code and rules (blocks.ts); emphasis, code spans, links (images as their alt
 * text) and bare URLs (inline.ts). Quotes and `<autolinks>` are left out: no published piece's
 * auth help uses them, and what they would wrap still reads well as text (a URL in angle brackets
 * is still linked). Total and pure: any string gives a result, in roughly linear time.
 *
 * @example
 * parseMarkdown('1. Log in to **Example**');
 * // [{ type: 'list', ordered: true, start: 1, loose: false, items: [[{ type: 'paragraph',
 * //   children: [{ type: 'text', text: 'Log in to ' }, { type: 'strong', children: [...] }] }]] }]
 */
export function parseMarkdown(source: string): MdBlock[] {
  if (typeof source !== 'string') return [];
  // Most help text is plain: skip the parser (and its first-use compile) for it.
  if (PLAIN.test(source) && !source.includes('://')) {
    const text = source.trim();
    return text ? [{ type: 'paragraph', children: [{ type: 'text', text }] }] : [];
  }
  const lines = source.replace(/\0/g, '\uFFFD').split(/\r\n?|\n/);
  // Tabs only matter as indentation: a leading tab counts as 4 spaces.
  return parseBlocks(
    lines.map((l) => l.replace(/^[ \t]+/, (ws) => ws.replace(/\t/g, '    '))),
    0,
  );
}

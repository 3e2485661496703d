/** Inline content. A `link` href has always passed `safeHref`. */
export type MdInline =
  | { type: 'text' | 'code'; text: string }
  | { type: 'br' }
  | { type: 'strong' | 'em'; children: MdInline[] }
  | { type: 'link'; href: string; title?: string | undefined; children: MdInline[] };

/** Block content; each list item is itself a list of blocks. */
export type MdBlock =
  | { type: 'paragraph'; children: MdInline[] }
  | { type: 'heading'; level: number; children: MdInline[] }
  | { type: 'list'; ordered: boolean; start: number; loose: boolean; items: MdBlock[][] }
  | { type: 'code'; text: string }
  | { type: 'hr' };

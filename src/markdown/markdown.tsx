import { Fragment, useMemo, type ReactNode } from 'react';
import { parseMarkdown, type MdBlock, type MdInline } from './parse-markdown';

export interface MarkdownProps {
  /** Author-written Markdown (e.g. a PieceAuth `description`). Raw HTML is shown as text. */
  source: string;
  /** Extra class names, added after the default `ck-markdown`. */
  className?: string | undefined;
  /** Id of the wrapper, so a field can point `aria-describedby` at the help text. */
  id?: string | undefined;
  /** The wrapper's `data-slot`: which part of the form it is (`description`, `field-description`). */
  'data-slot'?: string | undefined;
}

/**
 * Renders connector help text written in a small, safe Markdown subset.
 * Output is built from React elements only (never `dangerouslySetInnerHTML`):
 * raw HTML shows as text, images show their alt text, and links are kept only
 * for `http:`, `https:` and `mailto:` URLs and open in a new tab.
 *
 * @example
 * <input aria-describedby="api-key-help" />
 * <Markdown id="api-key-help" source={'1. Log in to **Example**\n2. Copy the `token`'} />
 */
export function Markdown({ source, className, id, 'data-slot': slot }: MarkdownProps) {
  const blocks = useMemo(() => parseMarkdown(source), [source]);
  return (
    <div id={id} data-slot={slot} className={className ? `ck-markdown ${className}` : 'ck-markdown'}>
      {renderBlocks(blocks, false)}
    </div>
  );
}

// `tight`: paragraphs of a list without blank lines render without a <p> wrapper.
function renderBlocks(blocks: MdBlock[], tight: boolean): ReactNode[] {
  return blocks.map((block, key) => {
    switch (block.type) {
      case 'paragraph':
        return tight ? <Fragment key={key}>{renderInline(block.children)}</Fragment> : <p key={key}>{renderInline(block.children)}</p>;
      case 'heading':
        // Not <h1>-<h6>: help text must not add headings to the host page's outline.
        return (
          <p key={key}>
            <strong>{renderInline(block.children)}</strong>
          </p>
        );
      case 'list': {
        const items = block.items.map((item, i) => <li key={i}>{renderBlocks(item, !block.loose)}</li>);
        return block.ordered ? (
          <ol key={key} start={block.start === 1 ? undefined : block.start}>
            {items}
          </ol>
        ) : (
          <ul key={key}>{items}</ul>
        );
      }
      case 'code':
        return (
          <pre key={key}>
            <code>{block.text}</code>
          </pre>
        );
      case 'hr':
        return <hr key={key} />;
      default:
        // Unreachable: every block type has its case (TypeScript checks it here).
        block satisfies never;
        return null;
    }
  });
}

function renderInline(nodes: MdInline[]): ReactNode[] {
  return nodes.map((node, key) => {
    switch (node.type) {
      case 'text':
        return node.text;
      case 'code':
        return <code key={key}>{node.text}</code>;
      case 'br':
        return <br key={key} />;
      case 'strong':
        return <strong key={key}>{renderInline(node.children)}</strong>;
      case 'em':
        return <em key={key}>{renderInline(node.children)}</em>;
      case 'link':
        // `href` already passed safeHref in the parser.
        return (
          <a key={key} href={node.href} title={node.title} target="_blank" rel="noopener noreferrer">
            {renderInline(node.children)}
          </a>
        );
      default:
        node satisfies never;
        return null;
    }
  });
}

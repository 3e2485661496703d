// Security note 16: author-written markdown (a definition's descriptions and notes) is rendered
// without raw HTML, without images, and with links only to http(s)/mailto URLs, opened with
// `target="_blank" rel="noopener noreferrer"` — whatever disguise a hostile author tries.
// Checked against an allowlist of elements and attributes, in the DOM and in server-rendered HTML.
import { render } from '@testing-library/react';
import fc from 'fast-check';
import { renderToString } from 'react-dom/server';
import { ConnectionForm, PieceAuth, Property } from '../../src';
import { Markdown } from '../../src/markdown/markdown';

const ELEMENTS = new Set(['DIV', 'P', 'STRONG', 'EM', 'CODE', 'PRE', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'HR', 'BR', 'A']);
const ATTRIBUTES: Record<string, Set<string>> = {
  DIV: new Set(['class', 'id']),
  OL: new Set(['start']),
  A: new Set(['href', 'title', 'target', 'rel']),
};
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** Fails unless `root` holds only the allowed elements and attributes, and only safe links. */
function expectOnlySafeMarkup(root: Element) {
  for (const el of [root, ...root.querySelectorAll('*')]) {
    expect(ELEMENTS.has(el.tagName) ? el.tagName : `<${el.tagName}>`).toBe(el.tagName);
    for (const name of el.getAttributeNames()) {
      expect([el.tagName, name, ATTRIBUTES[el.tagName]?.has(name) ?? false]).toEqual([el.tagName, name, true]);
    }
    if (el.tagName === 'A') {
      const a = el as HTMLAnchorElement;
      // What the browser would follow: the href as its URL parser reads it.
      expect(SAFE_PROTOCOLS.has(new URL(a.getAttribute('href')!).protocol)).toBe(true);
      expect(SAFE_PROTOCOLS.has(a.protocol)).toBe(true);
      expect(a.target).toBe('_blank');
      expect(a.rel.split(' ').sort()).toEqual(['noopener', 'noreferrer']);
    }
  }
}

/** The server-rendered HTML, parsed as a browser parses it (entities decoded, tags built). */
function parsedServerHtml(source: string): Element {
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${renderToString(<Markdown source={source} />)}</body>`, 'text/html');
  expect(doc.body.children).toHaveLength(1);
  return doc.body.firstElementChild!;
}

// ---------------------------------------------------------------------------------------------
// Hostile input.

/** What browsers ignore in a URL (leading C0 controls and spaces; tabs and newlines anywhere), and what they do not. */
const junk = fc.constantFrom(
  '',
  '',
  '',
  ' ',
  '\t',
  '\n',
  '\r',
  '\u0000',
  '\u0001',
  '\u0008',
  '\u000b',
  '\u000c',
  '\u001f',
  '\u00a0',
  '\u200b',
  '\u2028',
  '\ufeff',
);
const entity = (c: string) =>
  fc.constantFrom(
    c,
    c,
    `&#${c.charCodeAt(0)};`,
    `&#x${c.charCodeAt(0).toString(16)};`,
    `&#0000${c.charCodeAt(0)};`,
    c === ':' ? '&colon;' : c,
    `%${c.charCodeAt(0).toString(16)}`,
  );
/** `scheme:`, each character maybe in another case, entity-encoded, or with junk before it. */
const obfuscatedScheme = (scheme: string) =>
  fc
    .tuple(...[...`${scheme}:`].map((c) => fc.tuple(junk, fc.boolean(), entity(c))))
    .map((parts) => parts.map(([j, up, c]) => j + (up ? c.toUpperCase() : c)).join(''));
const hostileUrl = fc.oneof(
  fc
    .tuple(junk, obfuscatedScheme('javascript'), fc.constantFrom('alert(1)', 'alert`1`', '//%0aalert(1)', 'void(0)'))
    .map((p) => p.join('')),
  fc.tuple(junk, obfuscatedScheme('vbscript'), fc.constant('msgbox(1)')).map((p) => p.join('')),
  fc
    .tuple(
      junk,
      obfuscatedScheme('data'),
      fc.constantFrom('text/html,<script>alert(1)</script>', 'image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+'),
    )
    .map((p) => p.join('')),
  fc.constantFrom(
    'file:///etc/passwd',
    'blob:https://x.example/1',
    '//evil.example',
    '/relative',
    'about:blank',
    'chrome://settings',
    'ws://x.example',
  ),
);
const markup = fc.constantFrom(
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<scr<script>ipt>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg/onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">x</a>',
  '<body onload=alert(1)>',
  '<style>*{background:url(javascript:alert(1))}</style>',
  '<object data="javascript:alert(1)">',
  '<embed src=x>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:/">',
  '<link rel=stylesheet href=//evil.example>',
  '<form action=javascript:alert(1)><button>x</button></form>',
  '<details open ontoggle=alert(1)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '<!-- --><script>alert(1)</script>',
  '<![CDATA[<script>alert(1)</script>]]>',
);
/** A fragment of markdown built around a hostile URL or markup. */
const hostileFragment = fc.oneof(
  hostileUrl.map((u) => `[click me](${u})`),
  hostileUrl.map((u) => `[click me](<${u}>)`),
  hostileUrl.map((u) => `[click me](${u} "title")`),
  hostileUrl.map((u) => `<${u}>`),
  hostileUrl.map((u) => `![logo](${u})`),
  hostileUrl.map((u) => `[![logo](https://x.example/a.png)](${u})`),
  fc.constant('![tracker](https://evil.example/pixel.gif)'),
  fc.constant('[ok](https://example.com/" onmouseover="alert(1))'),
  fc.constant('[ok](https://example.com "t\\" onclick=\\"alert(1)")'),
  fc.constant('[ok](https://example.com/x)<img src=x onerror=alert(1)>'),
  hostileUrl,
  markup,
  markup.map((m) => `\`${m}\``),
  markup.map((m) => `\`\`\`\n${m}\n\`\`\``),
);
const glue = fc.constantFrom('', ' ', '\n', '\n\n', '**', '_', '- ', '1. ', '> ', '# ', '\\', '`', '[', ']', '(', ')', 'text ');
const hostileMarkdown = fc.array(fc.oneof(hostileFragment, glue), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''));

describe('hostile markdown (property)', () => {
  it('renders to the DOM with only allowlisted elements and attributes, and only safe links', () => {
    fc.assert(
      fc.property(hostileMarkdown, (source) => {
        const { container, unmount } = render(<Markdown source={source} />);
        try {
          expectOnlySafeMarkup(container.firstElementChild!);
        } finally {
          unmount();
        }
      }),
      { numRuns: 250 },
    );
  }, 30_000);

  it('server-renders to HTML that a browser parses into the same safe markup', () => {
    fc.assert(
      fc.property(hostileMarkdown, (source) => {
        expectOnlySafeMarkup(parsedServerHtml(source));
      }),
      { numRuns: 200 },
    );
  }, 30_000);

  it('never turns a disguised javascript:, vbscript:, data: or other non-web URL into a link', () => {
    fc.assert(
      fc.property(hostileUrl, fc.constantFrom('inline', 'angle', 'autolink', 'bare'), (url, form) => {
        const source = { inline: `[click me](${url})`, angle: `[click me](<${url}>)`, autolink: `<${url}>`, bare: `see ${url} now` }[form];
        const { container, unmount } = render(<Markdown source={source} />);
        try {
          if (form === 'bare' || form === 'autolink') {
            // Text may hold a genuine https URL inside (`blob:https://…`): only that may link.
            for (const a of container.querySelectorAll('a')) expect(['http:', 'https:']).toContain(a.protocol);
          } else {
            expect(container.querySelector('a')).toBeNull();
          }
          if (form === 'inline' || form === 'angle') expect(container.textContent).toContain('click me');
        } finally {
          unmount();
        }
      }),
      { numRuns: 250 },
    );
  }, 30_000);

  it('keeps genuine http(s) and mailto links working, opened in a new tab without opener or referrer', () => {
    // Addresses whose local part starts with "//" or holds "?", "#" or "%" are legal but parse as
    // something else after "mailto:" (an authority, a query...): safeHref rightly refuses them.
    const address = fc.emailAddress().filter((e) => !/[?#%]/.test(e) && !e.startsWith('/'));
    const genuine = fc.oneof(
      fc.webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true }),
      address.map((e) => `mailto:${e}`),
    );
    fc.assert(
      fc.property(genuine, (url) => {
        const { container, unmount } = render(<Markdown source={`[the docs](<${url}>)`} />);
        try {
          const links = container.querySelectorAll('a');
          expect(links).toHaveLength(1);
          expect(links[0]!.getAttribute('href')).toBe(new URL(url).href);
          expectOnlySafeMarkup(container.firstElementChild!);
        } finally {
          unmount();
        }
      }),
      { numRuns: 120 },
    );
  }, 30_000);
});

describe('hostile markdown in a whole connection form (property)', () => {
  it('in the auth description, a prop description and a MarkDown note: nothing active anywhere in the form', () => {
    fc.assert(
      fc.property(hostileMarkdown, hostileMarkdown, hostileMarkdown, (description, help, note) => {
        const auth = PieceAuth.CustomAuth({
          displayName: 'Service',
          description,
          required: true,
          props: {
            note: Property.MarkDown({ value: note }),
            host: Property.ShortText({ displayName: 'Host', description: help, required: true }),
          },
        });
        const { container, unmount } = render(<ConnectionForm auth={auth} onConnect={() => {}} />);
        try {
          expect(container.querySelector('script, img, svg, iframe, object, embed, style, link, meta, base, math, details')).toBeNull();
          const handlers = [...container.querySelectorAll('*')].flatMap((el) => el.getAttributeNames().filter((n) => /^on/i.test(n)));
          expect(handlers).toEqual([]);
          for (const a of container.querySelectorAll('a')) {
            expect(SAFE_PROTOCOLS.has(a.protocol)).toBe(true);
            expect(a.rel.split(' ').sort()).toEqual(['noopener', 'noreferrer']);
          }
          // Only the form's own controls: markup in the help never adds a form, input or button.
          expect(container.querySelectorAll('form')).toHaveLength(1);
          expect([...container.querySelectorAll('input')].map((i) => i.type)).toEqual(['text']);
          expect(container.querySelectorAll('button')).toHaveLength(1);
        } finally {
          unmount();
        }
      }),
      { numRuns: 40 },
    );
  }, 30_000);
});

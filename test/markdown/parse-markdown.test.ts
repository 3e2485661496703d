import fc from 'fast-check';
import { parseMarkdown, type MdBlock, type MdInline } from '../../src/markdown/parse-markdown';

// Generous: CI machines may be busy, and these only need to finish, not be fast.
const SLOW = 30_000;

const text = (t: string): MdInline => ({ type: 'text', text: t });
const para = (...children: MdInline[]): MdBlock => ({ type: 'paragraph', children });
const link = (href: string, ...children: MdInline[]): MdInline => ({ type: 'link', href, children });

/** Inline content of a source that parses to a single paragraph. */
function inline(source: string): MdInline[] {
  const blocks = parseMarkdown(source);
  expect(blocks).toHaveLength(1);
  const [block] = blocks;
  if (block?.type !== 'paragraph') throw new Error(`expected a paragraph, got ${JSON.stringify(blocks)}`);
  return block.children;
}

function walk(value: MdBlock[] | MdInline[], visit: (node: MdBlock | MdInline, depth: number) => void, depth = 1): void {
  for (const node of value) {
    visit(node, depth);
    if ('children' in node) walk(node.children, visit, depth + 1);
    if (node.type === 'list') for (const item of node.items) walk(item, visit, depth + 1);
  }
}

function links(blocks: MdBlock[]): Array<Extract<MdInline, { type: 'link' }>> {
  const found: Array<Extract<MdInline, { type: 'link' }>> = [];
  walk(blocks, (node) => {
    if (node.type === 'link') found.push(node);
  });
  return found;
}

function maxDepth(blocks: MdBlock[]): number {
  let max = 0;
  walk(blocks, (_, depth) => {
    max = Math.max(max, depth);
  });
  return max;
}

describe('parseMarkdown: blocks', () => {
  it('parses a typical piece auth description', () => {
    const source =
      'To obtain your API key:\n1. Log in to **Example**\n2. Go to *Settings → API*\n3. Copy the `token`\n\n' +
      'See https://example.com/docs or [the docs](https://example.com/docs).';
    expect(parseMarkdown(source)).toEqual([
      para(text('To obtain your API key:')),
      {
        type: 'list',
        ordered: true,
        start: 1,
        loose: false,
        items: [
          [para(text('Log in to '), { type: 'strong', children: [text('Example')] })],
          [para(text('Go to '), { type: 'em', children: [text('Settings → API')] })],
          [para(text('Copy the '), { type: 'code', text: 'token' })],
        ],
      },
      para(
        text('See '),
        link('https://example.com/docs', text('https://example.com/docs')),
        text(' or '),
        link('https://example.com/docs', text('the docs')),
        text('.'),
      ),
    ]);
  });

  it('returns no blocks for empty or blank input', () => {
    expect(parseMarkdown('')).toEqual([]);
    expect(parseMarkdown(' \n\t\n\r\n')).toEqual([]);
  });

  it('splits paragraphs on blank lines and keeps single newlines as line breaks', () => {
    expect(parseMarkdown('one\ntwo  \r\nthree\n\n\nfour')).toEqual([
      para(text('one'), { type: 'br' }, text('two'), { type: 'br' }, text('three')),
      para(text('four')),
    ]);
  });

  it('parses ATX headings, keeping the level and dropping closing hashes', () => {
    expect(parseMarkdown('# Title #\n###### Six\n####### seven\n#not')).toEqual([
      { type: 'heading', level: 1, children: [text('Title')] },
      { type: 'heading', level: 6, children: [text('Six')] },
      para(text('####### seven'), { type: 'br' }, text('#not')),
    ]);
  });

  it('parses bullet lists with any of - * +', () => {
    expect(parseMarkdown('- a\n* b\n+ c')).toEqual([
      { type: 'list', ordered: false, start: 1, loose: false, items: [[para(text('a'))], [para(text('b'))], [para(text('c'))]] },
    ]);
  });

  it('keeps the start number of ordered lists, with "." or ")"', () => {
    expect(parseMarkdown('3. x\n4) y')).toMatchObject([
      { type: 'list', ordered: true, start: 3, items: [expect.anything(), expect.anything()] },
    ]);
    expect(parseMarkdown('0) zero')).toMatchObject([{ type: 'list', ordered: true, start: 0 }]);
  });

  it('lets a list interrupt a paragraph, and a different list kind start a new list', () => {
    expect(parseMarkdown('Steps:\n- a\n1. b').map((b) => b.type)).toEqual(['paragraph', 'list', 'list']);
  });

  it('nests lists by indentation of 2+ spaces (or a tab)', () => {
    const [list] = parseMarkdown('- a\n  - b\n    - c\n- d\n\t- e');
    expect(list).toEqual({
      type: 'list',
      ordered: false,
      start: 1,
      loose: false,
      items: [
        [
          para(text('a')),
          {
            type: 'list',
            ordered: false,
            start: 1,
            loose: false,
            items: [[para(text('b')), { type: 'list', ordered: false, start: 1, loose: false, items: [[para(text('c'))]] }]],
          },
        ],
        [para(text('d')), { type: 'list', ordered: false, start: 1, loose: false, items: [[para(text('e'))]] }],
      ],
    });
  });

  it('nests a bullet list under an ordered item indented by only 2 spaces', () => {
    const [list] = parseMarkdown('1. Open:\n  - Settings\n  - API\n2. Copy');
    expect(list).toMatchObject({
      type: 'list',
      ordered: true,
      items: [
        [para(text('Open:')), { type: 'list', ordered: false, items: [[para(text('Settings'))], [para(text('API'))]] }],
        [para(text('Copy'))],
      ],
    });
  });

  it('marks a list with blank lines between items as loose, and continues items over lazy lines', () => {
    expect(parseMarkdown('- a\n\n- b')).toMatchObject([{ type: 'list', loose: true, items: [[para(text('a'))], [para(text('b'))]] }]);
    expect(parseMarkdown('1. a\nstill a\n2. b')).toMatchObject([
      { type: 'list', loose: false, items: [[para(text('a'), { type: 'br' }, text('still a'))], [para(text('b'))]] },
    ]);
    expect(parseMarkdown('- a\n\nafter').map((b) => b.type)).toEqual(['list', 'paragraph']);
  });

  it('parses fenced code blocks with ``` and ~~~, ignoring the language and keeping contents literal', () => {
    expect(parseMarkdown('```js\n**not bold** <b>x</b>\n  indented\n```\nafter')).toEqual([
      { type: 'code', text: '**not bold** <b>x</b>\n  indented' },
      para(text('after')),
    ]);
    expect(parseMarkdown('~~~\n```\n~~~~')).toEqual([{ type: 'code', text: '```' }]);
  });

  it('runs an unclosed fence to the end of the text', () => {
    expect(parseMarkdown('```\ncode\n\nmore')).toEqual([{ type: 'code', text: 'code\n\nmore' }]);
  });

  it('shows quote markers as text (no published help text uses quotes)', () => {
    expect(parseMarkdown('> quoted **note**\nout')).toEqual([
      para(text('> quoted '), { type: 'strong', children: [text('note')] }, { type: 'br' }, text('out')),
    ]);
  });

  it('parses horizontal rules', () => {
    expect(parseMarkdown('a\n---\nb\n\n***\n\n_ _ _')).toEqual([
      para(text('a')),
      { type: 'hr' },
      para(text('b')),
      { type: 'hr' },
      { type: 'hr' },
    ]);
  });

  it('leaves tables as plain paragraphs', () => {
    expect(parseMarkdown('| a | b |\n|---|---|')).toEqual([para(text('| a | b |'), { type: 'br' }, text('|---|---|'))]);
  });
});

describe('parseMarkdown: inline', () => {
  it('parses bold and italic with both * and _', () => {
    expect(inline('**a** __b__ *c* _d_')).toEqual([
      { type: 'strong', children: [text('a')] },
      text(' '),
      { type: 'strong', children: [text('b')] },
      text(' '),
      { type: 'em', children: [text('c')] },
      text(' '),
      { type: 'em', children: [text('d')] },
    ]);
  });

  it('nests emphasis', () => {
    expect(inline('***x*** **a *b* c**')).toEqual([
      { type: 'em', children: [{ type: 'strong', children: [text('x')] }] },
      text(' '),
      { type: 'strong', children: [text('a '), { type: 'em', children: [text('b')] }, text(' c')] },
    ]);
  });

  it('does not treat intra-word underscores as emphasis', () => {
    expect(inline('use snake_case_name and my_var_')).toEqual([text('use snake_case_name and my_var_')]);
  });

  it('leaves unbalanced or space-surrounded markers as text', () => {
    expect(inline('**unclosed *mixed_ [brackets')).toEqual([text('**unclosed *mixed_ [brackets')]);
    expect(inline('2 * 3 * 4')).toEqual([text('2 * 3 * 4')]);
    expect(inline('a ** b')).toEqual([text('a ** b')]);
  });

  it('keeps code span contents literal', () => {
    expect(inline('`**x** <b> [a](https://x.y)` and `` a`b ``')).toEqual([
      { type: 'code', text: '**x** <b> [a](https://x.y)' },
      text(' and '),
      { type: 'code', text: 'a`b' },
    ]);
    expect(inline('an `unclosed code')).toEqual([text('an `unclosed code')]);
  });

  it('parses links with and without a title', () => {
    expect(inline('[docs](https://example.com/docs "The docs") [b](mailto:help@example.com)')).toEqual([
      { type: 'link', href: 'https://example.com/docs', title: 'The docs', children: [text('docs')] },
      text(' '),
      link('mailto:help@example.com', text('b')),
    ]);
  });

  it('parses emphasis inside link text and links inside emphasis', () => {
    expect(inline('[**a** b](https://x.example) **[c](https://y.example)**')).toEqual([
      link('https://x.example/', { type: 'strong', children: [text('a')] }, text(' b')),
      text(' '),
      { type: 'strong', children: [link('https://y.example/', text('c'))] },
    ]);
  });

  it('keeps balanced parentheses in link destinations', () => {
    expect(inline('[w](https://en.wikipedia.org/wiki/Foo_(bar))')).toEqual([link('https://en.wikipedia.org/wiki/Foo_(bar)', text('w'))]);
  });

  it('never nests a link inside another link', () => {
    expect(inline('[https://a.example](https://b.example)')).toEqual([link('https://b.example/', text('https://a.example'))]);
  });

  it('links a URL in angle brackets as a bare URL, and leaves an address in them as text', () => {
    expect(inline('<https://example.com/a?b=1> <help@example.com>')).toEqual([
      text('<'),
      link('https://example.com/a?b=1', text('https://example.com/a?b=1')),
      text('> <help@example.com>'),
    ]);
  });

  it('links bare http(s) URLs without trailing punctuation', () => {
    expect(inline('See https://example.com/docs.')).toEqual([
      text('See '),
      link('https://example.com/docs', text('https://example.com/docs')),
      text('.'),
    ]);
    expect(inline('(at https://example.com/a), or http://example.com/b!')).toEqual([
      text('(at '),
      link('https://example.com/a', text('https://example.com/a')),
      text('), or '),
      link('http://example.com/b', text('http://example.com/b')),
      text('!'),
    ]);
    expect(inline('https://en.wikipedia.org/wiki/Foo_(bar)')).toEqual([
      link('https://en.wikipedia.org/wiki/Foo_(bar)', text('https://en.wikipedia.org/wiki/Foo_(bar)')),
    ]);
  });

  it('does not link a URL in the middle of a word or one without a host', () => {
    expect(inline('xhttps://example.com https://')).toEqual([text('xhttps://example.com https://')]);
  });

  it('honours backslash escapes', () => {
    expect(inline('\\*not\\* \\[x\\](y) \\`z\\` \\a')).toEqual([text('*not* [x](y) `z` \\a')]);
    expect(inline('line\\\nbreak')).toEqual([text('line'), { type: 'br' }, text('break')]);
  });

  it('renders images as their alt text', () => {
    expect(inline('![the *logo*](https://example.com/logo.png)')).toEqual([text('the '), { type: 'em', children: [text('logo')] }]);
    expect(inline('[![badge](https://x.example/b.svg)](https://x.example)')).toEqual([link('https://x.example/', text('badge'))]);
  });

  it('keeps raw HTML as text', () => {
    expect(inline('<script>alert(1)</script> <b>hi</b> <img src=x onerror=alert(1)>')).toEqual([
      text('<script>alert(1)</script> <b>hi</b> <img src=x onerror=alert(1)>'),
    ]);
  });

  it('does not decode HTML entities', () => {
    expect(inline('&lt;b&gt; [x](&#106;avascript:alert(1))')).toEqual([text('&lt;b&gt; x')]);
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'JaVaScRiPt:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    '/relative/path',
    '//evil.example',
    '',
  ])('keeps only the text of a link to %j', (url) => {
    expect(links(parseMarkdown(`[click](${url})`))).toEqual([]);
    expect(parseMarkdown(`[click](${url})`)).toEqual([para(text('click'))]);
  });

  it('does not link unsafe URLs in angle brackets or URLs split by control characters', () => {
    for (const source of [
      '<javascript:alert(1)>',
      '[x](java\tscript:alert(1))',
      '[x](\u0001javascript:alert(1))',
      '[x](java\u0000script:alert(1))',
    ]) {
      expect(links(parseMarkdown(source))).toEqual([]);
    }
  });
});

describe('parseMarkdown: robustness', () => {
  it(
    'handles 100 KB of "*" and "[" characters',
    () => {
      let seed = 1;
      const random = () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed / 2 ** 31;
      };
      const sources = [
        '*'.repeat(100_000),
        '['.repeat(100_000),
        '*['.repeat(50_000),
        Array.from({ length: 100_000 }, () => (random() < 0.5 ? '*' : '[')).join(''),
        Array.from({ length: 100_000 }, () => '*[a ]_('.charAt(Math.floor(random() * 7))).join(''),
      ];
      for (const source of sources) expect(Array.isArray(parseMarkdown(source))).toBe(true);
    },
    SLOW,
  );

  it(
    'handles other pathological inputs',
    () => {
      const sources = [
        '[a]('.repeat(25_000),
        `${'`'.repeat(50_000)}\u2028`,
        Array.from({ length: 400 }, (_, i) => '`'.repeat(i + 1)).join(' '),
        '*a '.repeat(30_000) + ' a*'.repeat(30_000),
        `https://example.com/${')'.repeat(50_000)}`,
        '<http:'.repeat(20_000),
        '\\'.repeat(100_000),
        '- a\n'.repeat(20_000),
        `a${' '.repeat(100_000)}b`,
      ];
      for (const source of sources) expect(Array.isArray(parseMarkdown(source))).toBe(true);
    },
    SLOW,
  );

  it(
    'caps nesting depth for deeply nested input',
    () => {
      const deep = [
        `${'> '.repeat(10_000)} deep`,
        `${'- '.repeat(10_000)} deep`,
        Array.from({ length: 500 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n'),
        `${'1. '.repeat(10_000)}x`,
        `${'*a '.repeat(10_000)}x${' a*'.repeat(10_000)}`,
        `${'[a '.repeat(10_000)}x${'](https://x.example)'.repeat(10_000)}`,
        '***a'.repeat(10_000) + '***'.repeat(10_000),
      ];
      for (const source of deep) expect(maxDepth(parseMarkdown(source))).toBeLessThan(60);
    },
    SLOW,
  );

  it('keeps the words of very deeply nested lists', () => {
    expect(JSON.stringify(parseMarkdown(`${'- '.repeat(100)}deep`))).toContain('deep');
  });

  it(
    'never throws, stays shallow and only produces safe links, for arbitrary input',
    () => {
      const token = fc.constantFrom(
        '*',
        '**',
        '_',
        '__',
        '`',
        '```',
        '[',
        ']',
        '(',
        ')',
        '![',
        '<',
        '>',
        '\\',
        '\n',
        '\n\n',
        ' ',
        '  ',
        '\t',
        '#',
        '- ',
        '1. ',
        '> ',
        '---',
        'a',
        'b_c',
        'https://example.com',
        'javascript:alert(1)',
        'java\tscript:',
        '\u0000',
        '\u0001',
        '"',
        "'",
        'mailto:a@b.example',
        'data:text/html,x',
      );
      const source = fc.oneof(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.array(token, { maxLength: 80 }).map((parts) => parts.join('')),
      );
      fc.assert(
        fc.property(source, (input) => {
          const blocks = parseMarkdown(input);
          return maxDepth(blocks) < 60 && links(blocks).every(({ href }) => /^(https?:\/\/\S|mailto:)/.test(href));
        }),
        { numRuns: 300 },
      );
    },
    SLOW,
  );
});

describe('parseMarkdown: plain text', () => {
  it('gives plain text one paragraph of its trimmed text', () => {
    expect(parseMarkdown('  The server name, for example db.example.com!  ')).toEqual([
      para(text('The server name, for example db.example.com!')),
    ]);
    expect(parseMarkdown(' \t ')).toEqual([]);
    expect(parseMarkdown('2024 was a year; 3 > 2 & a-b+c ~ #1')).toEqual([para(text('2024 was a year; 3 > 2 & a-b+c ~ #1'))]);
  });

  it(
    'parses any single line as the full parser does after a blank line (the fast path changes nothing)',
    () => {
      // After "a" and a blank line, the line below always goes through the whole parser.
      const unit = fc.constantFrom(
        'a',
        'h',
        't',
        'p',
        's',
        ' ',
        '\t',
        '\u00a0',
        '\u2028',
        '#',
        '>',
        '-',
        '+',
        '~',
        '=',
        '|',
        '1',
        '9',
        '.',
        ')',
        '(',
        '!',
        '[',
        ']',
        '_',
        '*',
        '`',
        '\\',
        '<',
        ':',
        '/',
        'é',
        '\u0000',
        'H',
        'T',
        'P',
        'S',
      );
      const token = fc.constantFrom(
        'a',
        ' ',
        '_a_',
        '*a*',
        '**a**',
        '`a`',
        '\\*',
        'https://x.example',
        'HTTP://x.example',
        '<https://x.example>',
        '<a@b.example>',
        '[a](https://x.example)',
        '![a](https://x.example)',
        '- ',
        '+ ',
        '* ',
        '1. ',
        '2) ',
        '# ',
        '> ',
        '~~~',
        '```',
        '---',
        '***',
        '   ',
        'x!',
        'é',
      );
      const line = fc.oneof(
        fc.string({ unit, maxLength: 40 }),
        fc.array(token, { maxLength: 8 }).map((parts) => parts.join('')),
      );
      fc.assert(
        fc.property(line, (line) => {
          expect(parseMarkdown(line)).toEqual(parseMarkdown(`a\n\n${line}`).slice(1));
        }),
        { numRuns: 2000 },
      );
    },
    SLOW,
  );
});

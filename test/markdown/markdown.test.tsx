import { render, screen, within } from '@testing-library/react';
import fc from 'fast-check';
import { Markdown } from '../../src/markdown/markdown';

const DESCRIPTION =
  'To obtain your API key:\n1. Log in to **Example**\n2. Go to *Settings → API*\n3. Copy the `token`\n\n' +
  'See https://example.com/docs or [the docs](https://example.com/docs "Docs").';

/** Every attribute name in the rendered output. */
function attributeNames(container: HTMLElement): string[] {
  return [container, ...container.querySelectorAll('*')].flatMap((el) => el.getAttributeNames());
}

/** Asserts the output is inert: no active elements, no handlers, only safe links. */
function expectInert(container: HTMLElement): void {
  expect(container.querySelector('script, img, iframe, object, embed, style, svg, form, input, h1, h2, h3, h4, h5, h6')).toBeNull();
  expect(attributeNames(container).filter((name) => /^on/i.test(name))).toEqual([]);
  for (const a of container.querySelectorAll('a')) {
    expect(a.getAttribute('href')).toMatch(/^(https?:\/\/|mailto:)/);
    expect(a).toHaveAttribute('rel', 'noopener noreferrer');
    expect(a).toHaveAttribute('target', '_blank');
  }
}

describe('<Markdown>', () => {
  it('renders a typical piece auth description', () => {
    render(<Markdown source={DESCRIPTION} />);
    expect(screen.getByText('To obtain your API key:')).toBeInTheDocument();
    const list = screen.getByRole('list');
    expect(list.tagName).toBe('OL');
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual(['Log in to Example', 'Go to Settings → API', 'Copy the token']);
    expect(within(items[0]!).getByText('Example').tagName).toBe('STRONG');
    expect(within(items[1]!).getByText('Settings → API').tagName).toBe('EM');
    expect(within(items[2]!).getByText('token').tagName).toBe('CODE');

    const bare = screen.getByRole('link', { name: 'https://example.com/docs' });
    expect(bare).toHaveAttribute('href', 'https://example.com/docs');
    const docs = screen.getByRole('link', { name: 'the docs' });
    expect(docs).toHaveAttribute('href', 'https://example.com/docs');
    expect(docs).toHaveAttribute('title', 'Docs');
    expect(docs).toHaveAttribute('target', '_blank');
    expect(docs).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('wraps everything in one div with the default class, merged class and id', () => {
    const { container, rerender } = render(<Markdown source={'a\n\nb'} />);
    expect(container.children).toHaveLength(1);
    expect(container.firstElementChild).toHaveClass('ck-markdown', { exact: true });
    expect(container.firstElementChild).not.toHaveAttribute('id');

    rerender(<Markdown source={'a\n\nb'} className="ck-help extra" id="help-1" />);
    expect(container.firstElementChild).toHaveClass('ck-markdown ck-help extra', { exact: true });
    expect(container.firstElementChild).toHaveAttribute('id', 'help-1');
  });

  it('can describe a control through aria-describedby', () => {
    render(
      <>
        <label>
          API key <input aria-describedby="api-key-help" />
        </label>
        <Markdown id="api-key-help" source="Find it under **Settings**." />
      </>,
    );
    expect(screen.getByRole('textbox', { name: 'API key' })).toHaveAccessibleDescription('Find it under Settings.');
  });

  it('renders an empty div for empty source', () => {
    const { container } = render(<Markdown source="" />);
    expect(container.firstElementChild).toBeEmptyDOMElement();
  });

  it('renders paragraphs, with single newlines as line breaks', () => {
    const { container } = render(<Markdown source={'first line\nsecond line\n\nnext paragraph'} />);
    const paragraphs = container.querySelectorAll('p');
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[0]!.innerHTML).toBe('first line<br>second line');
    expect(paragraphs[1]).toHaveTextContent('next paragraph');
  });

  it('renders headings as bold paragraphs, never as heading elements', () => {
    const { container } = render(<Markdown source={'# Setup\n\n### Step two'} />);
    expect(screen.queryAllByRole('heading')).toEqual([]);
    expect(screen.getByText('Setup').tagName).toBe('STRONG');
    expect(screen.getByText('Setup').parentElement?.tagName).toBe('P');
    expect(container.querySelectorAll('p > strong')).toHaveLength(2);
  });

  it('renders bullet lists and ordered lists with their start number', () => {
    render(<Markdown source={'- one\n- two\n\n\n3. three\n4. four'} />);
    const [bullets, numbers] = screen.getAllByRole('list');
    expect(bullets!.tagName).toBe('UL');
    expect(within(bullets!).getAllByRole('listitem')).toHaveLength(2);
    expect(numbers!.tagName).toBe('OL');
    expect(numbers).toHaveAttribute('start', '3');
  });

  it('omits start="1" on ordered lists', () => {
    render(<Markdown source={'1. a\n2. b'} />);
    expect(screen.getByRole('list')).not.toHaveAttribute('start');
  });

  it('renders nested lists inside their parent item', () => {
    render(<Markdown source={'1. Open:\n  - Settings\n  - API\n2. Copy'} />);
    const outer = screen.getAllByRole('list')[0]!;
    const [open] = within(outer).getAllByRole('listitem');
    const inner = within(open!).getByRole('list');
    expect(inner.tagName).toBe('UL');
    expect(
      within(inner)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Settings', 'API']);
  });

  it('renders tight list items without paragraphs and loose ones with them', () => {
    const { container, rerender } = render(<Markdown source={'- a\n- b'} />);
    expect(container.querySelector('li p')).toBeNull();
    rerender(<Markdown source={'- a\n\n- b'} />);
    expect(container.querySelectorAll('li > p')).toHaveLength(2);
  });

  it('renders fenced code literally', () => {
    const { container } = render(<Markdown source={'```html\n<b onclick="x()">**hi**</b>\n```'} />);
    const code = container.querySelector('pre > code');
    expect(code).toHaveTextContent('<b onclick="x()">**hi**</b>');
    expect(code?.children).toHaveLength(0);
  });

  it('renders horizontal rules, and quote markers as text', () => {
    const { container } = render(<Markdown source={'> Note: *careful*\n\n---\n\nafter'} />);
    expect(container.querySelector('blockquote')).toBeNull();
    expect(container.querySelector('p em')).toHaveTextContent('careful');
    expect(container).toHaveTextContent('> Note: careful');
    expect(screen.getByRole('separator')).toBeInTheDocument();
  });

  it('renders a URL in angle brackets and mailto links', () => {
    render(<Markdown source="<https://example.com/a> or [mail us](mailto:help@example.com)" />);
    expect(screen.getByRole('link', { name: 'https://example.com/a' })).toHaveAttribute('href', 'https://example.com/a');
    expect(screen.getByRole('link', { name: 'mail us' })).toHaveAttribute('href', 'mailto:help@example.com');
  });

  it('leaves trailing punctuation out of bare URLs', () => {
    render(<Markdown source="Docs: (https://example.com/docs)." />);
    expect(screen.getByRole('link')).toHaveAttribute('href', 'https://example.com/docs');
    expect(screen.getByRole('link')).toHaveTextContent(/^https:\/\/example\.com\/docs$/);
  });

  it('keeps snake_case_names intact', () => {
    const { container } = render(<Markdown source="Set client_id_value and _this_" />);
    expect(container.querySelectorAll('em')).toHaveLength(1);
    expect(container).toHaveTextContent('Set client_id_value and this');
  });

  it('updates when the source changes', () => {
    const { rerender } = render(<Markdown source="**one**" />);
    expect(screen.getByText('one').tagName).toBe('STRONG');
    rerender(<Markdown source="*two*" />);
    expect(screen.queryByText('one')).toBeNull();
    expect(screen.getByText('two').tagName).toBe('EM');
  });

  describe('XSS', () => {
    it('shows <script> as text and creates no script element', () => {
      const { container } = render(<Markdown source="<script>alert(1)</script>" />);
      expect(screen.getByText('<script>alert(1)</script>')).toBeInTheDocument();
      expect(container.querySelector('script')).toBeNull();
      expectInert(container);
    });

    it('shows raw HTML tags as text', () => {
      const { container } = render(<Markdown source={'<b>bold?</b> <a href="javascript:alert(1)">x</a>'} />);
      expect(container.querySelector('b')).toBeNull();
      expect(screen.queryByRole('link')).toBeNull();
      expect(container).toHaveTextContent('<b>bold?</b> <a href="javascript:alert(1)">x</a>');
    });

    it.each([
      ['javascript:', '[x](javascript:alert(1))'],
      ['upper-case scheme', '[x](JAVASCRIPT:alert(1))'],
      ['tab inside the scheme', '[x](java\u0009script:alert(1))'],
      ['leading control character', '[x](\u0001javascript:alert(1))'],
      ['NUL inside the scheme', '[x](java\u0000script:alert(1))'],
      ['data: URL', '[x](data:text/html,<script>alert(1)</script>)'],
      ['data: URL, base64', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
      ['vbscript:', '[x](vbscript:msgbox(1))'],
      ['entity-encoded scheme', '[x](&#106;avascript:alert(1))'],
      ['entity-encoded colon', '[x](javascript&#58;alert(1))'],
      ['angle-bracket destination', '[x](<javascript:alert(1)>)'],
      ['autolink', '<javascript:alert(1)>'],
      ['relative URL', '[x](/settings)'],
      ['protocol-relative URL', '[x](//evil.example)'],
    ])('renders no link for %s', (_, source) => {
      const { container } = render(<Markdown source={source} />);
      expect(screen.queryByRole('link')).toBeNull();
      expect(container.querySelector('a')).toBeNull();
      expectInert(container);
    });

    it('keeps the text of a refused link', () => {
      render(<Markdown source="[click **me**](javascript:alert(1))" />);
      expect(screen.queryByRole('link')).toBeNull();
      expect(screen.getByText('me').tagName).toBe('STRONG');
      expect(screen.getByText(/click/)).toBeInTheDocument();
    });

    it('creates no img element for HTML images or Markdown images', () => {
      const { container } = render(<Markdown source={'<img src=x onerror=alert(1)>\n\n![a logo](https://x/y.png)'} />);
      expect(container.querySelector('img')).toBeNull();
      expect(screen.queryByRole('img')).toBeNull();
      expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
      expect(screen.getByText('a logo')).toBeInTheDocument();
      expectInert(container);
    });

    it('puts no on* attribute on any element', () => {
      const source =
        '[x](https://example.com/" onmouseover="alert(1)) [y](https://example.com "t\\" onclick=\\"alert(1)")\n' +
        '<a href=x onclick=alert(1)>z</a> <svg onload=alert(1)> `<i onclick=x>`';
      const { container } = render(<Markdown source={source} />);
      expect(attributeNames(container).filter((name) => /^on/i.test(name))).toEqual([]);
      expectInert(container);
    });

    it('stays inert for arbitrary input (property)', () => {
      const token = fc.constantFrom(
        '*',
        '**',
        '_',
        '`',
        '```\n',
        '[',
        ']',
        '(',
        ')',
        '![',
        '<',
        '>',
        '"',
        '\\',
        '\n',
        '\n\n',
        ' ',
        '# ',
        '- ',
        '1. ',
        '> ',
        'text',
        'https://example.com/a',
        'javascript:alert(1)',
        'java\tscript:',
        '\u0001',
        '\u0000',
        'data:text/html,x',
        'mailto:a@b.example',
        '<script>alert(1)</script>',
        '<img src=x onerror=alert(1)>',
        '<iframe src=x>',
        ' onclick=alert(1)',
      );
      const source = fc.oneof(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.array(token, { maxLength: 40 }).map((parts) => parts.join('')),
      );
      fc.assert(
        fc.property(source, (input) => {
          const { container, unmount } = render(<Markdown source={input} />);
          try {
            expectInert(container);
          } finally {
            unmount();
          }
        }),
        { numRuns: 150 },
      );
    }, 30_000);
  });

  it('renders a 100 KB input of "*" and "[" characters', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const source = Array.from({ length: 100_000 }, () => (random() < 0.5 ? '*' : '[')).join('');
    const { container } = render(<Markdown source={source} />);
    expect(container.textContent).toHaveLength(100_000);
  }, 30_000);
});

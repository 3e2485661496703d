import fc from 'fast-check';
import { safeHref } from '../../src/markdown/safe-href';

describe('safeHref', () => {
  it.each([
    ['https://example.com/docs', 'https://example.com/docs'],
    ['http://example.com', 'http://example.com/'],
    ['HTTPS://Example.COM/a b?q=1#x', 'https://example.com/a%20b?q=1#x'],
    ['  https://example.com/  ', 'https://example.com/'],
    ['\u0001https://example.com/', 'https://example.com/'],
    ['mailto:help@example.com', 'mailto:help@example.com'],
    ['MAILTO:help@example.com?subject=Hi', 'mailto:help@example.com?subject=Hi'],
  ])('accepts %j as %j', (raw, expected) => {
    expect(safeHref(raw)).toBe(expected);
  });

  it('removes the tabs and newlines browsers ignore before reading the scheme', () => {
    expect(safeHref('ht\ttps://exa\nmple.com/\r')).toBe('https://example.com/');
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    '\u0000javascript:alert(1)',
    '\u0001javascript:alert(1)',
    '\u001fjavascript:alert(1)',
    'javascript\u0000:alert(1)',
    'java\u0000script:alert(1)',
    'https://exa\u0000mple.com',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:image/png;base64,AAAA',
    'file:///etc/passwd',
    'blob:https://example.com/uuid',
    'ftp://example.com',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    'javascript&#58;alert(1)',
    'javascript&colon;alert(1)',
    'https&#58;//example.com',
    '\u00a0javascript:alert(1)',
    'ｊavascript:alert(1)',
    '/relative/path',
    'relative/path',
    './here',
    '//evil.example',
    '#fragment',
    '?query',
    'example.com',
    'https://',
    'http:',
    'mailto:',
    'https://exa%mple.com',
    '',
    '   ',
  ])('refuses %j', (raw) => {
    expect(safeHref(raw)).toBeUndefined();
  });

  it('refuses non-string input from untyped callers', () => {
    expect(safeHref(undefined as unknown as string)).toBeUndefined();
    expect(safeHref({ toString: () => 'https://x.example' } as unknown as string)).toBeUndefined();
  });

  it('only ever returns http(s) or mailto URLs, and is idempotent', () => {
    const piece = fc.constantFrom(
      'http',
      'https',
      'mailto',
      'javascript',
      'data',
      ':',
      '//',
      '/',
      '\t',
      '\n',
      '\u0000',
      ' ',
      '&#58;',
      'x',
      '.',
      '@',
      '%',
    );
    const raw = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(raw, (input) => {
        const href = safeHref(input);
        if (href === undefined) return;
        expect(['http:', 'https:', 'mailto:']).toContain(new URL(href).protocol);
        expect(href).not.toMatch(/[\u0000-\u001f\u007f]/);
        expect(safeHref(href)).toBe(href);
      }),
      { numRuns: 500 },
    );
  }, 30_000);
});

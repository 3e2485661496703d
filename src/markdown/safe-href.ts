const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * Returns `raw` as a normalised absolute URL when it is safe to put in an `href`
 * (only `http:`, `https:` and `mailto:`), otherwise `undefined`.
 *
 * Relative URLs are refused too: help text is rendered inside someone else's
 * page, so a relative link would point at the host application.
 *
 * @example
 * safeHref(' https://Example.com/docs '); // 'https://example.com/docs'
 * safeHref('java\tscript:alert(1)');       // undefined
 */
export function safeHref(raw: string): string | undefined {
  if (typeof raw !== 'string') return undefined;
  // Browsers strip leading/trailing C0 controls and spaces and delete tabs and
  // newlines anywhere (WHATWG URL parser), so "\u0001java\tscript:" still runs
  // script. Do the same before reading the scheme. Index loops rather than a
  // `\s+$` regex, which backtracks quadratically on long inner whitespace runs.
  let start = 0;
  let end = raw.length;
  while (start < end && raw.charCodeAt(start) <= 0x20) start++;
  while (end > start && raw.charCodeAt(end - 1) <= 0x20) end--;
  const url = raw.slice(start, end).replace(/[\t\n\r]/g, '');
  // Any other control character left inside is never part of a genuine link.
  if (/[\u0000-\u001f\u007f]/.test(url)) return undefined;
  // The scheme is read from the text as written: entities such as `&#58;` are
  // never decoded, so `javascript&#58;...` simply has no scheme (= relative).
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(url);
  if (!scheme || !ALLOWED_PROTOCOLS.has(`${scheme[1]!.toLowerCase()}:`)) return undefined;
  try {
    const parsed = new URL(url);
    // Check the parsed result too: its `href` is what ends up in the DOM.
    if (!ALLOWED_PROTOCOLS.has(parsed.protocol)) return undefined;
    // A link must go somewhere: no host-less `https:` or empty `mailto:`.
    if (parsed.protocol === 'mailto:' ? !parsed.pathname : !parsed.hostname) return undefined;
    return parsed.href;
  } catch {
    return undefined;
  }
}

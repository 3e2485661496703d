// Issue 12 item 5, the rule itself (src/oauth/host-policy.ts), as the browser builds the
// authorization URL and the server the token URL: who may choose the host of authUrl / tokenUrl.
import fc from 'fast-check';
import { PieceAuth, Property, checkAuthDefinition } from '../../src/definitions-entry';
import { buildAuthorizationUrl, buildTokenUrl } from '../../src/oauth/authorization-url';
import { hostChoosers } from '../../src/oauth/host-policy';
import { OAuth2ConfigError } from '../../src/oauth/oauth2-error';
import { pieceFixture } from '../conformance/piece-fixtures';

const text = (displayName: string) => Property.ShortText({ displayName, required: true });
const dropdown = (...values: string[]) =>
  Property.StaticDropdown({
    displayName: 'Choice',
    required: true,
    options: { options: values.map((value) => ({ label: value, value })) },
  });

const oauth = (authUrl: string, props: Record<string, unknown>) =>
  PieceAuth.OAuth2({ authUrl, tokenUrl: authUrl.replace('authorize', 'token'), required: true, scope: [], props: props as never });

const params = { clientId: 'c', redirectUrl: 'https://app.example.com/cb', state: 's' };
const authUrl = (auth: ReturnType<typeof oauth>, props: Record<string, unknown>, hostPolicy?: Parameters<typeof buildTokenUrl>[2]) =>
  new URL(buildAuthorizationUrl(auth, { ...params, props, hostPolicy }));

/** Values an attacker would type into a host-choosing field. */
const hostile = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom(
    'evil.example',
    'https://evil.example',
    'https://a@evil.example',
    'evil.example/x',
    'evil.example#',
    'x.evil.example%2f',
    '//evil.example',
    'javascript:alert(1)',
  ),
);

describe('a free-text label under a fixed suffix (Snowflake’s https://{account}.snowflakecomputing.com)', () => {
  const auth = oauth('https://{account}.snowflakecomputing.com/oauth/authorize', { account: text('Account') });

  it('never leaves the suffix, whatever is typed, and needs no consent (property)', () => {
    const built: string[] = [];
    fc.assert(
      fc.property(fc.oneof(hostile, fc.stringMatching(/^[a-z0-9-]{1,20}$/)), (account) => {
        let url: URL;
        try {
          url = authUrl(auth, { account });
        } catch (error) {
          expect(error).toBeInstanceOf(OAuth2ConfigError);
          return;
        }
        built.push(account);
        expect(url.hostname.endsWith('.snowflakecomputing.com')).toBe(true);
        expect(url.pathname).toBe('/oauth/authorize');
      }),
      { numRuns: 300, examples: [['acme-eu']] },
    );
    expect(built).toContain('acme-eu');
    expect(hostChoosers(auth.authUrl, auth.props)).toEqual([]);
  });

  it('does not count a bare public suffix as fixed: {x}.com and {x}.co.uk choose the registrable domain', () => {
    expect(hostChoosers('https://{x}.com/a', { x: text('X') })).toEqual(['x']);
    expect(hostChoosers('https://api.{x}.co.uk/a', { x: text('X') })).toEqual(['x']);
    expect(hostChoosers('https://{x}.auth.example.com/a', { x: text('X') })).toEqual([]);
  });
});

describe('a free-text value that chooses the whole host (Salesforce’s https://{environment}/…, Gitea, HTTP OAuth2)', () => {
  const cases = [
    ['https://{environment}/services/oauth2/authorize', 'environment', 'login.salesforce.com'],
    ['{baseUrl}/login/oauth/authorize', 'baseUrl', 'https://gitea.com'],
    ['{authUrl}', 'authUrl', 'https://id.example.org/authorize'],
  ] as const;

  it.each(cases)('%s: is refused with the host app’s credentials, for any value (property)', (template, key) => {
    const auth = oauth(template, { [key]: text(key) });
    fc.assert(
      fc.property(hostile, (value) => {
        expect(() => authUrl(auth, { [key]: value })).toThrow(OAuth2ConfigError);
        expect(() => buildTokenUrl(auth, { [key]: value }, {})).toThrow(OAuth2ConfigError);
      }),
      { numRuns: 150 },
    );
  });

  it.each(cases)('%s: is allowed with the user’s own credentials, or for a host the host allows', (template, key, value) => {
    const auth = oauth(template, { [key]: text(key) });
    const host = new URL(value.includes('://') ? value : `https://${value}`).host;
    expect(() => authUrl(auth, { [key]: value })).toThrow(/oauth2\.allowedHosts/);
    expect(authUrl(auth, { [key]: value }, { ownCredentials: true }).host).toBe(host);
    expect(authUrl(auth, { [key]: value }, { allowedHosts: [host.toUpperCase()] }).host).toBe(host);
    expect(authUrl(auth, { [key]: value }, { allowedHosts: (h) => h === host }).host).toBe(host);
    expect(() => authUrl(auth, { [key]: value }, { allowedHosts: ['other.example'] })).toThrow(OAuth2ConfigError);
    // A predicate that throws is a no, not a crash.
    expect(() =>
      authUrl(
        auth,
        { [key]: value },
        {
          allowedHosts: () => {
            throw new Error('boom');
          },
        },
      ),
    ).toThrow(OAuth2ConfigError);
    expect(hostChoosers(template, auth.props)).toEqual([key]);
  });

  it('even with the user’s own credentials: only https (http on loopback), no user info, query or fragment, never the scheme', () => {
    const auth = oauth('{base}/authorize', { base: text('Base') });
    const own = { ownCredentials: true };
    for (const base of [
      'http://evil.example',
      'https://u:p@evil.example',
      'https://evil.example?x=1',
      'https://evil.example#f',
      'javascript:alert(1)',
      'evil.example',
    ]) {
      expect(() => authUrl(auth, { base }, own)).toThrow(OAuth2ConfigError);
    }
    expect(authUrl(auth, { base: 'http://127.0.0.1:8080/' }, own).href).toMatch(/^http:\/\/127\.0\.0\.1:8080\/authorize\?/);
    expect(() => buildTokenUrl({ tokenUrl: 'http{s}://x.example/t', props: {} }, { s: 's' }, own)).toThrow(/scheme/);
    expect(() => buildTokenUrl({ tokenUrl: 'https://{u}@x.example/t', props: { u: text('U') } }, { u: 'u' }, own)).toThrow(/user info/);
  });
});

describe('a StaticDropdown value (Bigin’s whole origins, Zoho’s accounts.{location}, Microsoft’s https://{cloud}/…)', () => {
  it('fills a whole origin or any part of the host, with no consent needed', () => {
    const bigin = pieceFixture('zoho-bigin').auth as ReturnType<typeof oauth>;
    expect(buildTokenUrl(bigin, { domain: 'https://accounts.zoho.com.cn' })).toBe('https://accounts.zoho.com.cn/oauth/v2/token');
    const microsoft = oauth('https://{cloud}/common/oauth2/v2.0/authorize', {
      cloud: dropdown('login.microsoftonline.com', 'login.microsoftonline.us'),
    });
    expect(authUrl(microsoft, { cloud: 'login.microsoftonline.us' }).host).toBe('login.microsoftonline.us');
    const zoho = pieceFixture('zoho-books').auth as ReturnType<typeof oauth>;
    expect(buildTokenUrl(zoho, { location: 'zoho.eu' })).toBe('https://accounts.zoho.eu/oauth/v2/token');
    for (const auth of [bigin, microsoft, zoho]) expect(hostChoosers(auth.authUrl, auth.props)).toEqual([]);
  });

  // The server builds the token URL from props the browser posted: a value that is not one of the
  // definition's options is what an attacker sends.
  it('must be one of its options, whatever is posted (property)', () => {
    const bigin = pieceFixture('zoho-bigin').auth as ReturnType<typeof oauth>;
    const options = new Set(['https://accounts.zoho.com', 'https://accounts.zoho.com.cn']);
    fc.assert(
      fc.property(fc.oneof(hostile, fc.constant('https://accounts.zoho.com/')), (domain) => {
        fc.pre(!options.has(domain));
        expect(() => buildTokenUrl(bigin, { domain })).toThrow(/must be one of its options/);
      }),
      { numRuns: 200 },
    );
  });
});

describe('checkAuthDefinition on placeholders that choose the host', () => {
  it('warns about the definitions that need the user’s own app or oauth2.allowedHosts, and only those', () => {
    const warnings = (name: string) =>
      checkAuthDefinition(pieceFixture(name).auth)
        .filter((p) => p.message.includes('choose the host'))
        .map((p) => [p.path, p.severity]);
    expect(warnings('gitea')).toEqual([
      ['auth.authUrl', 'warning'],
      ['auth.tokenUrl', 'warning'],
    ]);
    expect(warnings('http-oauth2')).toEqual([
      ['auth.authUrl', 'warning'],
      ['auth.tokenUrl', 'warning'],
    ]);
    for (const name of ['zoho-bigin', 'zoho-books', 'intercom', 'slack']) expect(warnings(name)).toEqual([]);
    const [problem] = checkAuthDefinition(pieceFixture('gitea').auth);
    expect(problem!.fix).toMatch(/StaticDropdown.*oauth2\.allowedHosts/);
  });

  it('no longer reports an authUrl that begins with a placeholder as "not an absolute URL"', () => {
    const errors = (name: string) => checkAuthDefinition(pieceFixture(name).auth).filter((p) => p.severity === 'error');
    expect(errors('zoho-bigin')).toEqual([]);
    expect(errors('gitea')).toEqual([]);
    expect(errors('http-oauth2')).toEqual([]);
  });

  it('reports a placeholder in the scheme, the user info, or at the start without being an origin as an error', () => {
    for (const url of ['http{s}://x.example/a', 'https://{u}@x.example/a', '{sub}.example.com/a']) {
      const problems = checkAuthDefinition(
        PieceAuth.OAuth2({
          authUrl: url,
          tokenUrl: 'https://x.example/t',
          required: true,
          scope: [],
          props: { s: text('S'), u: text('U'), sub: text('Sub') },
        }),
      );
      expect(problems.filter((p) => p.severity === 'error' && p.path === 'auth.authUrl')).toHaveLength(1);
    }
  });
});

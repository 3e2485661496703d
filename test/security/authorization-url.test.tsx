// Security notes 3, 5, 6, 7: the authorization request the kit sends. Only https URLs (http
// only on loopback) are opened, however the scheme is disguised; `{prop}` values cannot add
// parameters or move the host beyond the host rule (test/oauth/host-policy.test.ts); a
// definition cannot replace the protocol parameters (code flow,
// client id, exact redirect URI, state, PKCE); the redirect URI is the configured one.
import { act, fireEvent, render, screen } from '@testing-library/react';
import fc from 'fast-check';
import { ConnectionForm, PieceAuth, Property } from '../../src';
import { buildAuthorizationUrl, buildTokenUrl } from '../../src/oauth/authorization-url';
import { OAuth2ConfigError } from '../../src/oauth/oauth2-error';
import { isLoopbackHost, parseSafeUrl } from '../../src/oauth/safe-url';
import { REDIRECT_URL, fakePopup } from '../oauth/fake-window';
import {
  HOST_APP,
  formStatus,
  openedUrl,
  pkceReady,
  renderOAuth2Form,
  signInUrl,
  stubWindowOpen,
  submitButton,
} from '../oauth/oauth2-form-kit';
import { trackLeaks } from './leak-tracker';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

const base = { clientId: 'client-1', redirectUrl: REDIRECT_URL, state: 'state-1', props: {} };

function oauth(extra: Partial<Parameters<typeof PieceAuth.OAuth2>[0]> = {}) {
  return PieceAuth.OAuth2({
    authUrl: 'https://auth.example.com/oauth/authorize',
    tokenUrl: 'https://auth.example.com/oauth/token',
    required: true,
    scope: ['read'],
    ...extra,
  });
}

/** Whether a URL is one the kit may open: https, or http on the local machine. */
const openable = (url: URL) => url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));

// Characters browsers drop or ignore around and inside a scheme (WHATWG URL: leading C0 controls
// and spaces are stripped, tabs and newlines removed anywhere), and look-alikes that are not.
const noise = fc.constantFrom(
  '',
  ' ',
  '\t',
  '\n',
  '\r',
  '\u0000',
  '\u0001',
  '\u001f',
  '\u00a0',
  '\u200b',
  '\ufeff',
  '%09',
  '&#9;',
  '&#x6A;',
  '&colon;',
);
const caseShuffled = (word: string) =>
  fc
    .array(fc.boolean(), { minLength: word.length, maxLength: word.length })
    .map((ups) => [...word].map((c, i) => (ups[i] ? c.toUpperCase() : c)).join(''));
/** A scheme, its letters in any case, with noise before it, inside it and before the colon. */
const disguised = (scheme: string) =>
  fc
    .tuple(noise, caseShuffled(scheme), fc.nat({ max: scheme.length }), noise, noise)
    .map(([lead, word, at, inside, beforeColon]) => `${lead}${word.slice(0, at)}${inside}${word.slice(at)}${beforeColon}:`);
const dangerousUrl = fc.oneof(
  fc.tuple(disguised('javascript'), fc.constantFrom('alert(1)', '//auth.example.com/%0aalert(1)', 'void(0)')).map(([s, rest]) => s + rest),
  fc
    .tuple(disguised('data'), fc.constantFrom('text/html,<script>alert(1)</script>', 'text/html;base64,PHNjcmlwdD4='))
    .map(([s, rest]) => s + rest),
  fc.tuple(disguised('vbscript'), fc.constant('msgbox(1)')).map(([s, rest]) => s + rest),
  fc.tuple(disguised('file'), fc.constant('///etc/passwd')).map(([s, rest]) => s + rest),
  fc
    .tuple(
      disguised('http'),
      fc.constantFrom('//auth.example.com/a', '//127.0.0.1.evil.example/a', '//localhost.evil.example/a', '//10.0.0.1/a'),
    )
    .map(([s, rest]) => s + rest),
  fc.tuple(disguised('ftp'), fc.constant('//auth.example.com/a')).map(([s, rest]) => s + rest),
);

describe('unsafe authUrl schemes (property)', () => {
  it('parseSafeUrl refuses every disguised javascript:, data:, vbscript:, file:, ftp: and non-loopback http: URL', () => {
    fc.assert(
      fc.property(dangerousUrl, (raw) => {
        expect(() => parseSafeUrl(raw, 'authUrl')).toThrow(OAuth2ConfigError);
      }),
      { numRuns: 500 },
    );
  });

  it('parseSafeUrl, for any input at all, throws an OAuth2ConfigError or returns an https / loopback http URL', () => {
    const anything = fc.oneof(
      dangerousUrl,
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.string({ unit: 'binary', maxLength: 60 }),
    );
    fc.assert(
      fc.property(anything, (raw) => {
        let url: URL;
        try {
          url = parseSafeUrl(raw, 'authUrl');
        } catch (error) {
          expect(error).toBeInstanceOf(OAuth2ConfigError);
          return;
        }
        expect(openable(url)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('buildAuthorizationUrl never returns a URL the kit may not open', () => {
    fc.assert(
      fc.property(dangerousUrl, (authUrl) => {
        expect(() => buildAuthorizationUrl(oauth({ authUrl }), base)).toThrow(OAuth2ConfigError);
      }),
      { numRuns: 200 },
    );
  });
});

describe('a form whose definition has an unsafe authUrl', () => {
  it.each([
    'javascript:alert(document.domain)//',
    ' \tJaVa\nScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'http://auth.example.com/authorize',
  ])('opens no window for %j in production (no definition check), and says why', async (authUrl) => {
    vi.stubEnv('NODE_ENV', 'production');
    const open = stubWindowOpen(fakePopup());
    const { user, onConnect } = renderOAuth2Form(oauth({ authUrl }), { oauth2: HOST_APP });
    await pkceReady();
    await user.click(submitButton());
    expect(open).not.toHaveBeenCalled();
    expect(formStatus()).toHaveTextContent(/authUrl (must use https|is not an absolute URL)/);
    expect(onConnect).not.toHaveBeenCalled();
  });

  it('shows the definition error panel in development, with no Connect button at all', () => {
    const open = stubWindowOpen(fakePopup());
    render(<ConnectionForm auth={oauth({ authUrl: 'javascript:alert(1)' })} oauth2={HOST_APP} onConnect={() => {}} />);
    expect(screen.getByRole('alert')).toHaveTextContent('auth.authUrl');
    expect(screen.queryByRole('button', { name: 'Connect' })).toBeNull();
    expect(open).not.toHaveBeenCalled();
  });

  it.each(['javascript:alert(1)', 'http://app.example.com/cb', 'data:text/html,x'])(
    'opens no window when the host’s redirectUrl is %j',
    async (redirectUrl) => {
      const open = stubWindowOpen(fakePopup());
      const { user } = renderOAuth2Form(oauth(), { oauth2: { ...HOST_APP, redirectUrl } });
      await pkceReady();
      await user.click(submitButton());
      expect(open).not.toHaveBeenCalled();
      expect(formStatus()).toHaveTextContent(/oauth2\.redirectUrl/);
    },
  );
});

describe('{prop} placeholders (property)', () => {
  const value = fc.oneof(
    fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
    fc.constantFrom(
      'evil.example/',
      'evil.example#',
      'evil.example?',
      'evil.example\\',
      'evil.example@',
      'evil.example:443',
      'a/../..',
      '%2e%2e',
      '..%2f',
      '@evil.example',
      'x.evil.example%23',
      '。evil',
    ),
  );

  it('in the host: the URL stays on *.auth.example.com, on its own path and query, or the build fails', () => {
    const auth = oauth({
      authUrl: 'https://{region}.auth.example.com/oauth/authorize?audience=api',
      props: { region: Property.ShortText({ displayName: 'Region', required: true }) },
    });
    // A build that always failed would pass the property: the examples must build, and be checked.
    const built: string[] = [];
    fc.assert(
      fc.property(value, (region) => {
        let url: URL;
        try {
          url = new URL(buildAuthorizationUrl(auth, { ...base, props: { region } }));
        } catch (error) {
          expect(error).toBeInstanceOf(OAuth2ConfigError);
          return;
        }
        built.push(region);
        expect(url.protocol).toBe('https:');
        expect(url.hostname.endsWith('.auth.example.com')).toBe(true);
        expect(url.pathname).toBe('/oauth/authorize');
        expect(url.searchParams.getAll('audience')).toEqual(['api']);
        expect(url.searchParams.getAll('state')).toEqual(['state-1']);
      }),
      { numRuns: 400, examples: [['eu'], ['us-east-1']] },
    );
    expect(built).toEqual(expect.arrayContaining(['eu', 'us-east-1']));
  });

  it('in the path: the value stays one path segment, never a dot-segment, or the build fails', () => {
    const auth = oauth({
      authUrl: 'https://auth.example.com/t/{tenant}/authorize',
      props: { tenant: Property.ShortText({ displayName: 'Tenant', required: true }) },
    });
    const built: string[] = [];
    fc.assert(
      fc.property(value, (tenant) => {
        let url: URL;
        try {
          url = new URL(buildAuthorizationUrl(auth, { ...base, props: { tenant } }));
        } catch (error) {
          expect(error).toBeInstanceOf(OAuth2ConfigError);
          return;
        }
        built.push(tenant);
        expect(url.origin).toBe('https://auth.example.com');
        const segments = url.pathname.split('/');
        expect(segments).toHaveLength(4);
        expect(segments[1]).toBe('t');
        expect(segments[3]).toBe('authorize');
        expect(decodeURIComponent(segments[2]!)).toBe(tenant);
        expect(url.searchParams.getAll('redirect_uri')).toEqual([REDIRECT_URL]);
      }),
      { numRuns: 400, examples: [['acme'], ['a/b?c#d']] },
    );
    // Ordinary tenants, and one full of URL syntax (encoded into its segment), do build.
    expect(built).toEqual(expect.arrayContaining(['acme', 'a/b?c#d']));
  });

  it('at the start: a value can never supply the scheme or host (the build always fails)', () => {
    const auth = oauth({ authUrl: '{base}/oauth/authorize', props: { base: Property.ShortText({ displayName: 'Base', required: true }) } });
    fc.assert(
      fc.property(fc.oneof(value, fc.webUrl()), (b) => {
        expect(() => buildAuthorizationUrl(auth, { ...base, props: { base: b } })).toThrow(OAuth2ConfigError);
      }),
      { numRuns: 200 },
    );
  });

  it('in a scope: the value is encoded into the scope parameter and adds no parameter of its own', () => {
    const auth = oauth({
      scope: ['read:{tenant}', 'offline'],
      props: { tenant: Property.ShortText({ displayName: 'Tenant', required: true }) },
    });
    const keys = ['response_type', 'client_id', 'redirect_uri', 'scope', 'state', 'prompt', 'access_type'];
    fc.assert(
      fc.property(
        value.filter((v) => v !== '.' && v !== '..'),
        (tenant) => {
          const url = new URL(buildAuthorizationUrl(auth, { ...base, props: { tenant } }));
          expect(url.searchParams.get('scope')).toBe(`read:${tenant} offline`);
          expect([...url.searchParams.keys()]).toEqual(keys);
          expect(url.hash).toBe('');
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the protocol parameters', () => {
  const PROTOCOL = {
    response_type: 'token',
    client_id: 'attacker-client',
    redirect_uri: 'https://evil.example/cb',
    state: 'fixed-state',
    code_challenge: 'attacker-challenge',
    code_challenge_method: 'plain',
  };

  it("cannot be replaced by a definition's extra parameters: code flow, client id, redirect URI, state and S256 stay", () => {
    const auth = oauth({ pkce: true, extra: { ...PROTOCOL, audience: 'api' } });
    const url = new URL(buildAuthorizationUrl(auth, { ...base, pkce: { challenge: 'real-challenge', method: 'S256' } }));
    expect(url.searchParams.getAll('response_type')).toEqual(['code']);
    expect(url.searchParams.getAll('client_id')).toEqual(['client-1']);
    expect(url.searchParams.getAll('redirect_uri')).toEqual([REDIRECT_URL]);
    expect(url.searchParams.getAll('state')).toEqual(['state-1']);
    expect(url.searchParams.getAll('code_challenge')).toEqual(['real-challenge']);
    expect(url.searchParams.getAll('code_challenge_method')).toEqual(['S256']);
    // Other extra parameters still apply.
    expect(url.searchParams.get('audience')).toBe('api');
  });

  it("cannot be smuggled in through the authUrl's own query either", () => {
    const query = new URLSearchParams(PROTOCOL).toString();
    const withPkce = new URL(
      buildAuthorizationUrl(oauth({ pkce: true, authUrl: `https://auth.example.com/a?${query}` }), {
        ...base,
        pkce: { challenge: 'real', method: 'S256' },
      }),
    );
    expect(
      Object.fromEntries(
        ['response_type', 'client_id', 'redirect_uri', 'state', 'code_challenge', 'code_challenge_method'].map((k) => [
          k,
          withPkce.searchParams.getAll(k),
        ]),
      ),
    ).toEqual({
      response_type: ['code'],
      client_id: ['client-1'],
      redirect_uri: [REDIRECT_URL],
      state: ['state-1'],
      code_challenge: ['real'],
      code_challenge_method: ['S256'],
    });
    const withoutPkce = new URL(buildAuthorizationUrl(oauth({ authUrl: `https://auth.example.com/a?${query}` }), base));
    expect(withoutPkce.searchParams.has('code_challenge')).toBe(false);
    expect(withoutPkce.searchParams.has('code_challenge_method')).toBe(false);
  });

  // Issue 12 item 6: JAR's request / request_uri would supersede the whole query, response_mode
  // would send the code another way, and credentials or token parameters never belong in the URL.
  it('cannot be changed by extra or the authUrl query either: request, request_uri, response_mode and the rest of the set are dropped, in any case (property)', () => {
    const REFUSED = {
      request: 'eyJhbGciOiJub25lIn0.eyJyZWRpcmVjdF91cmkiOiJodHRwczovL2V2aWwuZXhhbXBsZSJ9.',
      request_uri: 'urn:ietf:params:oauth:request_uri:attacker',
      response_mode: 'form_post',
      client_secret: 'leaked',
      client_assertion: 'x',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      code: 'c',
      code_verifier: 'v',
      grant_type: 'password',
      access_token: 'at',
      id_token: 'it',
      refresh_token: 'rt',
      dpop_jkt: 'attacker-key',
      registration: '{}',
    };
    const caseOf = (key: string) =>
      fc
        .array(fc.boolean(), { minLength: key.length, maxLength: key.length })
        .map((ups) => [...key].map((c, i) => (ups[i] ? c.toUpperCase() : c)).join(''));
    const keys = Object.keys(REFUSED);
    fc.assert(
      fc.property(fc.tuple(...keys.map(caseOf)), fc.boolean(), (cased, inQuery) => {
        const params = Object.fromEntries(cased.map((k, i) => [k, Object.values(REFUSED)[i]!]));
        const auth = inQuery
          ? oauth({ pkce: true, authUrl: `https://auth.example.com/a?${new URLSearchParams(params)}&audience=api` })
          : oauth({ pkce: true, extra: { ...params, audience: 'api' } });
        const url = new URL(buildAuthorizationUrl(auth, { ...base, pkce: { challenge: 'real', method: 'S256' } }));
        const sent = [...url.searchParams.keys()].map((k) => k.toLowerCase());
        for (const key of keys) expect(sent).not.toContain(key);
        expect(url.searchParams.getAll('response_type')).toEqual(['code']);
        expect(url.searchParams.get('audience')).toBe('api');
      }),
      { numRuns: 100 },
    );
  });

  it.each([
    ['S256 by default', {}, 'S256'],
    ['plain when the definition asks for it with pkceMethod', { pkceMethod: 'plain' }, 'plain'],
  ])('use PKCE %s', async (_, extra, method) => {
    const open = stubWindowOpen(fakePopup());
    const { user } = renderOAuth2Form(oauth({ pkce: true, ...extra } as never), { oauth2: HOST_APP });
    await pkceReady();
    await user.click(submitButton());
    expect(openedUrl(open).searchParams.get('code_challenge_method')).toBe(method);
  });
});

describe('the redirect URI', () => {
  it('is exactly the configured one, whatever the page’s own URL says (property)', async () => {
    const redirect = fc
      .tuple(
        fc.constantFrom('https://app.example.com', 'http://127.0.0.1:8080', 'https://a.b.example:8443'),
        fc.webPath(),
        fc.webQueryParameters(),
      )
      .map(([origin, path, query]) => `${origin}${path}${query ? `?${query}` : ''}`);
    const open = stubWindowOpen(fakePopup());
    const samples = fc.sample(redirect, { numRuns: 6, seed: 42 });
    for (const [i, redirectUrl] of samples.entries()) {
      // The page itself carries a redirect_uri of its own: it must not be used.
      window.history.replaceState(null, '', `/connect?redirect_uri=${encodeURIComponent('https://evil.example/cb')}&state=page`);
      const { unmount } = render(<ConnectionForm auth={oauth()} oauth2={{ ...HOST_APP, redirectUrl }} onConnect={() => {}} />);
      fireEvent.click(submitButton());
      const url = await act(() => signInUrl(open, i));
      expect(url.searchParams.getAll('redirect_uri')).toEqual([redirectUrl]);
      expect(url.searchParams.get('state')).not.toBe('page');
      unmount();
    }
  }, 20_000);
});

describe('the token endpoint handed to the host’s exchange', () => {
  it('buildTokenUrl fills placeholders and refuses what the kit would not open (property)', () => {
    expect(buildTokenUrl({ tokenUrl: 'https://{region}.auth.example.com/oauth/token' }, { region: 'eu' })).toBe(
      'https://eu.auth.example.com/oauth/token',
    );
    expect(buildTokenUrl({ tokenUrl: 'http://127.0.0.1:9000/token' }, {})).toBe('http://127.0.0.1:9000/token');
    fc.assert(
      fc.property(dangerousUrl, (tokenUrl) => {
        expect(() => buildTokenUrl({ tokenUrl }, {})).toThrow(OAuth2ConfigError);
      }),
      { numRuns: 200 },
    );
  });

  // The authUrl is held to https at runtime; so is the tokenUrl the host's exchange posts the code,
  // the PKCE verifier and the user's client secret to (in production too, with no definition check).
  it('is refused when it is not https, in production too, before exchange is called', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const tracker = trackLeaks();
    const exchange = vi.fn(async () => ({ access_token: 'at' }));
    const open = stubWindowOpen(fakePopup());
    const { user, onConnect } = renderOAuth2Form(oauth({ tokenUrl: 'http://tokens.example.com/token' }), {
      oauth2: { ...HOST_APP, exchange },
    });
    await pkceReady();
    await user.click(submitButton());
    // Refused at Connect (issue 12 item 5: both URLs are checked before any popup opens), so
    // the user never signs in for an exchange that cannot happen.
    expect(open).not.toHaveBeenCalled();
    // Nothing listens for a callback (no message listener, no channel), so no code can ever reach
    // the exchange: there is nothing to wait for.
    expect(tracker.liveListeners()).not.toContain('window:message');
    expect(tracker.channelsOpened()).toEqual([]);
    expect(exchange).not.toHaveBeenCalled();
    expect(onConnect).not.toHaveBeenCalled();
    expect(formStatus()).toHaveTextContent(/tokenUrl must use https/);
  });
});

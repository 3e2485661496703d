import { PieceAuth } from '../../src';
import { buildAuthorizationUrl, scopeString } from '../../src/oauth/authorization-url';
import { fillPlaceholders, placeholdersIn } from '../../src/oauth/fill-placeholders';
import { OAuth2ConfigError } from '../../src/oauth/oauth2-error';
import { isLoopbackHost, parseSafeUrl } from '../../src/oauth/safe-url';
import { regionalOAuth2Auth, slackLikeAuth } from '../../stories/fixtures/auth-definitions';

const REDIRECT = 'http://127.0.0.1:5555/cb';
const base = { clientId: 'client-1', redirectUrl: REDIRECT, state: 'state-1', props: {} };

function oauth(extra: Partial<Parameters<typeof PieceAuth.OAuth2>[0]> = {}) {
  return PieceAuth.OAuth2({
    authUrl: 'https://auth.example.com/oauth/authorize',
    tokenUrl: 'https://auth.example.com/oauth/token',
    required: true,
    scope: ['read', 'write'],
    ...extra,
  });
}

const build = (auth: Parameters<typeof buildAuthorizationUrl>[0], params: Partial<Parameters<typeof buildAuthorizationUrl>[1]> = {}) =>
  new URL(buildAuthorizationUrl(auth, { ...base, ...params }));

describe('an authorization URL for a plain definition', () => {
  const url = build(oauth());

  it('asks for the code flow with the client id, the exact redirect URI and the state', () => {
    expect(url.origin + url.pathname).toBe('https://auth.example.com/oauth/authorize');
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('client_id')).toBe('client-1');
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT);
    expect(url.searchParams.get('state')).toBe('state-1');
  });

  it('joins the scopes with spaces (RFC 6749 §3.3)', () => {
    expect(url.searchParams.get('scope')).toBe('read write');
  });

  it('asks for consent and offline access by default', () => {
    expect(url.searchParams.get('prompt')).toBe('consent');
    expect(url.searchParams.get('access_type')).toBe('offline');
  });

  it('carries no PKCE parameters', () => {
    expect(url.searchParams.has('code_challenge')).toBe(false);
    expect(url.searchParams.has('code_challenge_method')).toBe(false);
  });

  it('has each parameter exactly once', () => {
    for (const key of ['response_type', 'client_id', 'redirect_uri', 'scope', 'state', 'prompt', 'access_type']) {
      expect(url.searchParams.getAll(key)).toHaveLength(1);
    }
  });
});

describe('an authorization URL whose redirect URI has a query of its own', () => {
  it('sends the redirect URI byte for byte, encoded as one parameter', () => {
    const redirectUrl = 'https://app.example.com/oauth/cb?tenant=a&x=1#frag';
    const url = build(oauth(), { redirectUrl });
    expect(url.searchParams.get('redirect_uri')).toBe(redirectUrl);
    expect(url.searchParams.has('tenant')).toBe(false);
    expect(url.hash).toBe('');
  });
});

describe('an authorization URL whose authUrl already has a query', () => {
  it("keeps the definition's own parameters (Slack's user_scope)", () => {
    const url = build(slackLikeAuth[0]);
    expect(url.searchParams.get('user_scope')).toBe('search:read');
    expect(url.searchParams.get('scope')).toBe('chat:write channels:read');
    expect(url.pathname).toBe('/oauth/v2/authorize');
  });
});

describe('an authorization URL with {placeholders}', () => {
  it('fills the authUrl and the scopes from the props', () => {
    const url = build(regionalOAuth2Auth, { props: { region: 'eu' } });
    expect(url.hostname).toBe('eu.auth.example.com');
    expect(url.searchParams.get('audience')).toBe('api');
    expect(url.searchParams.get('scope')).toBe('read:eu offline');
  });

  it('encodes a value so it cannot change the path or add a query', () => {
    const auth = oauth({ authUrl: 'https://auth.example.com/tenants/{tenant}/authorize' });
    const url = build(auth, { props: { tenant: 'eu/../x?y=1' } });
    expect(url.hostname).toBe('auth.example.com');
    expect(url.pathname).toBe('/tenants/eu%2F..%2Fx%3Fy%3D1/authorize');
    expect(url.searchParams.has('y')).toBe(false);
  });

  it('refuses a host value that would move the URL to another host', () => {
    for (const value of ['eu/../x?y', 'evil.com#', 'x@evil.com', 'evil.com/']) {
      expect(() => build(regionalOAuth2Auth, { props: { region: value } })).toThrow(OAuth2ConfigError);
    }
  });

  // `..` and `.` survive encodeURIComponent, and the URL parser then removes a path segment:
  // a value must either be refused or stay inside its own segment.
  it('does not let a dot-segment value climb out of its path segment', () => {
    const auth = oauth({ authUrl: 'https://auth.example.com/tenants/{tenant}/authorize' });
    const outcome = (value: string) => {
      try {
        return build(auth, { props: { tenant: value } }).pathname;
      } catch (error) {
        return error instanceof OAuth2ConfigError ? 'refused' : String(error);
      }
    };
    for (const value of ['..', '.']) {
      expect(outcome(value)).toMatch(/^(refused|\/tenants\/[^/]+\/authorize)$/);
    }
  });

  it('throws an OAuth2ConfigError naming the prop when a placeholder has no value', () => {
    for (const props of [{}, { region: '' }, { region: null }]) {
      expect(() => build(regionalOAuth2Auth, { props })).toThrow(OAuth2ConfigError);
      expect(() => build(regionalOAuth2Auth, { props })).toThrow(/\{region\}.*"region"/);
    }
  });

  it('names the prop when only a scope needs it', () => {
    const auth = oauth({ scope: ['files:{workspace}'] });
    expect(() => build(auth)).toThrow(/scope needs a value for \{workspace\}/);
    expect(scopeString(auth, { workspace: 'w1' })).toBe('files:w1');
  });
});

describe('the prompt parameter', () => {
  it("uses the definition's prompt when it has one", () => {
    expect(build(oauth({ prompt: 'login' })).searchParams.get('prompt')).toBe('login');
    expect(build(oauth({ prompt: 'none' })).searchParams.get('prompt')).toBe('none');
  });

  it("is left out for 'omit'", () => {
    expect(build(oauth({ prompt: 'omit' })).searchParams.has('prompt')).toBe(false);
  });
});

describe('an authorization URL for a PKCE definition', () => {
  it('carries the S256 challenge and its method', () => {
    const url = build(oauth({ pkce: true }), { pkce: { challenge: 'chal-123', method: 'S256' } });
    expect(url.searchParams.get('code_challenge')).toBe('chal-123');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  });

  it('says plain only when the pair is plain', () => {
    const url = build(oauth({ pkce: true, pkceMethod: 'plain' }), { pkce: { challenge: 'v', method: 'plain' } });
    expect(url.searchParams.get('code_challenge_method')).toBe('plain');
  });

  it('carries no PKCE parameters when the definition does not use PKCE', () => {
    const url = build(oauth(), { pkce: { challenge: 'chal-123', method: 'S256' } });
    expect(url.searchParams.has('code_challenge')).toBe(false);
  });
});

describe("a definition's extra parameters", () => {
  it('are added last and override what came before', () => {
    const url = build(oauth({ extra: { access_type: 'online', prompt: 'select_account', audience: 'api' } }));
    expect(url.searchParams.getAll('access_type')).toEqual(['online']);
    expect(url.searchParams.getAll('prompt')).toEqual(['select_account']);
    expect(url.searchParams.get('audience')).toBe('api');
  });
});

describe('an authUrl with an unsafe scheme or host', () => {
  it.each([
    'javascript:alert(1)//',
    'JavaScript:alert(document.domain)',
    'data:text/html,<script>alert(1)</script>',
    'http://example.com/oauth/authorize',
    'http://127.0.0.1.evil.com/oauth',
    'http://localhost.evil.com/oauth',
    'ftp://auth.example.com/oauth',
    '/oauth/authorize',
  ])('refuses %s with an OAuth2ConfigError', (authUrl) => {
    expect(() => build(oauth({ authUrl }))).toThrow(OAuth2ConfigError);
  });

  it.each(['http://127.0.0.1:8080/oauth', 'http://localhost:3000/oauth', 'http://[::1]/oauth', 'https://auth.example.com/o'])(
    'accepts %s',
    (authUrl) => {
      expect(build(oauth({ authUrl })).searchParams.get('response_type')).toBe('code');
    },
  );
});

describe('the placeholder helpers', () => {
  it('list the placeholders a template uses', () => {
    expect(placeholdersIn('https://{region}.x.com/{tenant}/a')).toEqual(['region', 'tenant']);
  });

  it('encode with encodeURIComponent unless told otherwise', () => {
    expect(fillPlaceholders('/{a}', { a: 'x y/z' }, 'authUrl')).toBe('/x%20y%2Fz');
    expect(fillPlaceholders('{a}', { a: 'x y' }, 'scope', String)).toBe('x y');
  });

  it('treat loopback names as loopback and nothing else', () => {
    expect(['localhost', '127.0.0.1', '127.1.2.3', '[::1]'].every(isLoopbackHost)).toBe(true);
    expect(['example.com', '127.0.0.1.nip.io', 'localhost.evil.com', '10.0.0.1'].some(isLoopbackHost)).toBe(false);
  });

  it('name what is wrong in the error', () => {
    expect(() => parseSafeUrl('http://example.com', 'oauth2.redirectUrl')).toThrow(/oauth2\.redirectUrl must use https/);
  });
});

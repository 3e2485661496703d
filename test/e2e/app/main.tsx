// The e2e test app: one <ConnectionForm> for an OAuth2 definition pointing at the real
// oidc-provider started by the test run. Query parameters pick the variant under test:
//   ?redirect=callback-coop   redirect URL whose page is served with COOP: same-origin
//   ?timeoutMs=3000           the flow's timeout
//   ?tamperVerifier=1         `exchange` sends a wrong PKCE verifier (the server must refuse it)
//   ?providerCoop=1           the provider serves this sign-in with COOP: same-origin (servers.mjs)
//   ?fixture=security         the security spec's forms instead (see security-app.tsx)
//   ?fixture=server           the form posting to the host's server route (see server-app.tsx)
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConnectionForm, PieceAuth, Property, type OAuth2ExchangeParams, type OAuth2TokenResponse } from '../../../src';

interface E2EConfig {
  issuer: string;
  clientId: string;
}

declare global {
  interface Window {
    __connected?: unknown;
    __connectCount?: number;
    __exchanges?: Array<{ code: string; hasVerifier: boolean }>;
  }
}

async function exchange(params: OAuth2ExchangeParams, tamper: boolean): Promise<OAuth2TokenResponse> {
  window.__exchanges ??= [];
  window.__exchanges.push({ code: params.code, hasVerifier: Boolean(params.codeVerifier) });
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code: params.code,
    redirect_uri: params.redirectUrl,
    client_id: params.clientId,
    code_verifier: tamper ? `${params.codeVerifier ?? ''}x` : (params.codeVerifier ?? ''),
  });
  const response = await fetch(params.tokenUrl, { method: 'POST', body, signal: params.signal });
  const json = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`token endpoint answered ${response.status} ${String(json.error)}`);
  return json as OAuth2TokenResponse;
}

async function main() {
  const config = (await (await fetch('/e2e-config.json')).json()) as E2EConfig;
  const query = new URLSearchParams(location.search);
  // ?fixture=security: the forms of test/e2e/security.spec.ts (security-app.tsx).
  if (query.get('fixture') === 'security') return (await import('./security-app')).mountSecurityApp(config);
  // ?fixture=server: the round trip through the host's server route (server-app.tsx).
  if (query.get('fixture') === 'server') return (await import('./server-app')).mountServerApp(config);
  const redirectPath = query.get('redirect') ?? 'callback';
  const timeoutMs = query.has('timeoutMs') ? Number(query.get('timeoutMs')) : undefined;
  const tamper = query.has('tamperVerifier');
  const providerCoop = query.has('providerCoop');

  const auth = PieceAuth.OAuth2({
    displayName: 'Test provider',
    authUrl: providerCoop ? `${config.issuer}/auth?e2e_coop=1` : `${config.issuer}/auth`,
    tokenUrl: `${config.issuer}/token`,
    scope: ['openid'],
    pkce: true,
    required: true,
    props: {
      workspace: Property.ShortText({ displayName: 'Workspace', required: false }),
    },
  });

  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ConnectionForm
        auth={auth}
        oauth2={{
          clientId: config.clientId,
          redirectUrl: `${location.origin}/${redirectPath}`,
          issuer: config.issuer,
          timeoutMs,
          exchange: (params) => exchange(params, tamper),
        }}
        onConnect={(value) => {
          window.__connected = value;
          window.__connectCount = (window.__connectCount ?? 0) + 1;
        }}
      />
    </StrictMode>,
  );
}

void main();

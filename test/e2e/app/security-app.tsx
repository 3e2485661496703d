// The security e2e variant of the test app (test/e2e/security.spec.ts), loaded by main.tsx for
// `?fixture=security`. It uses the kit's default stylesheet, so focus indicators are the ones a
// host ships. Query parameters:
//   auth=secret-text | basic-auth | custom-auth | oauth2 | landing
//   other=<origin>        where the description's "other origin" link points
//   theme=dark            data-theme="dark" on <html>
import '../../../src/styles/connection-kit.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConnectionForm, PieceAuth, Property, type AuthInput, type OAuth2HostConfig } from '../../../src';
import { basicAuth, plainApiKeyAuth } from '../../../stories/fixtures/auth-definitions';

export interface SecurityAppConfig {
  issuer: string;
  clientId: string;
}

/** Author-written help with a link to another origin and one to this app. */
function helpText(other: string): string {
  return (
    `Find your key in the [other-origin docs](${other}/other.html) or in ` +
    `[our own guide](${location.origin}/?fixture=security&auth=landing).`
  );
}

function definition(kind: string, config: SecurityAppConfig, other: string): { auth: AuthInput; oauth2?: OAuth2HostConfig } | undefined {
  const description = helpText(other);
  switch (kind) {
    case 'secret-text':
      return { auth: PieceAuth.SecretText({ ...plainApiKeyAuth, description }) };
    case 'basic-auth':
      return { auth: PieceAuth.BasicAuth({ ...basicAuth, description }) };
    case 'custom-auth':
      return {
        auth: PieceAuth.CustomAuth({
          displayName: 'Database',
          description,
          required: true,
          props: {
            host: Property.ShortText({ displayName: 'Host', required: true }),
            token: PieceAuth.SecretText({ displayName: 'Token', required: true }),
            region: Property.StaticDropdown({
              displayName: 'Region',
              required: true,
              options: {
                placeholder: 'Pick a region',
                options: [
                  { label: 'US East', value: 'us-east-1' },
                  { label: 'EU West', value: 'eu-west-1' },
                  { label: 'AP South', value: 'ap-south-1' },
                ],
              },
            }),
            ssl: Property.Checkbox({ displayName: 'Use SSL', required: false }),
          },
        }),
      };
    case 'oauth2':
      return {
        auth: PieceAuth.OAuth2({
          displayName: 'Test provider',
          description,
          authUrl: `${config.issuer}/auth`,
          tokenUrl: `${config.issuer}/token`,
          scope: ['openid'],
          pkce: true,
          required: true,
          props: { workspace: Property.ShortText({ displayName: 'Workspace', required: false }) },
        }),
        oauth2: { clientId: config.clientId, redirectUrl: `${location.origin}/callback`, issuer: config.issuer },
      };
    default:
      return undefined;
  }
}

export function mountSecurityApp(config: SecurityAppConfig) {
  const query = new URLSearchParams(location.search);
  if (query.get('theme') === 'dark') document.documentElement.dataset.theme = 'dark';
  const chosen = definition(query.get('auth') ?? '', config, query.get('other') ?? location.origin);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      {chosen ? (
        <ConnectionForm
          auth={chosen.auth}
          oauth2={chosen.oauth2}
          onConnect={(value) => {
            window.__connected = value;
            window.__connectCount = (window.__connectCount ?? 0) + 1;
          }}
        />
      ) : (
        <p>Landing page</p>
      )}
    </StrictMode>,
  );
}

import { ConnectionForm, PieceAuth, Property } from 'connection-kit';

export const githubAuth = PieceAuth.OAuth2({
  authUrl: 'https://github.com/login/oauth/authorize',
  tokenUrl: 'https://github.com/login/oauth/access_token',
  required: true,
  pkce: true,
  scope: ['repo', 'user'],
  props: {
    baseUrl: Property.ShortText({
      displayName: 'Base URL',
      required: false,
      defaultValue: 'https://api.github.com',
    }),
  },
});

export function GitHubConnection({ save }: { save: (value: unknown) => Promise<void> }) {
  return (
    <ConnectionForm
      auth={githubAuth}
      oauth2={{
        clientId: 'your-github-app-client-id',
        // The page at this URL calls completeOAuth2Redirect() (or is dist/oauth2-callback.html).
        redirectUrl: 'https://app.example.com/oauth/callback',
      }}
      // value: { type: 'PLATFORM_OAUTH2', client_id, code, code_challenge, redirect_url, scope,
      // props }: send it to your server, where claimConnection (connection-kit/server) trades the code.
      onConnect={(value) => save(value)}
    />
  );
}

// One handler for every framework: GET and POST /api/connections, GET, PUT and DELETE
// /api/connections/:id, POST /api/connections/:id/refresh. Secrets come from the server's
// environment only.
import { createConnectionHandler } from 'connection-kit/server';
import { githubAuth, openaiAuth } from './server-definitions';
import { connectionStore, userOf } from './server-store';

const handle = createConnectionHandler({
  definitions: { github: githubAuth, openai: openaiAuth },
  secrets: {
    github: { clientId: process.env.GITHUB_CLIENT_ID ?? '', clientSecret: process.env.GITHUB_CLIENT_SECRET ?? '' },
  },
  store: connectionStore,
  // The redirect URI registered with GitHub, and passed to the form as oauth2.redirectUrl.
  redirectUrl: 'https://app.example.com/oauth/callback',
  server: { apiUrl: 'https://app.example.com/api/', publicUrl: 'https://app.example.com/' },
});

/** Signed-in users only: the store scopes every connection to its owner. */
export async function connections(request: Request): Promise<Response> {
  if (userOf(request) === undefined) return Response.json({ error: 'unauthenticated' }, { status: 401 });
  return handle(request);
}

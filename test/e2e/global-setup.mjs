import { CLIENT_ID, startServers } from './servers.mjs';

/**
 * Starts the app, the authorization server and the other-origin page for the whole run, and
 * hands their origins to the test workers through the environment. The returned function is
 * Playwright's teardown: every server is closed and the build folder removed.
 */
export default async function globalSetup() {
  const servers = await startServers();
  process.env.E2E_APP_ORIGIN = servers.appOrigin;
  process.env.E2E_ISSUER = servers.issuer;
  process.env.E2E_OTHER_ORIGIN = servers.otherOrigin;
  process.env.E2E_CLIENT_ID = CLIENT_ID;
  return async () => {
    await servers.close();
  };
}

import { startServers } from './servers.mjs';

/** Starts the provider and `next start` for the run; the returned function is the teardown. */
export default async function globalSetup() {
  const servers = await startServers();
  process.env.E2E_APP_ORIGIN = servers.appOrigin;
  process.env.E2E_ISSUER = servers.issuer;
  return servers.stop;
}

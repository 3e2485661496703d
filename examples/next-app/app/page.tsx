// A server component: the definitions come from connection-kit/definitions, lose their functions
// (validate runs on the server) through toClientAuth, and go to the client component as props.
import { toClientAuth } from 'connection-kit/definitions';
import { connection } from 'next/server';
import { ConnectCard } from './connect-card';
import { acmeAuth, oauth2Provider, postgresAuth, redirectUrl } from '@/lib/pieces';

export default async function Page() {
  // Rendered per request: the provider comes from the environment of `next start`.
  await connection();
  const provider = oauth2Provider();
  return (
    <main className="page">
      <header className="page-header">
        <h1>Connections</h1>
        <p>Connect the services this app works with. Secrets go to this app's server only.</p>
      </header>
      <div className="cards">
        <ConnectCard piece="postgres" title="PostgreSQL" auth={toClientAuth(postgresAuth)} />
        <ConnectCard piece="acme" title="Acme" auth={toClientAuth(acmeAuth)} />
        {provider ? (
          <ConnectCard
            piece="local"
            title="Local provider"
            auth={toClientAuth(provider.auth)}
            oauth2={{ clientId: provider.clientId, redirectUrl: redirectUrl(), issuer: provider.issuer }}
          />
        ) : (
          <section className="card" aria-label="Local provider">
            <h2>Local provider</h2>
            <p>Set OAUTH2_ISSUER, OAUTH2_CLIENT_ID and OAUTH2_CLIENT_SECRET to connect with OAuth2.</p>
          </section>
        )}
      </div>
    </main>
  );
}

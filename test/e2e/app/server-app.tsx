// The server round-trip variant of the test app (test/e2e/server-round-trip.spec.ts), loaded by
// main.tsx for `?fixture=server`: the form with the host's own app (no exchange in the page); its
// value goes to the host's server route (test/e2e/server-route.mjs, built on connection-kit/server),
// which claims, validates and stores it, and answers a redacted view shown here.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ConnectionForm, PieceAuth, Property } from '../../../src';

interface View {
  id: string;
  [key: string]: unknown;
}

async function readView(res: Response): Promise<View> {
  const body = (await res.json()) as { connection?: View; message?: string };
  if (!res.ok || !body.connection) throw new Error(body.message ?? `The server answered ${res.status}.`);
  return body.connection;
}

function ServerApp({ issuer, clientId }: { issuer: string; clientId: string }) {
  const [view, setView] = useState<View>();
  const [problem, setProblem] = useState<string>();
  // The page's copy of the definition: what to render. The server has its own (with validate).
  const [auth] = useState(() =>
    PieceAuth.OAuth2({
      displayName: 'Test provider',
      authUrl: `${issuer}/auth`,
      tokenUrl: `${issuer}/token`,
      scope: ['openid', 'offline_access'],
      pkce: true,
      required: true,
      authorizationMethod: 'HEADER',
      props: { workspace: Property.ShortText({ displayName: 'Workspace', required: false }) },
    }),
  );
  const check = async () => {
    setProblem(undefined);
    try {
      setView(await readView(await fetch(`/api/connections/${view!.id}`)));
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  return (
    <>
      <ConnectionForm
        auth={auth}
        oauth2={{ clientId, redirectUrl: `${location.origin}/callback`, issuer }}
        onConnect={async (value) => {
          const res = await fetch('/api/connections', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ piece: 'test-provider', displayName: 'My test provider', value }),
          });
          setView(await readView(res));
        }}
      />
      {view && (
        <section aria-labelledby="saved-heading">
          <h2 id="saved-heading">Saved connection</h2>
          <figure aria-label="Saved connection view">
            <pre>{JSON.stringify(view, null, 2)}</pre>
          </figure>
          <button type="button" onClick={() => void check()}>
            Check connection
          </button>
        </section>
      )}
      {problem && <p role="alert">{problem}</p>}
    </>
  );
}

export async function mountServerApp(config: { issuer: string }) {
  const { clientId } = (await (await fetch('/api/e2e/config')).json()) as { clientId: string };
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ServerApp issuer={config.issuer} clientId={clientId} />
    </StrictMode>,
  );
}

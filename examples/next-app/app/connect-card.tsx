'use client';
// The client side: functions (onConnect) can't cross from a server component, so the form is
// rendered here. The emitted value goes to the route handler, which claims and stores it.
import { type AuthInput, ConnectionForm, type OAuth2HostConfig } from 'connection-kit';
import { useState } from 'react';

interface SavedView {
  id: string;
  type: string;
  props?: Record<string, unknown>;
  scope?: string;
  has_refresh_token?: boolean;
}

export function ConnectCard({ piece, title, auth, oauth2 }: { piece: string; title: string; auth: AuthInput; oauth2?: OAuth2HostConfig }) {
  const [saved, setSaved] = useState<SavedView>();
  const headingId = `${piece}-heading`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <ConnectionForm
        auth={auth}
        oauth2={oauth2}
        onConnect={async (value) => {
          const res = await fetch('/api/connections', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ piece, displayName: title, value }),
          });
          const body = (await res.json()) as { connection?: SavedView; error?: string; message?: string };
          // The server's validate said no (422): the form shows it as the connection's error.
          if (body.error === 'validation_failed') return { valid: false, error: body.message ?? 'The connection was not accepted.' };
          // Anything else shows in the form as a retryable save error, with the server's message.
          if (!res.ok || !body.connection) throw new Error(body.message ?? `The server answered ${res.status}.`);
          setSaved(body.connection);
        }}
      />
      {saved && (
        <dl className="saved" aria-label={`Saved ${title} connection`}>
          <dt>Stored as</dt>
          <dd>{saved.id}</dd>
          <dt>Type</dt>
          <dd>{saved.type}</dd>
          {saved.props && (
            <>
              <dt>Settings</dt>
              <dd>{JSON.stringify(saved.props)}</dd>
            </>
          )}
          {saved.scope !== undefined && (
            <>
              <dt>Scope</dt>
              <dd>{saved.scope}</dd>
              <dt>Refresh token</dt>
              <dd>{saved.has_refresh_token ? 'held by the server' : 'none'}</dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}

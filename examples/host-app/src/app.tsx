import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, type PieceSummary, type SavedConnection } from './api';
import { ConnectionDialog, type DialogTarget } from './connection-dialog';
import { ConnectionList } from './connection-list';
import { PieceCatalog } from './piece-catalog';

type Data =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; pieces: PieceSummary[]; connections: SavedConnection[] };

export function App() {
  const [data, setData] = useState<Data>({ state: 'loading' });
  const [dialog, setDialog] = useState<DialogTarget>();
  const [notice, setNotice] = useState('');
  const connectionsHeading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    try {
      const [pieces, connections] = await Promise.all([api.pieces(), api.connections()]);
      setData({ state: 'ready', pieces, connections });
    } catch (error) {
      setData({ state: 'failed', message: (error as Error).message });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const pieces = useMemo(() => new Map(data.state === 'ready' ? data.pieces.map((p) => [p.key, p]) : []), [data]);
  const titleOf = (key: string) => pieces.get(key)?.displayName ?? key;

  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Flowbench
        </span>
        <span className="muted">Workspace · Demo team</span>
      </header>
      <main className="page">
        <h1>Connections</h1>
        <p className="lede">The accounts your flows use. Secrets are checked by the service’s piece on our server and stored encrypted.</p>
        <p className="notice" role="status" aria-live="polite">
          {notice}
        </p>
        {data.state === 'loading' && <p>Loading…</p>}
        {data.state === 'failed' && (
          <div role="alert" className="load-error">
            <p>{data.message}</p>
            <button type="button" className="button" onClick={() => void load()}>
              Try again
            </button>
          </div>
        )}
        {data.state === 'ready' && (
          <>
            <section aria-labelledby="connections-heading">
              <h2 id="connections-heading" ref={connectionsHeading} tabIndex={-1}>
                Your connections
              </h2>
              <ConnectionList
                connections={data.connections}
                pieces={pieces}
                onEdit={(connection) => setDialog({ mode: 'edit', piece: connection.piece, title: titleOf(connection.piece), connection })}
                onDelete={async (connection) => {
                  try {
                    await api.remove(connection.id);
                  } catch (error) {
                    setNotice(`Could not delete: ${(error as Error).message}`);
                    throw error;
                  }
                  setNotice(`${connection.displayName ?? titleOf(connection.piece)} deleted.`);
                  await load();
                  // Its row (and the button that had focus) is gone: start again from the list's heading.
                  connectionsHeading.current?.focus();
                }}
              />
            </section>
            <PieceCatalog
              pieces={data.pieces}
              onConnect={(piece) => setDialog({ mode: 'new', piece: piece.key, title: piece.displayName })}
            />
          </>
        )}
      </main>
      {dialog && (
        <ConnectionDialog
          key={dialog.mode === 'edit' ? dialog.connection.id : dialog.piece}
          target={dialog}
          onClose={() => setDialog(undefined)}
          onSaved={(saved) => {
            setNotice(`${saved.displayName ?? titleOf(saved.piece)} ${dialog.mode === 'edit' ? 'saved' : 'connected'}.`);
            void load();
          }}
        />
      )}
    </div>
  );
}

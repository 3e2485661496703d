// The connection dialog: a native <dialog> opened with showModal(), holding the kit's form.
// The definition comes from the server as JSON and is checked with parseAuthDefinition; the form
// emits the value, which goes to the server, where the piece's own validate decides as the
// connection is stored. A refusal (422 with the piece's message) goes back to the form as
// `{ valid: false, error }`, which shows it as the connection's error and stays filled.
import { type ConnectResult, ConnectionForm } from 'connection-kit';
import { type ParsedAuth, parseAuthDefinition } from 'connection-kit/definitions';
import { useEffect, useId, useRef, useState } from 'react';
import { ApiError, api, type PieceDetail, type SavedConnection } from './api';
import { initialValueOf } from './initial-value';

export type DialogTarget =
  | { mode: 'new'; piece: string; title: string }
  | { mode: 'edit'; piece: string; title: string; connection: SavedConnection };

type Loaded = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; detail: PieceDetail; auth: ParsedAuth };

function useDefinition(key: string): Loaded {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    api.piece(key).then(
      (detail) => {
        const parsed = parseAuthDefinition(detail.auth);
        if (!live) return;
        setLoaded(
          parsed.ok
            ? { state: 'ready', detail, auth: parsed.auth }
            : {
                state: 'failed',
                message: `This piece's definition is broken: ${parsed.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`,
              },
        );
      },
      (error: Error) => live && setLoaded({ state: 'failed', message: error.message }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return loaded;
}

export function ConnectionDialog({
  target,
  onClose,
  onSaved,
}: {
  target: DialogTarget;
  onClose: () => void;
  onSaved: (saved: SavedConnection) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const loaded = useDefinition(target.piece);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  // showModal() focuses the first control it finds, Close, while the definition loads: once the
  // form is there, start on its first control instead (the name, a method, a field, or Connect).
  useEffect(() => {
    if (loaded.state !== 'ready') return;
    ref.current?.querySelector<HTMLElement>('form input, form select, form textarea, form button, form [role="combobox"]')?.focus();
  }, [loaded.state]);

  const editing = target.mode === 'edit' ? target.connection : undefined;
  const oauth2 = editing && (editing.type === 'OAUTH2' || editing.type === 'PLATFORM_OAUTH2');
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={onClose}>
      <header className="dialog-head">
        <h2 id={titleId}>
          {editing ? `${oauth2 ? 'Reconnect' : 'Edit'} ${editing.displayName ?? target.title}` : `Connect ${target.title}`}
        </h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={() => ref.current?.close()}>
          ×
        </button>
      </header>
      {loaded.state === 'loading' && <p role="status">Loading {target.title}…</p>}
      {loaded.state === 'failed' && <p role="alert">{loaded.message}</p>}
      {loaded.state === 'ready' && (
        <ConnectionForm
          auth={loaded.auth}
          oauth2={
            loaded.detail.oauth2ClientId ? { clientId: loaded.detail.oauth2ClientId, redirectUrl: loaded.detail.redirectUrl } : undefined
          }
          connectionName={editing?.displayName ?? true}
          defaultConnectionName={target.title}
          initialValue={editing && initialValueOf(editing)}
          onConnect={async (value, { displayName }): Promise<ConnectResult> => {
            let saved: SavedConnection;
            try {
              saved = editing ? await api.update(editing.id, value, displayName) : await api.create(target.piece, value, displayName);
            } catch (error) {
              // The piece's validate said no (422): the connection's error, the form kept filled.
              // Anything else (network, 5xx) rejects: the form offers to try the save again.
              if (error instanceof ApiError && error.code === 'validation_failed') return { valid: false, error: error.message };
              throw error;
            }
            onSaved(saved);
            ref.current?.close();
          }}
        />
      )}
    </dialog>
  );
}

import { useEffect, useRef, useState } from 'react';
import type { PieceSummary, SavedConnection } from './api';
import { authLabel } from './auth-labels';
import { PieceAvatar } from './piece-avatar';

const isOAuth2 = (c: SavedConnection) => c.type === 'OAUTH2' || c.type === 'PLATFORM_OAUTH2';
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

interface Props {
  connections: SavedConnection[];
  pieces: Map<string, PieceSummary>;
  onEdit: (connection: SavedConnection) => void;
  /** Deletes it; the app then moves focus (the row is gone) and announces the result. */
  onDelete: (connection: SavedConnection) => Promise<void>;
}

export function ConnectionList({ connections, pieces, onEdit, onDelete }: Props) {
  const [confirming, setConfirming] = useState<string>();
  const [deleting, setDeleting] = useState<string>();
  // The confirmation replaces the Delete button under the keyboard: focus moves to its safe
  // choice, Keep, and back to Delete when kept (a click, Escape), so it is never dropped.
  const keepButton = useRef<HTMLButtonElement>(null);
  const deleteButtons = useRef(new Map<string, HTMLButtonElement | null>());
  const refocus = useRef<string>(undefined);
  useEffect(() => {
    if (confirming) keepButton.current?.focus();
    else if (refocus.current) deleteButtons.current.get(refocus.current)?.focus();
    refocus.current = undefined;
  }, [confirming]);
  const keep = (id: string) => {
    refocus.current = id;
    setConfirming(undefined);
  };
  const remove = async (connection: SavedConnection) => {
    // One request per confirmation: a double click must not send a second DELETE.
    if (deleting) return;
    setDeleting(connection.id);
    try {
      await onDelete(connection);
    } catch {
      // Not deleted (the app announced why): back to its Delete button.
      refocus.current = connection.id;
    } finally {
      setDeleting(undefined);
      setConfirming(undefined);
    }
  };

  if (connections.length === 0) {
    return <p className="empty">No connections yet. Pick a piece below to add one.</p>;
  }
  return (
    <table className="connections">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Piece</th>
          <th scope="col">Type</th>
          <th scope="col">Added</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {connections.map((c) => {
          const piece = pieces.get(c.piece);
          const name = c.displayName ?? piece?.displayName ?? c.piece;
          return (
            <tr key={c.id}>
              <th scope="row">
                <span className="name-cell">
                  <PieceAvatar name={piece?.displayName ?? c.piece} />
                  {name}
                </span>
              </th>
              <td>{piece?.displayName ?? c.piece}</td>
              <td>
                {c.unreadable ? (
                  <span className="problem">Can’t be read: delete it and connect again</span>
                ) : (
                  <>
                    {authLabel(c.type)}
                    {isOAuth2(c) && c.has_refresh_token ? <span className="muted"> · refreshable</span> : null}
                  </>
                )}
              </td>
              <td>{c.createdAt ? dateFormat.format(c.createdAt) : '—'}</td>
              <td className="actions">
                {confirming === c.id ? (
                  <fieldset
                    className="confirm"
                    aria-label={`Delete ${name}?`}
                    onKeyDown={(event) => {
                      if (event.key === 'Escape') keep(c.id);
                    }}
                  >
                    <legend>Delete?</legend>
                    <button type="button" className="button button-danger" disabled={deleting === c.id} onClick={() => void remove(c)}>
                      {deleting === c.id ? `Deleting ${name}…` : `Delete ${name}`}
                    </button>
                    <button
                      type="button"
                      className="button button-quiet"
                      ref={keepButton}
                      disabled={deleting === c.id}
                      onClick={() => keep(c.id)}
                    >
                      Keep
                    </button>
                  </fieldset>
                ) : (
                  <>
                    {!c.unreadable && (
                      <button
                        type="button"
                        className="button button-quiet"
                        onClick={() => onEdit(c)}
                        aria-label={`${isOAuth2(c) ? 'Reconnect' : 'Edit'} ${name}`}
                      >
                        {isOAuth2(c) ? 'Reconnect' : 'Edit'}
                      </button>
                    )}
                    <button
                      type="button"
                      className="button button-quiet"
                      ref={(button) => {
                        deleteButtons.current.set(c.id, button);
                      }}
                      onClick={() => setConfirming(c.id)}
                      aria-label={`Delete ${name}`}
                    >
                      Delete
                    </button>
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

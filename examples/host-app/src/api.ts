// The app's API, typed from the server's own modules (type imports only: nothing of the server
// reaches the bundle). Every failure is an ApiError carrying the server's message, which the
// connection form shows as it is.
import type { ConnectionView } from 'connection-kit/server';
import type { PieceDetail, PieceSummary } from '../server/catalog';
import type { ConnectionMeta } from '../server/sqlite-store';

export type { PieceDetail, PieceSummary };
/** A connection as the list shows it: the kit's view, when it was made, and whether it can be read. */
export type SavedConnection = ConnectionView & Partial<ConnectionMeta> & { unreadable?: true };

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      ...init,
      headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}) },
    });
  } catch {
    throw new ApiError('The app’s server is not reachable. Check that it is running, then try again.', 0, 'network_error');
  }
  if (res.status === 204) return undefined as T;
  const body = (await res.json().catch(() => ({}))) as { error?: string; message?: string };
  if (!res.ok) throw new ApiError(body.message ?? `The server answered ${res.status}.`, res.status, body.error);
  return body as T;
}

export const api = {
  pieces: () => call<{ pieces: PieceSummary[] }>('/api/pieces').then((b) => b.pieces),
  piece: (key: string) => call<PieceDetail>(`/api/pieces/${encodeURIComponent(key)}`),
  connections: () => call<{ connections: SavedConnection[] }>('/api/connections').then((b) => b.connections),
  create: (piece: string, value: unknown, displayName: string | undefined) =>
    call<{ connection: SavedConnection }>('/api/connections', { method: 'POST', body: JSON.stringify({ piece, value, displayName }) }).then(
      (b) => b.connection,
    ),
  update: (id: string, value: unknown, displayName: string | undefined) =>
    call<{ connection: SavedConnection }>(`/api/connections/${encodeURIComponent(id)}`, {
      method: 'PUT',
      body: JSON.stringify({ value, displayName }),
    }).then((b) => b.connection),
  remove: (id: string) => call<void>(`/api/connections/${encodeURIComponent(id)}`, { method: 'DELETE' }),
};

// Where connections live: your database. The value holds tokens and secrets, so it is stored
// encrypted (AES-256-GCM, WebCrypto), bound to its row and owner, with the key outside the database.
import type { AnyStoredConnectionValue, ConnectionStore } from 'connection-kit/server';

/** Your session check: the signed-in user's id for a request (here: a session cookie). */
export const sessions = new Map<string, string>();
export function userOf(request: Request): string | undefined {
  const sid = /(?:^|;\s*)sid=([^;]+)/.exec(request.headers.get('cookie') ?? '')?.[1];
  return sid === undefined ? undefined : sessions.get(sid);
}

/** A table: one row per connection, the value encrypted. */
interface Row {
  userId: string;
  piece: string;
  displayName?: string | undefined;
  iv: Uint8Array<ArrayBuffer>;
  ciphertext: Uint8Array<ArrayBuffer>;
}
export const rows = new Map<string, Row>();

// 32 random bytes, base64, from your secret manager (never committed, never in the database).
const keyBytes = Uint8Array.from(atob(process.env.CONNECTIONS_KEY ?? ''), (c) => c.charCodeAt(0));
const key = crypto.subtle.importKey('raw', keyBytes, 'AES-GCM', false, ['encrypt', 'decrypt']);
const encoder = new TextEncoder();

async function seal(id: string, userId: string, value: AnyStoredConnectionValue) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  // The row id and owner are authenticated too: a ciphertext copied to another row will not open.
  const params = { name: 'AES-GCM', iv, additionalData: encoder.encode(`${id}:${userId}`) };
  return { iv, ciphertext: new Uint8Array(await crypto.subtle.encrypt(params, await key, encoder.encode(JSON.stringify(value)))) };
}

async function open(id: string, row: Row): Promise<AnyStoredConnectionValue> {
  const params = { name: 'AES-GCM', iv: row.iv, additionalData: encoder.encode(`${id}:${row.userId}`) };
  return JSON.parse(new TextDecoder().decode(await crypto.subtle.decrypt(params, await key, row.ciphertext)));
}

export const connectionStore: ConnectionStore = {
  async create(record, request) {
    const userId = userOf(request)!;
    const id = crypto.randomUUID();
    rows.set(id, { userId, piece: record.piece, displayName: record.displayName, ...(await seal(id, userId, record.value)) });
    return id;
  },
  async get(id, request) {
    const row = rows.get(id);
    // Someone else's connection does not exist, as far as this user can tell.
    if (!row || row.userId !== userOf(request)) return undefined;
    return { id, piece: row.piece, displayName: row.displayName, value: await open(id, row) };
  },
  async update(id, value, request, changes) {
    const row = rows.get(id);
    if (!row || row.userId !== userOf(request)) throw new Error('no such connection');
    rows.set(id, { ...row, ...(changes ? { displayName: changes.displayName } : {}), ...(await seal(id, row.userId, value)) });
  },
  async list(request) {
    const mine = [...rows].filter(([, row]) => row.userId === userOf(request));
    return Promise.all(mine.map(async ([id, row]) => ({ id, piece: row.piece, displayName: row.displayName, value: await open(id, row) })));
  },
  async delete(id, request) {
    const row = rows.get(id);
    return row !== undefined && row.userId === userOf(request) && rows.delete(id);
  },
};

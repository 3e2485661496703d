// The connections table: SQLite (better-sqlite3), one row per connection. The value (tokens,
// API keys, passwords) is encrypted with AES-256-GCM; the row's id, owner, piece and type are
// authenticated with it, so a ciphertext copied into another row or another user's, or a row
// moved to another piece (whose tokenUrl a refresh would then send the refresh token to), does
// not open. What stays readable is what a list needs: piece, name, type and timestamps.
import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { type AnyStoredConnectionValue, type ConnectionRecord, type ConnectionStore, ConnectionError } from 'connection-kit/server';

interface Row {
  id: string;
  owner: string;
  piece: string;
  display_name: string | null;
  type: string;
  sealed: Buffer;
  created_at: number;
  updated_at: number;
}

/** What the app's list shows of a row beside the kit's view of its value (all of it readable). */
export interface ConnectionMeta {
  id: string;
  piece: string;
  displayName?: string;
  type: string;
  createdAt: number;
  updatedAt: number;
}

export interface SqliteConnectionStore extends ConnectionStore {
  /** When each of the owner's connections was made and last saved, by id. */
  meta(owner: string): Map<string, ConnectionMeta>;
  close(): void;
}

// The sealed column: version | iv | tag | ciphertext. The version byte names the key and the
// layout, so a rotated key (version 2) can be read beside the old one.
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;

type Sealed = Pick<Row, 'id' | 'owner' | 'piece' | 'type'>;
const aad = (row: Sealed) => Buffer.from(JSON.stringify([VERSION, row.id, row.owner, row.piece, row.type]));

function seal(key: Buffer, row: Sealed, value: AnyStoredConnectionValue): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(row));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.of(VERSION), iv, cipher.getAuthTag(), body]);
}

/** The value, or undefined when it does not open (another key, a changed row, a corrupt file). */
function open(key: Buffer, row: Row): AnyStoredConnectionValue | undefined {
  const sealed = row.sealed;
  if (sealed.length <= HEADER_BYTES || sealed[0] !== VERSION) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 1 + IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(aad(row));
    decipher.setAuthTag(sealed.subarray(1 + IV_BYTES, HEADER_BYTES));
    const text = Buffer.concat([decipher.update(sealed.subarray(HEADER_BYTES)), decipher.final()]).toString('utf8');
    return JSON.parse(text) as AnyStoredConnectionValue;
  } catch {
    return undefined;
  }
}

function recordOf(key: Buffer, row: Row): ConnectionRecord | undefined {
  const value = open(key, row);
  if (!value) {
    // Its id only: never the row's bytes. The list shows it as unreadable, to delete or redo.
    console.error(`connection ${row.id} does not decrypt (another CONNECTIONS_KEY, or a damaged row)`);
    return undefined;
  }
  return { id: row.id, piece: row.piece, ...(row.display_name !== null ? { displayName: row.display_name } : {}), value };
}

/**
 * @param file the database file (created with its table when missing)
 * @param key 32 bytes (see connections-key.ts)
 * @param ownerOf the signed-in user of a request: every query is scoped to it
 */
export function createSqliteStore(file: string, key: Buffer, ownerOf: (request: Request) => string): SqliteConnectionStore {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE IF NOT EXISTS connections (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    piece TEXT NOT NULL,
    display_name TEXT,
    type TEXT NOT NULL,
    sealed BLOB NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  )`);
  const insert = db.prepare(
    'INSERT INTO connections (id, owner, piece, display_name, type, sealed, created_at, updated_at) VALUES (@id, @owner, @piece, @display_name, @type, @sealed, @created_at, @updated_at)',
  );
  const byId = db.prepare<[string, string], Row>('SELECT * FROM connections WHERE id = ? AND owner = ?');
  const byOwner = db.prepare<[string], Row>('SELECT * FROM connections WHERE owner = ? ORDER BY created_at, id');
  const save = db.prepare(
    'UPDATE connections SET type = @type, sealed = @sealed, display_name = @display_name, updated_at = @updated_at WHERE id = @id AND owner = @owner',
  );
  const remove = db.prepare('DELETE FROM connections WHERE id = ? AND owner = ?');

  return {
    async create(record, request) {
      const owner = ownerOf(request);
      const id = randomUUID();
      const now = Date.now();
      insert.run({
        id,
        owner,
        piece: record.piece,
        display_name: record.displayName ?? null,
        type: record.value.type,
        sealed: seal(key, { id, owner, piece: record.piece, type: record.value.type }, record.value),
        created_at: now,
        updated_at: now,
      });
      return id;
    },
    async get(id, request) {
      // Someone else's connection does not exist, as far as this user can tell.
      const row = byId.get(id, ownerOf(request));
      return row && recordOf(key, row);
    },
    async update(id, value, request, changes) {
      const owner = ownerOf(request);
      const row = byId.get(id, owner);
      // Deleted meanwhile (another tab): the handler answers 404, not 500.
      if (!row) throw new ConnectionError('not_found', 'No connection has this id.');
      save.run({
        id,
        owner,
        type: value.type,
        sealed: seal(key, { id, owner, piece: row.piece, type: value.type }, value),
        // A refresh passes no changes and keeps the name; an edit passes its (new) name.
        display_name: changes ? (changes.displayName ?? null) : row.display_name,
        updated_at: Date.now(),
      });
    },
    async list(request) {
      return byOwner.all(ownerOf(request)).flatMap((row) => recordOf(key, row) ?? []);
    },
    async delete(id, request) {
      return remove.run(id, ownerOf(request)).changes > 0;
    },
    meta(owner) {
      return new Map(
        byOwner.all(owner).map((row) => [
          row.id,
          {
            id: row.id,
            piece: row.piece,
            ...(row.display_name !== null ? { displayName: row.display_name } : {}),
            type: row.type,
            createdAt: row.created_at,
            updatedAt: row.updated_at,
          },
        ]),
      );
    },
    close: () => db.close(),
  };
}

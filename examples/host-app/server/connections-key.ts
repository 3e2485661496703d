// The key that encrypts connections at rest. It never sits in the database: from the
// environment (CONNECTIONS_KEY, 32 bytes as base64, e.g. from your secret manager), or, so that
// the app runs with no setup, a key file generated on first start beside the database, readable
// by its owner only. Lose the key and the stored connections can't be opened: the list shows them
// as unreadable, to delete and connect again.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function decode(base64: string, from: string): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== 32) {
    throw new Error(`${from} must be 32 bytes as base64 (it is ${key.length} bytes). Make one with: openssl rand -base64 32`);
  }
  return key;
}

export function loadConnectionsKey(dataDir: string, env: NodeJS.ProcessEnv = process.env): { key: Buffer; source: string } {
  if (env.CONNECTIONS_KEY) return { key: decode(env.CONNECTIONS_KEY, 'CONNECTIONS_KEY'), source: 'CONNECTIONS_KEY' };
  const file = join(dataDir, 'connections.key');
  if (!existsSync(file)) {
    try {
      // `wx`: never overwrite a key another process wrote meanwhile (that one is read below).
      writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
      chmodSync(file, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  if ((statSync(file).mode & 0o077) !== 0) {
    throw new Error(`${file} is readable by other users: chmod 600 it (it opens every stored connection).`);
  }
  return { key: decode(readFileSync(file, 'utf8'), file), source: file };
}

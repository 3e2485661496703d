// The app's server for a test run: `tsx server/main.ts` as npm start runs it, on free ports,
// with its own data folder, so a test can stop it and start it again over the same database.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const appDir = fileURLToPath(new URL('..', import.meta.url));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

export interface HostServer {
  origin: string;
  issuer: string;
  dataDir: string;
  /** Starts the server; `env` adds to (or overrides) its environment for this start only. */
  start(env?: Record<string, string>): Promise<void>;
  stop(): Promise<void>;
}

export async function hostServer(): Promise<HostServer> {
  const port = await freePort();
  const idpPort = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'host-app-e2e-'));
  const origin = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  return {
    origin,
    issuer: `http://127.0.0.1:${idpPort}`,
    dataDir,
    async start(extra = {}) {
      const started = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        cwd: appDir,
        env: { ...process.env, PORT: String(port), IDP_PORT: String(idpPort), DATA_DIR: dataDir, ...extra },
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      child = started;
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        if (started.exitCode !== null) throw new Error(`the host app's server exited with ${started.exitCode}`);
        try {
          if ((await fetch(`${origin}/api/pieces`)).ok) return;
        } catch {
          // not listening yet
        }
        await new Promise((done) => setTimeout(done, 200));
      }
      throw new Error(`${origin} did not answer in 30 s`);
    },
    async stop() {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((done) => running.once('exit', done));
      running.kill('SIGTERM');
      await exited;
    },
  };
}

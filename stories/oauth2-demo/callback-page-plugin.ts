// Serves the kit's ready-made OAuth2 callback page at /oauth2-callback.html in Storybook, for the
// "OAuth2 full flow" story. The page is built by the repo's own scripts/build-callback-page.mjs
// from the current src/, in memory: nothing to run first, no generated copy in git that could go
// stale, and the repo's dist/ is never touched.
// - `storybook dev`: built on the first request, rebuilt after a change under src/oauth/;
// - `storybook build`: emitted next to iframe.html;
// - story tests never request it (their provider is scripted), so they never pay for it.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Plugin } from 'vite';

/** Where the page is served, relative to Storybook's root (next to iframe.html). */
const CALLBACK_PAGE_FILE = 'oauth2-callback.html';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Runs scripts/build-callback-page.mjs in a scratch folder whose `src` is the repo's (the
 * script reads `src/` and writes `dist/` relative to its working directory) and returns the page.
 */
async function buildCallbackPage(): Promise<string> {
  const work = await mkdtemp(join(tmpdir(), 'ck-storybook-callback-'));
  try {
    await symlink(join(repo, 'src'), join(work, 'src'), 'dir');
    await promisify(execFile)(process.execPath, [join(repo, 'scripts/build-callback-page.mjs')], { cwd: work });
    return await readFile(join(work, 'dist', CALLBACK_PAGE_FILE), 'utf8');
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The Vite plugin that serves (dev) or emits (build) the callback page. */
export function oauth2CallbackPage(): Plugin {
  let page: Promise<string> | undefined;
  const get = () => (page ??= buildCallbackPage());
  const oauthSources = join(repo, 'src', 'oauth');
  return {
    name: 'connection-kit:oauth2-callback-page',
    configureServer(server) {
      server.watcher.on('change', (file) => {
        if (file.startsWith(oauthSources)) page = undefined;
      });
      server.middlewares.use((req, res, next) => {
        if (new URL(req.url ?? '/', 'http://storybook').pathname !== `/${CALLBACK_PAGE_FILE}`) return next();
        get().then(
          (html) => {
            res.setHeader('Content-Type', 'text/html; charset=utf-8');
            // The page reads a code from its URL: keep it out of caches and Referer headers.
            res.setHeader('Cache-Control', 'no-store');
            res.setHeader('Referrer-Policy', 'no-referrer');
            res.end(html);
          },
          (error: unknown) => {
            page = undefined;
            next(error);
          },
        );
      });
    },
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: CALLBACK_PAGE_FILE, source: await get() });
    },
  };
}

// The HTTP side: a Hono app. The connection routes are connection-kit/server's handler (claim,
// the piece's validate, the encrypted store); the rest is this product's own API and pages.
import { serveStatic } from '@hono/node-server/serve-static';
import { createConnectionHandler } from 'connection-kit/server';
import { oauth2CallbackResponse } from 'connection-kit/oauth2-callback-page';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { Catalog } from './catalog';
import type { SqliteConnectionStore } from './sqlite-store';

export interface AppOptions {
  origin: string;
  catalog: Catalog;
  store: SqliteConnectionStore;
  /** The signed-in user of a request. */
  ownerOf: (request: Request) => string;
  /** The built frontend (vite build's outDir). */
  staticRoot: string;
}

export const redirectPath = '/oauth2/callback';

export function createApp({ origin, catalog, store, ownerOf, staticRoot }: AppOptions): Hono {
  const connections = createConnectionHandler({
    definitions: catalog.definitions,
    secrets: (piece) => catalog.oauth2AppFor(piece),
    store,
    redirectUrl: `${origin}${redirectPath}`,
    server: { apiUrl: `${origin}/api/`, publicUrl: `${origin}/` },
    // Pieces' validate calls their provider; a hung one answers the form in 20 s.
    validateTimeoutMs: 20_000,
    // The answer to the browser is a fixed 500; the log gets where it failed, not the message
    // (an SQLite error can quote the values it was given).
    onError: (error) => {
      const frames = error instanceof Error ? (error.stack ?? '').split('\n').slice(1, 6).join('\n') : '';
      console.error(`connections: ${error instanceof Error ? error.name : typeof error}\n${frames}`);
    },
  });

  const app = new Hono();
  // One origin: the redirect URL is registered under it, and the popup's callback must come
  // back to the page's own origin. A visit to localhost:4310 is sent to 127.0.0.1:4310.
  const canonical = new URL(origin);
  app.use('*', async (c, next) => {
    if (c.req.header('host') === canonical.host) return next();
    const url = new URL(c.req.url);
    return c.redirect(`${origin}${url.pathname}${url.search}`, 308);
  });
  const headers = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      // The kit sets a few inline style attributes (e.g. a field's width); no inline script.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
    },
    // The OAuth2 popup keeps window.opener to hand the code back (the callback page checks
    // origins); every other window opened to this page is cut off from it.
    crossOriginOpenerPolicy: 'same-origin-allow-popups',
  });
  // The callback page brings its own CSP (one hashed inline script): leave its headers alone.
  app.use('*', (c, next) => (c.req.path === redirectPath ? next() : headers(c, next)));

  // Changes come from this app's own pages only: a cross-site form or fetch (even one the JSON
  // content type would not stop, like a bodiless POST …/refresh) is refused before any work.
  app.use('/api/*', async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const site = c.req.header('sec-fetch-site');
    const from = c.req.header('origin');
    if ((site && site !== 'same-origin') || (from && from !== origin) || (!site && !from)) {
      return c.json({ error: 'forbidden', message: 'Changes are accepted from this app’s own pages only.' }, 403);
    }
    return next();
  });
  // The handler refuses bodies over 64 kB; this stops reading them there too.
  app.use(
    '/api/*',
    bodyLimit({ maxSize: 64 * 1024, onError: (c) => c.json({ error: 'invalid_request', message: 'The request body is too large.' }, 413) }),
  );

  app.get('/api/pieces', (c) => c.json({ pieces: catalog.summaries }));
  app.get('/api/pieces/:key', (c) => {
    const detail = catalog.detail(c.req.param('key'));
    return detail ? c.json(detail) : c.json({ error: 'not_found', message: 'No such piece.' }, 404);
  });

  // The list, with when each connection was made (the kit's view has no timestamps of its own),
  // and the rows whose value does not decrypt (another key, a damaged row), so they can be deleted.
  app.get('/api/connections', async (c) => {
    const response = await connections(c.req.raw);
    if (!response.ok) return response;
    const body = (await response.json()) as { connections: { id: string }[] };
    const meta = store.meta(ownerOf(c.req.raw));
    const listed = new Set(body.connections.map((view) => view.id));
    const unreadable = [...meta.values()].filter((row) => !listed.has(row.id)).map((row) => ({ ...row, unreadable: true }));
    return c.json({ connections: [...body.connections.map((view) => ({ ...view, ...meta.get(view.id) })), ...unreadable] }, 200, {
      'cache-control': 'no-store',
    });
  });
  // Everything else under /api/connections is the handler's (it answers 404/405 itself).
  app.all('/api/connections/*', (c) => connections(c.req.raw));
  app.all('/api/connections', (c) => connections(c.req.raw));
  app.all('/api/*', (c) => c.json({ error: 'not_found', message: 'No such API route.' }, 404));

  // The page the provider redirects the popup to: hands the code to the form, then closes.
  app.get(redirectPath, () => oauth2CallbackResponse());

  app.use('/assets/*', serveStatic({ root: staticRoot }));
  // A missing asset is a 404, not the page (a stale tab asking for an old chunk gets an error it can show).
  app.get('/assets/*', (c) => c.text('Not found', 404));
  app.get('*', serveStatic({ root: staticRoot, path: 'index.html' }));
  return app;
}

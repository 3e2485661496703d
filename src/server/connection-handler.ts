import type { AuthInput } from '../definitions/auth-types';
import type { ServerContext } from '../definitions/validation';
import type { HostPolicy } from '../oauth/host-policy';
import { OAuth2ConfigError } from '../oauth/oauth2-error';
import { claimConnection, type OAuth2App } from './claim-connection';
import { viewOf, type ConnectionView } from './connection-view';
import { refreshConnection, type RefreshLock } from './refresh-connection';
import { restoreKeptSecrets } from './restore-kept-secrets';
import { definitionFor } from './run-validate';
import { ConnectionError, InvalidConnectionValueError, TokenEndpointError } from './server-errors';
import type { AnyStoredConnectionValue } from './stored-connection-value';

/**
 * One stored connection, as the handler hands it to the store.
 *
 * @example
 * ```ts
 * const record: ConnectionRecord = { id: 'c1', piece: 'github', displayName: 'GitHub', value: stored };
 * ```
 */
export interface ConnectionRecord {
  id: string;
  /** The key of its definition in `definitions`. */
  piece: string;
  displayName?: string | undefined;
  value: AnyStoredConnectionValue;
}

/**
 * Where the handler keeps connections: the host's database. The value holds tokens and secrets:
 * encrypt it at rest (see the README's "Your server"). Every method also gets the request, so
 * the store can scope connections to the signed-in user (and refuse others). `list` and
 * `delete` are optional: without them the handler has no list or delete route (405).
 *
 * @example
 * ```ts
 * const rows = new Map<string, ConnectionRecord>();
 * const store: ConnectionStore = {
 *   async create(record) { const id = crypto.randomUUID(); rows.set(id, { id, ...record }); return id; },
 *   async get(id) { return rows.get(id); },
 *   async update(id, value) { rows.set(id, { ...rows.get(id)!, value }); },
 * };
 * ```
 */
export interface ConnectionStore {
  create(record: Omit<ConnectionRecord, 'id'>, request: Request): Promise<string>;
  get(id: string, request: Request): Promise<ConnectionRecord | undefined>;
  /** Saves a refreshed or edited value; `changes` holds an edit's new display name. */
  update(id: string, value: AnyStoredConnectionValue, request: Request, changes?: { displayName?: string | undefined }): Promise<void>;
  /** The user's connections, for `GET …/connections`. */
  list?(request: Request): Promise<ConnectionRecord[]>;
  /** Removes one; `false` when there was none with this id (for this user). */
  delete?(id: string, request: Request): Promise<boolean>;
}

/**
 * The handler's configuration: everything that decides where a secret goes lives here, on the
 * server, never in the request.
 *
 * @example
 * ```ts
 * const options: ConnectionHandlerOptions = {
 *   definitions: { github: githubAuth, openai: openaiAuth },
 *   secrets: { github: { clientId: process.env.GITHUB_CLIENT_ID!, clientSecret: process.env.GITHUB_CLIENT_SECRET! } },
 *   store,
 *   redirectUrl: 'https://app.example.com/oauth/callback',
 * };
 * ```
 */
export interface ConnectionHandlerOptions {
  /** The server's own copy of each definition (functions included), by piece name. */
  definitions: Readonly<Record<string, AuthInput>>;
  /** The host's OAuth apps by piece name, for `PLATFORM_OAUTH2` values. */
  secrets?: Readonly<Record<string, OAuth2App>> | ((piece: string) => OAuth2App | undefined);
  store: ConnectionStore;
  /** The redirect URI registered with the providers (the form's `oauth2.redirectUrl`). */
  redirectUrl?: string | undefined;
  /** Passed to each definition's `validate`. */
  server?: ServerContext | undefined;
  allowedHosts?: HostPolicy['allowedHosts'] | undefined;
  /** A lock across server processes for refreshes, keyed by connection id. */
  lock?: RefreshLock | undefined;
  fetch?: typeof fetch | undefined;
  /** The clock in ms since the epoch. Defaults to `Date.now`. */
  now?: (() => number) | undefined;
  /** How long a definition's `validate` may take; default 30 s (see `ClaimOptions`). */
  validateTimeoutMs?: number | undefined;
  /**
   * Called with each unexpected error (a store that throws, a bug) before the fixed 500 answer,
   * for your logs: the answer never quotes it, since it may hold a secret or your SQL, so this is
   * the only place it shows. Log its name and stack, not blindly its message. A throw here is
   * ignored.
   */
  onError?: ((error: unknown, request: Request) => void) | undefined;
}

const MAX_BODY = 64 * 1024;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
}

function problem(status: number, error: string, message: string): Response {
  return json(status, { error, message });
}

/** The answer for one of our errors, with its own safe message; undefined for anything else. */
function answerForOwn(error: unknown): Response | undefined {
  if (error instanceof OAuth2ConfigError) return problem(400, 'invalid_value', error.message);
  if (error instanceof TokenEndpointError) {
    if (error.code === 'reconnect_needed') return problem(409, error.code, error.message);
    // The provider refused what was sent (a spent code, a wrong client secret): 400, with its
    // reason. No OAuth answer at all (HTML 500, timeout, no access_token): a bad gateway.
    const noAnswer = ['http_error', 'network_error', 'invalid_response'].includes(error.error);
    return problem(noAnswer ? 502 : 400, error.code, error.message);
  }
  if (error instanceof InvalidConnectionValueError) {
    return json(400, { error: error.code, message: error.message, issues: error.issues });
  }
  if (error instanceof ConnectionError) {
    const status = { validation_failed: 422, not_found: 404, configuration: 500 }[error.code as string] ?? 400;
    return problem(status, error.code, error.message);
  }
  return undefined;
}

async function readJson(request: Request): Promise<Record<string, unknown>> {
  if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) {
    // Also a CSRF guard: a cross-site form cannot send application/json without a CORS preflight.
    throw new ConnectionError('invalid_request', 'Send the connection as JSON (Content-Type: application/json).');
  }
  const text = await request.text();
  if (text.length > MAX_BODY) throw new ConnectionError('invalid_request', `The request body is larger than ${MAX_BODY} bytes.`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ConnectionError('invalid_request', 'The request body is not valid JSON.');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new ConnectionError('invalid_request', 'The request body must be a JSON object.');
  return body as Record<string, unknown>;
}

/**
 * A Web-standard request handler for the connection routes, for any server that speaks
 * `Request`/`Response` (Next.js route handlers, Hono, Bun, Deno, Cloudflare; Express through an
 * adapter). Routes, matched at the end of the path so it can be mounted anywhere:
 * - `POST …/connections` with `{ piece, value, displayName? }`: claims the value the form
 *   emitted (`claimConnection`), stores it, answers 201 with its {@link ConnectionView};
 * - `GET …/connections/:id`: refreshes it when due (`refreshConnection`, saved through the
 *   store), answers its view; 409 `reconnect_needed` when the provider refused the refresh;
 * - `PUT …/connections/:id` with `{ value, displayName? }`: an edit. The secrets the form kept
 *   (`KEPT_SECRET`) are put back from the stored value (`restoreKeptSecrets`), then the value is
 *   claimed and validated as a new one and saved over the old; answers its view;
 * - `POST …/connections/:id/refresh`: refreshes it now;
 * - `GET …/connections` (when the store has `list`): `{ connections: ConnectionView[] }`, as
 *   stored, without refreshing; `DELETE …/connections/:id` (when it has `delete`): 204.
 * Answers are JSON, never hold a token or secret; bad input gets a 4xx with `{ error, message }`.
 * Authenticate the user before calling it (and scope the store to them).
 *
 * @example
 * ```ts
 * import { createConnectionHandler } from 'connection-kit/server';
 *
 * const handle = createConnectionHandler({ definitions: { github: githubAuth }, secrets, store, redirectUrl });
 * export const POST = handle; // app/api/connections/[[...path]]/route.ts
 * export const GET = handle;
 * ```
 */
export function createConnectionHandler(options: ConnectionHandlerOptions): (request: Request) => Promise<Response> {
  const appFor = (piece: string) => (typeof options.secrets === 'function' ? options.secrets(piece) : options.secrets?.[piece]);
  const definitionOf = (piece: string): AuthInput => {
    if (!Object.hasOwn(options.definitions, piece))
      throw new ConnectionError('invalid_request', `No connection definition is named ${JSON.stringify(piece.slice(0, 100))}.`);
    return options.definitions[piece];
  };

  /** Claims (and so validates) a value the form emitted, for `piece`. */
  function claim(request: Request, piece: string, value: unknown): Promise<AnyStoredConnectionValue> {
    const app = appFor(piece);
    return claimConnection(definitionOf(piece), value, {
      ...(options.redirectUrl !== undefined ? { redirectUrl: options.redirectUrl } : {}),
      ...(app ? { oauth2App: app } : {}),
      ...(options.server ? { server: options.server } : {}),
      ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.now ? { now: options.now } : {}),
      ...(options.validateTimeoutMs !== undefined ? { validateTimeoutMs: options.validateTimeoutMs } : {}),
      signal: request.signal,
    });
  }

  const viewOfRecord = (record: ConnectionRecord) => viewOf(record, definitionFor(definitionOf(record.piece), record.value.type));

  function displayNameOf(body: Record<string, unknown>): string | undefined {
    if (body.displayName !== undefined && typeof body.displayName !== 'string')
      throw new ConnectionError('invalid_request', 'displayName must be a string.');
    return body.displayName || undefined;
  }

  async function stored(request: Request, id: string): Promise<ConnectionRecord> {
    const record = await options.store.get(id, request);
    if (!record) throw new ConnectionError('not_found', 'No connection has this id.');
    return record;
  }

  async function create(request: Request): Promise<Response> {
    const body = await readJson(request);
    if (typeof body.piece !== 'string')
      throw new ConnectionError('invalid_request', 'The request body needs piece: the name of the definition.');
    const displayName = displayNameOf(body);
    const value = await claim(request, body.piece, body.value);
    const record = { piece: body.piece, ...(displayName ? { displayName } : {}), value };
    const id = await options.store.create(record, request);
    return json(201, { connection: viewOfRecord({ id, ...record }) });
  }

  /** Routed only when the store has `list`. */
  async function list(request: Request): Promise<Response> {
    // No refresh here: a list must not fan out one token request per connection to providers;
    // each connection refreshes when it is read on its own.
    const records = await options.store.list!(request);
    // A connection whose piece left the definitions is still listed (so it can be deleted), with
    // nothing of its value: without the definition, which props are secret is not known.
    const listed = (record: ConnectionRecord): ConnectionView =>
      Object.hasOwn(options.definitions, record.piece)
        ? viewOfRecord(record)
        : {
            id: record.id,
            piece: record.piece,
            ...(record.displayName ? { displayName: record.displayName } : {}),
            type: record.value.type,
          };
    return json(200, { connections: records.map(listed) });
  }

  /** An edit: the saved secrets put back where the form kept them, then claimed as new. */
  async function edit(request: Request, id: string): Promise<Response> {
    const body = await readJson(request);
    const record = await stored(request, id);
    const displayName = body.displayName === undefined ? record.displayName : displayNameOf(body);
    const value = await claim(request, record.piece, restoreKeptSecrets(body.value, record.value));
    await options.store.update(id, value, request, { displayName });
    return json(200, { connection: viewOfRecord({ ...record, displayName, value }) });
  }

  /** Routed only when the store has `delete`. */
  async function remove(request: Request, id: string): Promise<Response> {
    // Tokens are not revoked at the provider: few offer it, and the host may want to first.
    if (!(await options.store.delete!(id, request))) throw new ConnectionError('not_found', 'No connection has this id.');
    return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
  }

  async function read(request: Request, id: string, force: boolean): Promise<Response> {
    const record = await stored(request, id);
    const auth = definitionOf(record.piece);
    const app = appFor(record.piece);
    const value = await refreshConnection(auth, record.value, {
      key: id,
      force,
      ...(app ? { oauth2App: app } : {}),
      ...(options.lock ? { lock: options.lock, load: async () => (await options.store.get(id, request))?.value ?? record.value } : {}),
      save: (fresh) => options.store.update(id, fresh, request),
      ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.now ? { now: options.now } : {}),
      signal: request.signal,
    });
    return json(200, { connection: viewOfRecord({ ...record, value }) });
  }

  const { list: canList, delete: canDelete } = options.store;
  const routes = 'GET and POST …/connections, GET, PUT and DELETE …/connections/:id, POST …/connections/:id/refresh';

  return async (request) => {
    try {
      const segments = new URL(request.url).pathname.split('/').filter(Boolean).map(decodeURIComponent);
      const at = segments.lastIndexOf('connections');
      const rest = at === -1 ? undefined : segments.slice(at + 1);
      if (!rest || rest.length > 2 || (rest.length === 2 && rest[1] !== 'refresh')) {
        return problem(404, 'not_found', `Routes: ${routes}.`);
      }
      const method = request.method.toUpperCase();
      const [id, refresh] = rest;
      // The methods each path answers, by its shape; list and delete only when the store can.
      const answers: [string, (() => Promise<Response>) | undefined][] =
        id === undefined
          ? [
              ['GET', canList ? () => list(request) : undefined],
              ['POST', () => create(request)],
            ]
          : refresh === undefined
            ? [
                ['GET', () => read(request, id, false)],
                ['PUT', () => edit(request, id)],
                ['DELETE', canDelete ? () => remove(request, id) : undefined],
              ]
            : [['POST', () => read(request, id, true)]];
      const available = answers.filter((entry): entry is [string, () => Promise<Response>] => entry[1] !== undefined);
      const answer = available.find(([name]) => name === method)?.[1];
      if (!answer) return new Response(null, { status: 405, headers: { allow: available.map(([name]) => name).join(', ') } });
      return await answer();
    } catch (error) {
      const own = answerForOwn(error);
      if (own) return own;
      try {
        options.onError?.(error, request);
      } catch {
        // A logger that throws must not turn the fixed answer into a crash.
      }
      // Unknown errors may quote anything (a store's SQL, a secret): never echo them.
      return problem(500, 'internal_error', 'The server could not complete the request.');
    }
  };
}

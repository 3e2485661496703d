// The catalog: the real pieces `npx connection-kit pieces --all --json` found in node_modules
// (generated/pieces.json, written by `npm run pieces`), plus two demo pieces of our own.
//
// Two copies of each definition, as the kit intends. The browser gets plain JSON (the CLI's
// output: no functions), parsed there with parseAuthDefinition. The server keeps the piece's own
// auth, loaded from its package with its functions, so the piece's real `validate` runs here on
// every connect and edit. Legacy pieces (framework 0.2, auth as an action's `authentication`
// prop) have no validate: their JSON definition is all there is.
//
// Every OAuth2 piece is pointed at the embedded provider (identity-provider.ts), in both copies,
// so its popup flow and token exchange work offline.
import { readFileSync } from 'node:fs';
import { type AuthInput, parseAuthDefinition, toClientAuth } from 'connection-kit/definitions';
import { demoPieces } from './demo-pieces';
import type { IdentityProvider } from './identity-provider';

/** One entry of generated/pieces.json (see `connection-kit pieces --json`). */
interface GeneratedPiece {
  key: string;
  package: string;
  version: string;
  export: string;
  from: string;
  displayName: string;
  description?: string;
  validate: string[];
  auth: unknown;
}

/** What the catalog page lists for a piece. */
export interface PieceSummary {
  key: string;
  displayName: string;
  description: string;
  package: string;
  version: string;
  /** The auth types, in the piece's order: 'OAUTH2', 'SECRET_TEXT', … */
  authTypes: string[];
  /** The auth types whose method has the piece's own validate, which this server runs on connect. */
  checkedTypes: string[];
}

/** What the connection dialog needs for a piece. */
export interface PieceDetail extends PieceSummary {
  /** The definition as JSON, functions stripped. */
  auth: unknown;
  /** The OAuth2 client the form uses (`oauth2.clientId`), for a piece with an OAuth2 method. */
  oauth2ClientId?: string;
  /** The redirect URL registered with the provider (`oauth2.redirectUrl`). */
  redirectUrl: string;
}

export interface Catalog {
  summaries: PieceSummary[];
  detail(key: string): PieceDetail | undefined;
  /** The server's definitions (functions included), by piece key, for createConnectionHandler. */
  definitions: Record<string, AuthInput>;
  /** The OAuth2 client of a piece, for the handler's `secrets`. */
  oauth2AppFor(key: string): { clientId: string; clientSecret: string } | undefined;
}

type Method = { type?: string; authorizationMethod?: string; scope?: string[] } & Record<string, unknown>;
const methodsOf = (auth: unknown): Method[] => (auth == null ? [] : Array.isArray(auth) ? auth : [auth]) as Method[];

/** The OAuth2 methods of `auth` aimed at the local provider; everything else as it was. */
function pointAtProvider<A>(auth: A, idp: IdentityProvider): A {
  const point = (method: Method) =>
    method.type === 'OAUTH2'
      ? {
          ...method,
          authUrl: `${idp.issuer}/auth`,
          tokenUrl: `${idp.issuer}/token`,
          // The provider's own scopes come first: offline_access gets a refresh token. The
          // piece's scopes are asked for too (the local provider grants what it knows).
          scope: ['openid', 'offline_access', ...(method.scope ?? [])],
        }
      : method;
  return (Array.isArray(auth) ? auth.map(point) : auth == null ? auth : point(auth as Method)) as A;
}

/** The piece's own auth, functions included, from its package. */
async function loadRealAuth(piece: GeneratedPiece): Promise<unknown> {
  let mod: Record<string, unknown> & { default?: Record<string, unknown> };
  try {
    mod = await import(piece.package);
  } catch (error) {
    throw new Error(`${piece.package} did not load (${(error as Error).message}). Reinstall it (npm ci), or run npm run pieces again.`);
  }
  const exported = (mod[piece.export] ?? mod.default?.[piece.export]) as { auth?: unknown } | undefined;
  if (!exported || !('auth' in exported))
    throw new Error(`${piece.package} no longer exports ${piece.export}.auth: run npm run pieces again.`);
  return exported.auth;
}

/** The JSON definition as one the kit runs (checked: a broken entry stops the start, named). */
function definitionOf(piece: GeneratedPiece): unknown {
  if (piece.auth == null) return piece.auth;
  const result = parseAuthDefinition(piece.auth);
  if (!result.ok) throw new Error(`${piece.package}: ${result.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`);
  return result.auth;
}

/** The entries of the CLI's JSON, checked for what this file reads. */
function piecesIn(json: unknown): GeneratedPiece[] {
  const pieces = (json as { pieces?: unknown } | null)?.pieces;
  if (!Array.isArray(pieces)) throw new Error('it has no "pieces" list');
  pieces.forEach((piece, i) => {
    const p = piece as Partial<GeneratedPiece> | null;
    const bad = (['key', 'package', 'export', 'from', 'displayName'] as const).find((k) => typeof p?.[k] !== 'string');
    if (bad) throw new Error(`pieces[${i}].${bad} is not a string`);
    if (!Array.isArray(p?.validate)) throw new Error(`pieces[${i}].validate is not a list`);
  });
  return pieces as GeneratedPiece[];
}

/** The auth types of the methods that have a validate ("auth" for a single method, "auth[1]" in a list). */
function checkedTypesOf(auth: unknown, validate: string[]): string[] {
  const methods = methodsOf(auth);
  return methods.flatMap((m, i) => (validate.includes(Array.isArray(auth) ? `auth[${i}]` : 'auth') ? [m.type ?? 'UNKNOWN'] : []));
}

export async function loadCatalog(file: string, idp: IdentityProvider, redirectUrl: string): Promise<Catalog> {
  let generated: GeneratedPiece[];
  try {
    generated = piecesIn(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    throw new Error(`Could not read the piece catalog ${file} (${(error as Error).message}). Run: npm run pieces`);
  }
  const entries: { summary: PieceSummary; clientAuth: unknown; serverAuth: unknown }[] = [];
  const add = (piece: Omit<GeneratedPiece, 'export' | 'from' | 'validate'>, serverAuth: unknown, checkedTypes: string[]) => {
    // A piece without auth needs no connection: it is not in this catalog.
    if (piece.auth == null) return;
    const authTypes = methodsOf(piece.auth).map((m) => m.type ?? 'UNKNOWN');
    entries.push({
      summary: {
        key: piece.key,
        displayName: piece.displayName,
        // Pieces of framework 0.2 carry no description.
        description: piece.description || `Connect your ${piece.displayName} account.`,
        package: piece.package,
        version: piece.version,
        authTypes,
        checkedTypes,
      },
      clientAuth: pointAtProvider(piece.auth, idp),
      serverAuth: pointAtProvider(serverAuth, idp),
    });
  };

  for (const piece of demoPieces)
    add(
      { ...piece, auth: toClientAuth(piece.auth) },
      piece.auth,
      methodsOf(piece.auth).map((m) => m.type ?? ''),
    );
  for (const piece of generated) {
    const own = piece.from === 'piece.auth' && piece.validate.length > 0;
    add(piece, own ? await loadRealAuth(piece) : definitionOf(piece), own ? checkedTypesOf(piece.auth, piece.validate) : []);
  }
  entries.sort((a, b) => a.summary.displayName.localeCompare(b.summary.displayName));

  const byKey = new Map(entries.map((e) => [e.summary.key, e]));
  const oauth2MethodOf = (key: string) => methodsOf(byKey.get(key)?.clientAuth).find((m) => m.type === 'OAUTH2');
  return {
    summaries: entries.map((e) => e.summary),
    detail(key) {
      const entry = byKey.get(key);
      if (!entry) return undefined;
      const oauth2 = oauth2MethodOf(key);
      return {
        ...entry.summary,
        auth: entry.clientAuth,
        redirectUrl,
        ...(oauth2 ? { oauth2ClientId: idp.clientFor(oauth2.authorizationMethod).clientId } : {}),
      };
    },
    definitions: Object.fromEntries(entries.map((e) => [e.summary.key, e.serverAuth as AuthInput])),
    oauth2AppFor(key) {
      const oauth2 = oauth2MethodOf(key);
      return oauth2 && idp.clientFor(oauth2.authorizationMethod);
    },
  };
}

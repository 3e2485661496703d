import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CliError } from './cli-error';

/** A piece as loaded: its package, the export holding it and where its auth was found. */
export interface LoadedPiece {
  package: string;
  version: string;
  /** The export that is the piece (`slack`, `openai`). */
  export: string;
  displayName?: string | undefined;
  description?: string | undefined;
  logoUrl?: string | undefined;
  /** The auth as the piece holds it, functions and all; `undefined` for PieceAuth.None(). */
  auth: unknown;
  /** `piece.auth`, or for pieces of the old framework `actions.<name>.props.<key>`. */
  from: string;
}

const AUTH_TYPES = new Set(['SECRET_TEXT', 'BASIC_AUTH', 'CUSTOM_AUTH', 'OAUTH2']);
type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null;
const isPiece = (v: unknown): v is Obj => isObject(v) && ('_actions' in v || 'actions' in v) && 'displayName' in v;
const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
/** Actions and triggers: a map by name (current framework), an array, or absent. */
const steps = (m: unknown): Obj[] =>
  Array.isArray(m) ? m.filter(isObject) : isObject(m) && typeof m !== 'function' ? Object.values(m).filter(isObject) : [];

/**
 * The piece's `auth`; for pieces of the old `@activepieces/framework`, which had none, the
 * auth-typed prop (`authentication`) of its first action or trigger that has one.
 */
function findAuth(piece: Obj): { auth: unknown; from: string } {
  if (piece.auth !== undefined) return { auth: piece.auth, from: 'piece.auth' };
  for (const [kind, list] of [
    ['actions', piece._actions],
    ['triggers', piece._triggers],
  ] as const) {
    for (const step of steps(list)) {
      for (const [key, prop] of Object.entries(isObject(step.props) ? step.props : {})) {
        if (isObject(prop) && AUTH_TYPES.has(prop.type as string)) return { auth: prop, from: `${kind}.${String(step.name)}.props.${key}` };
      }
    }
  }
  return { auth: undefined, from: 'none (PieceAuth.None())' };
}

/** A piece's console output goes to `stderr` while it loads, so it cannot corrupt stdout output. */
async function quietly<T>(load: () => Promise<T>, stderr: (line: string) => void): Promise<T> {
  const { log, info } = console;
  console.log = console.info = (...args: unknown[]) => stderr(args.map(String).join(' '));
  try {
    return await load();
  } finally {
    console.log = log;
    console.info = info;
  }
}

/** Loads `name` as installed for `cwd` (not for the kit) and finds its piece and auth. */
export async function loadPiece(name: string, cwd: string, stderr: (line: string) => void): Promise<LoadedPiece> {
  if (/^@?[^@]+@/.test(name)) {
    throw new CliError(`"${name}" has a version in it`, `Install that version (npm install ${name}), then pass the name alone.`);
  }
  const requireFrom = createRequire(join(cwd, 'package.json'));
  let entry: string;
  try {
    entry = requireFrom.resolve(name);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'MODULE_NOT_FOUND') {
      throw new CliError(
        `${name} is not installed where this runs (${cwd})`,
        `npm install ${name} in ${cwd}, or pass --cwd <the folder where it is installed>.`,
      );
    }
    throw new CliError(
      `${name} cannot be resolved from ${cwd} (${code ?? (error as Error).message})`,
      'Check its package.json "main"/"exports" allow require().',
    );
  }
  let version = 'unknown';
  try {
    version = String((requireFrom(`${name}/package.json`) as Obj).version);
  } catch {
    // Its "exports" may hide package.json: the version is only for the header.
  }
  let exports: unknown;
  try {
    exports = await quietly(async () => {
      try {
        return requireFrom(entry);
      } catch (error) {
        if ((error as { code?: string }).code !== 'ERR_REQUIRE_ESM') throw error;
        return import(pathToFileURL(entry).href);
      }
    }, stderr);
  } catch (error) {
    const first = String((error as Error)?.message ?? error).split('\n')[0];
    throw new CliError(
      `${name}@${version} threw while loading: ${first}`,
      `Install its dependencies in ${cwd} (npm install, without --omit or --ignore-scripts if it needs them), and check that \`node -e "require('${name}')"\` runs there.`,
    );
  }
  const found = isObject(exports) ? Object.entries(exports).find(([, v]) => isPiece(v)) : undefined;
  if (!found) {
    const names = isObject(exports) ? Object.keys(exports).slice(0, 8).join(', ') : typeof exports;
    throw new CliError(
      `${name}@${version} exports no piece (exports: ${names || 'none'})`,
      'Pass an Activepieces piece package: one that exports createPiece({ displayName, auth, actions, ... }).',
    );
  }
  const [exportName, piece] = found as [string, Obj];
  return {
    package: name,
    version,
    export: exportName,
    displayName: text(piece.displayName),
    description: text(piece.description),
    logoUrl: text(piece.logoUrl),
    ...findAuth(piece),
  };
}

/** Every `@activepieces/piece-*` installed for `cwd`: its node_modules and those above it, nearest first. */
export function installedPieces(cwd: string): string[] {
  const names = new Set<string>();
  for (let dir = cwd; ; dir = dirname(dir)) {
    const scope = join(dir, 'node_modules', '@activepieces');
    if (existsSync(scope)) {
      for (const entry of readdirSync(scope)) if (entry.startsWith('piece-')) names.add(`@activepieces/${entry}`);
    }
    if (dirname(dir) === dir) break;
  }
  return [...names].sort();
}

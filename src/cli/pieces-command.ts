import { checkAuthDefinition } from '../definition-check/check-auth-definition';
import { stripFunctions } from '../definitions/strip-functions';
import { buildCall } from './build-call';
import { CliError } from './cli-error';
import { emitModule, exportNameOf, pieceKeyOf, type GeneratedPiece } from './emit-module';
import { installedPieces, loadPiece } from './load-piece';
import { normalizeAuth } from './normalize-auth';

export interface PiecesOptions {
  packages: string[];
  all: boolean;
  json: boolean;
  cwd: string;
  /** Progress and warnings, one line each (stderr; nothing with --quiet). */
  log: (line: string) => void;
  /** What the pieces print while they load (stderr, even with --quiet). */
  stderr: (line: string) => void;
}

export interface PiecesResult {
  /** The module (or JSON) for the pieces that worked. */
  output: string;
  generated: GeneratedPiece[];
  failed: { package: string; error: CliError }[];
}

const METHOD_NAMES: Record<string, string> = {
  SECRET_TEXT: 'SecretText',
  BASIC_AUTH: 'BasicAuth',
  CUSTOM_AUTH: 'CustomAuth',
  OAUTH2: 'OAuth2',
};
const describeAuth = (auth: unknown) =>
  auth === undefined
    ? 'no auth'
    : (Array.isArray(auth) ? auth : [auth]).map((m) => METHOD_NAMES[(m as { type?: string })?.type ?? ''] ?? 'none').join(' or ');

/** One piece: loaded, its functions dropped (and noted), checked, then turned into builder calls. */
async function generate(name: string, options: PiecesOptions): Promise<GeneratedPiece> {
  const { cwd, log } = options;
  const piece = await loadPiece(name, cwd, options.stderr);
  const droppedFunctions: string[] = [];
  const auth = stripFunctions(piece.auth, 'auth', (path) => droppedFunctions.push(path));
  const problems = checkAuthDefinition(auth);
  for (const p of problems.filter((p) => p.severity === 'warning')) log(`  warning: ${name}: ${p.path} ${p.message}. ${p.fix}`);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) {
    throw new CliError(
      `${name}@${piece.version}'s auth (${piece.from}) is not one the form can show:\n${errors.map((e) => `    ${e.path} ${e.message}. ${e.fix}`).join('\n')}`,
      'Leave this piece out, or write its auth by hand.',
    );
  }
  const ignoredKeys: string[] = [];
  const call = normalizeAuth(auth, ignoredKeys);
  const methods =
    auth === undefined
      ? []
      : Array.isArray(piece.auth)
        ? piece.auth.map((m, i) => [m, `auth[${i}]`] as const)
        : [[piece.auth, 'auth'] as const];
  const key = pieceKeyOf(name);
  return {
    key,
    exportName: exportNameOf(key),
    package: name,
    version: piece.version,
    export: piece.export,
    from: piece.from,
    displayName: piece.displayName,
    description: piece.description,
    logoUrl: piece.logoUrl,
    validate: methods.filter(([m]) => typeof (m as { validate?: unknown })?.validate === 'function').map(([, path]) => path),
    droppedFunctions,
    ignoredKeys,
    call,
  };
}

/** The JSON output: each piece's catalogue fields and its auth as plain data (`null`: no auth). */
function toJson(pieces: GeneratedPiece[]): string {
  const list = pieces.map(({ call, exportName: _, ...piece }) => ({ ...piece, auth: buildCall(call) ?? null }));
  return `${JSON.stringify({ generatedBy: 'connection-kit pieces', pieces: list }, null, 2)}\n`;
}

/**
 * `connection-kit pieces`: the named (or, with `all`, every installed) pieces, each loaded from
 * `cwd`. A piece that fails is reported and left out; the others are still written.
 */
export async function runPieces(options: PiecesOptions): Promise<PiecesResult> {
  const names = [...new Set(options.all ? [...installedPieces(options.cwd), ...options.packages] : options.packages)];
  if (names.length === 0) {
    throw options.all
      ? new CliError(
          `no @activepieces/piece-* package is installed in ${options.cwd} or above`,
          'npm install the pieces you want (npm install @activepieces/piece-slack), then run this again.',
        )
      : new CliError('no piece named', 'Pass package names (connection-kit pieces @activepieces/piece-slack) or --all.');
  }
  const generated: GeneratedPiece[] = [];
  const failed: PiecesResult['failed'] = [];
  const keys = new Map<string, number>();
  for (const [i, name] of names.entries()) {
    const at = `[${i + 1}/${names.length}]`;
    try {
      const piece = await generate(name, options);
      // Two packages with one key (@acme/piece-slack beside @activepieces/piece-slack) get distinct exports.
      const seen = keys.get(piece.key) ?? 0;
      keys.set(piece.key, seen + 1);
      if (seen) Object.assign(piece, { key: `${piece.key}-${seen + 1}`, exportName: exportNameOf(`${piece.key}-${seen + 1}`) });
      generated.push(piece);
      const dropped = piece.validate.length ? `; validate of ${piece.validate.join(', ')} left for your server` : '';
      options.log(`${at} ${name}@${piece.version}: ${describeAuth(buildCall(piece.call))} as ${piece.exportName}${dropped}`);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      failed.push({ package: name, error });
      options.log(`${at} ${name}: FAILED`);
    }
  }
  return { output: options.json ? toJson(generated) : emitModule(generated), generated, failed };
}

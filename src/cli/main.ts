// `connection-kit` command line, built to dist/cli.js (the package's `bin`). Node only: it loads
// the host's installed pieces, so it never goes into a browser bundle.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CliError } from './cli-error';
import { runPieces } from './pieces-command';

const USAGE = `Usage: connection-kit pieces <package>... [--out <file>] [--json] [--cwd <dir>] [--quiet]
       connection-kit pieces --all [--out <file>] [--json]

Writes the auth of installed Activepieces pieces as a browser-safe module for <ConnectionForm auth>:
a TypeScript module whose exports infer as hand-written definitions do (ConnectionValue<typeof
slackAuth>), or with --json (or an --out ending in .json) plain JSON for parseAuthDefinition().
Functions (validate, getConnectionIdentifier) are left out and listed: run validate on your server.

  <package>    a piece package installed where you run this, e.g. @activepieces/piece-slack
  --all        every @activepieces/piece-* installed in this folder's node_modules (and above)
  --out <file> write there instead of stdout
  --json       JSON instead of TypeScript
  --cwd <dir>  resolve the packages from <dir> instead of the current folder
  --quiet      no progress lines (errors are still printed)

Progress and errors go to stderr. Exit code 1 if any piece failed (the others are still written),
2 for a usage error.`;

/** Where the CLI writes and which folder it runs in (a test passes its own). */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
}

const parseCliArgs = (args: string[]) =>
  parseArgs({
    args,
    allowPositionals: true,
    options: {
      all: { type: 'boolean' },
      out: { type: 'string' },
      json: { type: 'boolean' },
      cwd: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });

/** Runs the CLI on `argv` (without node and the script); resolves to the exit code. */
export async function main(
  argv: string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() },
): Promise<number> {
  const say = (line: string) => io.stderr.write(`${line}\n`);
  let parsed: ReturnType<typeof parseCliArgs>;
  try {
    parsed = parseCliArgs(argv);
  } catch (error) {
    say(`connection-kit: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...packages] = positionals;
  if (values.help || command === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command !== 'pieces') {
    say(`connection-kit: ${command ? `unknown command "${command}"` : 'no command'}\n\n${USAGE}`);
    return 2;
  }
  const cwd = resolve(io.cwd, values.cwd ?? '.');
  const json = values.json ?? values.out?.endsWith('.json') ?? false;
  try {
    const result = await runPieces({ packages, all: values.all ?? false, json, cwd, log: values.quiet ? () => {} : say, stderr: say });
    for (const { error } of result.failed) say(`error: ${error.message}\n  fix: ${error.fix}`);
    if (result.generated.length > 0) {
      if (values.out) {
        const out = resolve(io.cwd, values.out);
        mkdirSync(dirname(out), { recursive: true });
        writeFileSync(out, result.output);
        if (!values.quiet) say(`wrote ${result.generated.length} piece(s) to ${values.out}`);
      } else io.stdout.write(result.output);
    }
    if (result.failed.length)
      say(
        `${result.failed.length} of ${result.failed.length + result.generated.length} piece(s) failed${result.generated.length ? ', the others were written' : ''}.`,
      );
    return result.failed.length ? 1 : 0;
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    say(`error: ${error.message}\n  fix: ${error.fix}`);
    return error.message === 'no piece named' ? 2 : 1;
  }
}

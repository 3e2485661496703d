// Runs the CLI's main() in this process, as `connection-kit <argv>` run in `cwd`, capturing
// stdout and stderr.
import { main, type CliIo } from '../../src/cli/main';
import { FIXTURE_PROJECT } from './fixture-pieces';

export async function runCli(argv: string[], cwd = FIXTURE_PROJECT) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text) => (stdout += text) },
    stderr: { write: (text) => (stderr += text) },
    cwd,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

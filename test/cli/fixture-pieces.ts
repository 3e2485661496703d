// The real published pieces of test/cli/fixture-project, loaded as a host's Node code would.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const FIXTURE_PROJECT = join(import.meta.dirname, 'fixture-project');

if (!existsSync(join(FIXTURE_PROJECT, 'node_modules', '@activepieces'))) {
  throw new Error('test/cli/fixture-project is not installed: run `npm ci --prefix test/cli/fixture-project` (npm test does it first).');
}

/** `require` from the fixture project: `requirePiece('@activepieces/piece-slack').slack`. */
export const requirePiece = createRequire(join(FIXTURE_PROJECT, 'package.json'));

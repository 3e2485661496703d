import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The kit's stylesheet, read from disk. Not `import ... from '...css?raw'`: vitest hands CSS
 * imports (raw ones included) to tests as an empty string unless `test.css` includes them,
 * which made checks on the stylesheet pass vacuously.
 */
export const stylesheet = readFileSync(join(import.meta.dirname, '../../src/styles/connection-kit.css'), 'utf8');

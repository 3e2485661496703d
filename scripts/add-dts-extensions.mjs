#!/usr/bin/env node
// Gives every relative import in the emitted declarations (dist/types/**/*.d.ts) its `.js`
// extension, as Node's ESM resolution requires.
//
// The sources import without extensions (moduleResolution "Bundler"), and tsc copies specifiers
// into .d.ts files as written. A host whose tsconfig uses "module": "node16"/"nodenext" would
// then fail to resolve `./connection-form/connection-form` inside our types and see `any`
// (@arethetypeswrong's "Internal resolution error"). Runs after `tsc -p tsconfig.build.json`
// (npm's `postbuild`); idempotent.
//
//   node scripts/add-dts-extensions.mjs [DIR]   (default: dist/types)
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'dist/types');

/** `from './x'`, `import './x'`, `import('./x')` with a relative specifier. */
const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*)\2/g;

function* declarationFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* declarationFiles(path);
    else if (entry.name.endsWith('.d.ts')) yield path;
  }
}

/** The specifier Node would resolve to the declaration file tsc emitted for `spec`. */
function withExtension(file, spec) {
  if (/\.(m?js|json)$/.test(spec)) return spec;
  const base = resolve(dirname(file), spec);
  if (existsSync(`${base}.d.ts`)) return `${spec}.js`;
  if (existsSync(join(base, 'index.d.ts'))) return `${spec.replace(/\/$/, '')}/index.js`;
  throw new Error(`${file}: cannot find the declaration file for '${spec}'`);
}

if (!existsSync(root)) {
  console.error(`add-dts-extensions: ${root} does not exist (run tsc -p tsconfig.build.json first)`);
  process.exit(1);
}
let files = 0;
let rewritten = 0;
for (const file of declarationFiles(root)) {
  files += 1;
  const source = readFileSync(file, 'utf8');
  const output = source.replace(SPECIFIER, (_match, head, quote, spec) => {
    const next = withExtension(file, spec);
    if (next !== spec) rewritten += 1;
    return `${head}${quote}${next}${quote}`;
  });
  if (output !== source) writeFileSync(file, output);
}
console.log(`add-dts-extensions: ${rewritten} relative imports in ${files} declaration files now end in .js`);

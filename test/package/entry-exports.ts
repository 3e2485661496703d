// The public exports of the package entries, read from the source text: package.json's
// "exports" (their `types` file mapped back to src/), each entry's `export ... from` statements
// followed to the file that declares the name. Shared by tsdoc.test.ts and exports.test.ts.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
  exports: Record<string, string | { types?: string; default?: string }>;
};

/** The source file of a `types` path: `./dist/types/x/y.d.ts` is `src/x/y.ts` (or `.tsx`). */
function sourceOf(types: string): string {
  const base = types.replace(/^\.\/dist\/types\//, 'src/').replace(/\.d\.ts$/, '');
  const found = [`${base}.ts`, `${base}.tsx`].find((candidate) => existsSync(resolve(ROOT, candidate)));
  if (!found) throw new Error(`no source for ${types}`);
  return found;
}

/** The entries checked here: every subpath with types. */
/**
 * Entries written by a build script rather than compiled from src/ (scripts/build-callback-page.mjs);
 * scripts/check-package.mjs checks the built files instead.
 */
export const GENERATED_ENTRIES = ['./oauth2-callback-page'];

export const ENTRIES = Object.entries(pkg.exports).flatMap(([subpath, target]) =>
  typeof target === 'object' && target.types && !GENERATED_ENTRIES.includes(subpath) ? [{ subpath, entry: sourceOf(target.types) }] : [],
);

const DECLARATION_KEYWORD = String.raw`(?:declare\s+)?(?:async\s+)?(?:abstract\s+)?(?:function\*?|const|let|var|class|interface|type|enum|namespace)\s+`;
/** Directly above: only white space between the comment and the declaration. */
const DOC_ABOVE = /(\/\*\*(?:(?!\*\/)[\s\S])*\*\/)\s*$/;

const text = new Map<string, { source: string; code: string }>();

/** The file's text, and the same with comments blanked out (same offsets) to find statements in. */
function read(file: string) {
  let entry = text.get(file);
  if (!entry) {
    const source = readFileSync(file, 'utf8');
    const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, (comment) => comment.replace(/[^\n]/g, ' '));
    entry = { source, code };
    text.set(file, entry);
  }
  return entry;
}

function resolveModule(from: string, spec: string): string {
  const base = resolve(dirname(from), spec);
  const found = [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`cannot resolve ${spec} from ${relative(ROOT, from)}`);
  return found;
}

const escapeDollar = (name: string) => name.replace(/\$/g, '\\$');

interface ExportList {
  /** exported name -> local (or imported) name */
  names: Map<string, string>;
  from: string | undefined;
}

/** The `export { ... }` and `export type { ... }` lists of a file, with or without `from`. */
function exportLists(file: string): ExportList[] {
  const { code } = read(file);
  return [...code.matchAll(/^export\s+(?:type\s+)?\{([^}]*)\}(?:\s*from\s*['"]([^'"]+)['"])?/gm)].map(([, list, from]) => ({
    names: new Map(
      list!
        .split(',')
        .map((item) => item.trim().replace(/^type\s+/, ''))
        .filter(Boolean)
        .map((item) => {
          const [local, exported = local] = item.split(/\s+as\s+/);
          return [exported!, local!] as const;
        }),
    ),
    from: from && resolveModule(file, from),
  }));
}

/** The modules a file re-exports wholesale (`export * from`, `export type * from`). */
function starExports(file: string): string[] {
  return [...read(file).code.matchAll(/^export\s+(?:type\s+)?\*\s+from\s*['"]([^'"]+)['"]/gm)].map(([, spec]) =>
    resolveModule(file, spec!),
  );
}

/** Every name a module exports, following re-exports. */
export function exportedNames(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const { code } = read(file);
  const declared = [...code.matchAll(new RegExp(String.raw`^export\s+${DECLARATION_KEYWORD}([\w$]+)`, 'gm'))].map(([, name]) => name!);
  const listed = exportLists(file).flatMap((list) => [...list.names.keys()]);
  const starred = starExports(file).flatMap((target) => exportedNames(target, seen));
  return [...new Set([...declared, ...listed, ...starred])];
}

export interface Declaration {
  file: string;
  line: number;
  doc: string | undefined;
}

/** Each declaration of `name` (a value and a type may share it) with the doc comment right above. */
function declarationsIn(file: string, name: string, exported: boolean): Declaration[] {
  const { source, code } = read(file);
  const pattern = new RegExp(
    String.raw`^${exported ? String.raw`export\s+` : ''}${DECLARATION_KEYWORD}${escapeDollar(name)}(?![\w$])`,
    'gm',
  );
  return [...code.matchAll(pattern)].map((match) => ({
    file: relative(ROOT, file),
    line: source.slice(0, match.index).split('\n').length,
    doc: DOC_ABOVE.exec(source.slice(0, match.index))?.[1],
  }));
}

/** Where `name`, exported by `file`, is declared; empty when it cannot be followed there. */
export function findDeclarations(file: string, name: string, seen = new Set<string>()): Declaration[] {
  const key = `${file}#${name}`;
  if (seen.has(key)) return [];
  seen.add(key);
  const own = declarationsIn(file, name, true);
  if (own.length > 0) return own;
  for (const list of exportLists(file)) {
    const local = list.names.get(name);
    if (local === undefined) continue;
    return list.from ? findDeclarations(list.from, local, seen) : declarationsIn(file, local, false);
  }
  for (const target of starExports(file)) {
    if (!exportedNames(target).includes(name)) continue;
    const found = findDeclarations(target, name, seen);
    if (found.length > 0) return found;
  }
  return [];
}

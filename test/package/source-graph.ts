// The run-time import graph of our sources, read from their text: what a built entry can reach.
/// <reference types="vite/client" />

/** The text of every source file, keyed by its path relative to this file ('../../src/...'). */
export const SOURCES = import.meta.glob<string>('../../src/**/*.{ts,tsx}', { query: '?raw', import: 'default', eager: true });

/** `spec` imported from `from`, both relative paths, resolved to a key of SOURCES. */
function resolveLocal(from: string, spec: string): string | undefined {
  const parts = from.split('/').slice(0, -1);
  for (const part of spec.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  const base = parts.join('/');
  return [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((p) => p in SOURCES);
}

/**
 * Every module `entry` reaches at run time (type-only imports and exports are erased);
 * `{ dynamic: false }` stops at `import()`, for what one chunk holds; `skip` lists modules not
 * followed (code a production build drops).
 */
export function runtimeGraph(entry: string, { dynamic = true, skip = [] as readonly string[] } = {}) {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file) || skip.includes(file)) return;
    files.add(file);
    const source = (SOURCES[file] ?? '').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    const statements = source.matchAll(
      /\b(import|export)(\s+type\b)?[^'";]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]|\bimport\s+['"]([^'"]+)['"]/g,
    );
    for (const [, , typeOnly, fromSpec, dynamicSpec, bareSpec] of statements) {
      if (typeOnly || (dynamicSpec && !dynamic)) continue;
      const spec = (fromSpec ?? dynamicSpec ?? bareSpec)!;
      if (!spec.startsWith('.')) {
        packages.add(spec);
        continue;
      }
      const found = resolveLocal(file, spec);
      if (!found) throw new Error(`cannot resolve ${spec} from ${file}`);
      visit(found);
    }
  };
  visit(entry);
  return { files: [...files], packages: [...packages] };
}

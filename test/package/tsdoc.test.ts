// @vitest-environment node
// Every public export of the package entries has TSDoc with an `@example` (a ```ts or ```tsx
// block) directly above its declaration, so a host's editor shows how to use it on hover.
// The entries are package.json's "exports" (their `types` file, mapped back to src/), the
// connection-kit/testing helpers and their option types included. Read from the
// source text: each entry's `export ... from` statements are followed to the file that declares
// the name, through further re-exports. An export that cannot be followed to a declaration fails
// the test rather than being skipped.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTRIES, ROOT, exportedNames, findDeclarations } from './entry-exports';

const EXAMPLE = /@example\s*\n\s*\*\s*```tsx?\n/;

const audit = await Promise.all(
  ENTRIES.map(async ({ subpath, entry }) => {
    const file = resolve(ROOT, entry);
    const names = exportedNames(file);
    const runtime = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    return { subpath, entry, runtime, exports: names.map((name) => ({ name, declarations: findDeclarations(file, name) })) };
  }),
);

describe('TSDoc on the public exports', () => {
  it('finds the exports of every entry, the well-known ones among them', () => {
    const byEntry = Object.fromEntries(audit.map(({ subpath, exports }) => [subpath, exports.map(({ name }) => name)]));
    expect(Object.keys(byEntry)).toEqual(expect.arrayContaining(['.', './definitions', './locales/fr']));
    expect(byEntry['.']!.length).toBeGreaterThan(50);
    expect(byEntry['.']).toEqual(
      expect.arrayContaining(['ConnectionForm', 'ConnectionFormProps', 'PieceAuth', 'KEPT_SECRET', 'SecretTextConnectionValue']),
    );
    expect(byEntry['./definitions']).toEqual(
      expect.arrayContaining(['PieceAuth', 'KEPT_SECRET', 'createConnectionValueSchema', 'AuthDefinition']),
    );
    expect(byEntry['./locales/fr']).toEqual(expect.arrayContaining(['fr']));
    expect(byEntry['./headless']).toEqual(expect.arrayContaining(['useConnectionForm', 'FieldRow', 'FieldErrorStoreContext']));
  });

  it.each(audit)('covers every run-time export of $subpath ($entry)', ({ runtime, exports }) => {
    const names = exports.map(({ name }) => name);
    expect(Object.keys(runtime).filter((name) => !names.includes(name))).toEqual([]);
  });

  it.each(audit)('follows every export of $subpath ($entry) to its declaration', ({ exports }) => {
    expect(exports.filter(({ declarations }) => declarations.length === 0).map(({ name }) => name)).toEqual([]);
  });

  it.each(audit)('gives every export of $subpath ($entry) a doc comment with an @example directly above its declaration', ({ exports }) => {
    const missing = exports.flatMap(({ name, declarations }) =>
      declarations
        .filter(({ doc }) => !doc || !EXAMPLE.test(doc))
        .map(({ file, line, doc }) => `${name} (${file}:${line})${doc ? '' : ', no doc comment'}`),
    );
    expect(missing).toEqual([]);
  });
});

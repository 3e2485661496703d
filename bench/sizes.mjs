// Bundle-size measurements shared by scripts/size-budget.mjs and bench/run.mjs.
// Every figure is bytes of one fully minified ES bundle built with vite (rolldown + oxc
// minifier), and the same bytes gzipped at level 9: deterministic for a given lockfile.
import react from '@vitejs/plugin-react';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** React itself: the host has it anyway, so it is outside every "beyond React" figure. */
export const REACT = ['react', 'react-dom', 'scheduler'];
/** What our own-code figure leaves out: peers and runtime dependencies. */
export const DEPS = [...Object.keys(pkg.peerDependencies ?? {}), ...Object.keys(pkg.dependencies ?? {})];

/** The library build a host installs (`npm run build`). */
export const DIST = join(ROOT, 'dist');

/**
 * `connection-kit` resolved as a host resolves it, to a built package: `import` conditions of
 * package.json's `exports`, pointed at `dist` (our `dist/`, or a private build of the bench).
 */
export function packageAlias(dist = DIST) {
  return Object.entries(pkg.exports ?? {}).flatMap(([subpath, target]) => {
    const file = typeof target === 'string' ? target : (target.import ?? target.default);
    if (typeof file !== 'string' || !file.startsWith('./dist/')) return [];
    const name = subpath === '.' ? 'connection-kit' : `connection-kit/${subpath.slice(2)}`;
    const escaped = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    return [{ find: new RegExp(`^${escaped}$`), replacement: join(dist, file.slice('./dist/'.length)) }];
  });
}

/**
 * Builds the library with the project's own vite config into `outDir` (JS only, no .d.ts), plus
 * the stylesheet, so a bench run measures the current src/ without touching dist/.
 */
export async function buildPackage(outDir) {
  await build({ root: ROOT, logLevel: 'silent', mode: 'production', build: { outDir, emptyOutDir: true, sourcemap: false } });
  copyFileSync(join(ROOT, 'src/styles/connection-kit.css'), join(outDir, 'styles.css'));
  return outDir;
}

const matches = (list) => (id) => list.some((dep) => id === dep || id.startsWith(`${dep}/`));

export const gzipBytes = (code) => gzipSync(code, { level: 9 }).length;

/**
 * Bundles `entry` into one minified ES file with `external` left out and returns its size,
 * its code, and the bytes each package (or our own file) contributes before gzip.
 */
export async function measureBundle(entry, { external = [], dist = DIST } = {}) {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    plugins: [react()],
    resolve: { alias: packageAlias(dist) },
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      // Library mode keeps whitespace in ES output; a host's app build does not.
      lib: { entry, formats: ['es'], fileName: 'bundle' },
      rollupOptions: { external: matches(external), output: { minify: true } },
      cssCodeSplit: false,
    },
  });
  const output = (Array.isArray(result) ? result[0] : result).output;
  const chunks = new Map(output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
  const entryChunk = output.find((o) => o.type === 'chunk' && o.isEntry);
  // What loads with the entry: the entry chunk and every chunk it imports statically (the build
  // may split modules shared with a dynamic import into a chunk of their own). Then, apart, what
  // only a dynamic `import()` loads (the OAuth2 flow), less what is already loaded.
  const closure = (names, seen) => {
    for (const name of names) {
      if (seen.has(name) || !chunks.has(name)) continue;
      seen.add(name);
      closure(chunks.get(name).imports, seen);
    }
    return seen;
  };
  const loaded = [...closure([entryChunk.fileName], new Set())].map((name) => chunks.get(name));
  const dynamicNames = closure(
    loaded.flatMap((c) => c.dynamicImports),
    new Set(),
  );
  const lazy = [...dynamicNames].filter((name) => !loaded.some((c) => c.fileName === name)).map((name) => chunks.get(name));
  const css = output.filter((o) => o.type === 'asset' && o.fileName.endsWith('.css'));
  const cssCode = css.map((a) => (typeof a.source === 'string' ? a.source : Buffer.from(a.source).toString())).join('\n');
  const byPackage = {};
  const modules = {};
  for (const chunk of loaded) {
    for (const [id, info] of Object.entries(chunk.modules)) {
      modules[id] = info.renderedLength;
      if (!info.renderedLength) continue;
      const name = packageOf(id);
      byPackage[name] = (byPackage[name] ?? 0) + info.renderedLength;
    }
  }
  // Each file gzipped on its own, as a server sends it.
  const sum = (list, f) => list.reduce((total, c) => total + f(c.code), 0);
  return {
    min: sum(loaded, Buffer.byteLength),
    gzip: sum(loaded, gzipBytes),
    /** How many files load with the entry (1: no split). */
    files: loaded.length,
    cssGzip: cssCode ? gzipBytes(cssCode) : 0,
    code: loaded.map((c) => c.code).join('\n'),
    byPackage,
    modules,
    /** Loaded only by a dynamic `import()` (e.g. the OAuth2 flow, for OAuth2 definitions only). */
    lazy: { min: sum(lazy, Buffer.byteLength), gzip: sum(lazy, gzipBytes), files: lazy.length, code: lazy.map((c) => c.code).join('\n') },
  };
}

/** `react-hook-form`, `@radix-ui/react-select`, or a path inside this repository. */
export function packageOf(id) {
  const clean = id.replace(/^\0/, '').replace(/\?.*$/, '');
  const at = clean.lastIndexOf('node_modules/');
  if (at < 0) return clean.startsWith(ROOT) ? clean.slice(ROOT.length + 1) : clean;
  const parts = clean.slice(at + 'node_modules/'.length).split('/');
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

/** Writes a throwaway entry file under bench/.out/size/ and returns its path. */
export function entryFile(name, source) {
  const dir = join(ROOT, 'bench/.out/size');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, source);
  return file;
}

/** Our own code: dist/index.js with every peer and runtime dependency external. */
export const ownCode = (dist = DIST) => measureBundle(join(dist, 'index.js'), { external: DEPS, dist });

/**
 * What a host pays beyond React for each app's six-field form: the form module (its
 * definition or schema and the component) with everything except React bundled in.
 */
export const appPayload = (app, dist = DIST) => measureBundle(join(ROOT, `bench/apps/${app}/form.tsx`), { external: REACT, dist });

/** Everything the package entry exports, with its dependencies, beyond React. */
export const wholePackagePayload = (dist = DIST) =>
  measureBundle(entryFile('whole-package.js', "export * from 'connection-kit';\n"), { external: REACT, dist });

/**
 * Importing only the definitions from the package entry must pull no React code (nor any other
 * dependency): bundled with nothing external, as a host's bundler would.
 */
export async function definitionsOnly(dist = DIST, specifier = 'connection-kit') {
  const entry = entryFile(
    `definitions-only-${specifier.replace(/\W+/g, '-')}.js`,
    [
      `import { PieceAuth, Property } from '${specifier}';`,
      'export const auth = PieceAuth.CustomAuth({',
      "  displayName: 'Example', required: true,",
      "  props: { host: Property.ShortText({ displayName: 'Host', required: true }) },",
      '});',
      '',
    ].join('\n'),
  );
  const bundle = await measureBundle(entry, { dist });
  // Every dependency that came along (our own files are under dist/ or the bench's build).
  const packages = Object.keys(bundle.byPackage).filter((name) => !name.startsWith('dist/') && !name.startsWith('bench/'));
  const reactPackages = packages.filter((name) =>
    /^(react|react-dom|scheduler|react-hook-form|@hookform\/|@radix-ui\/|@floating-ui\/react)/.test(name),
  );
  const mentions = ['react', 'useState'].filter((word) => bundle.code.includes(word));
  return { ...bundle, packages, reactPackages, mentions, ok: reactPackages.length === 0 && mentions.length === 0 };
}

/**
 * A React-free entry (connection-kit/oauth2): everything it exports, bundled with nothing
 * external, must pull no React, React DOM, react-hook-form or Radix module.
 */
export async function wholeEntryWithoutReact(dist = DIST, specifier = 'connection-kit/oauth2') {
  const entry = entryFile(`whole-${specifier.replace(/\W+/g, '-')}.js`, `export * from '${specifier}';\n`);
  const bundle = await measureBundle(entry, { dist });
  const packages = Object.keys(bundle.byPackage).filter((name) => !name.startsWith('dist/') && !name.startsWith('bench/'));
  const reactPackages = packages.filter((name) =>
    /^(react|react-dom|scheduler|react-hook-form|@hookform\/|@radix-ui\/|@floating-ui\/react)/.test(name),
  );
  const mentions = ['useState', 'jsx'].filter((word) => bundle.code.includes(word));
  return { ...bundle, packages, reactPackages, mentions, ok: reactPackages.length === 0 && mentions.length === 0 };
}

/**
 * Only `names` from `specifier`, used, bundled with nothing external: which packages come along
 * (connection-kit/definitions' toClientAuth and parseAuthDefinition must pull no React).
 */
export async function namedImportsOnly(dist, specifier, names) {
  const entry = entryFile(
    `only-${names.join('-')}-${specifier.replace(/\W+/g, '-')}.js`,
    `import { ${names.join(', ')} } from '${specifier}';\nexport const used = [${names.join(', ')}];\n`,
  );
  const bundle = await measureBundle(entry, { dist });
  const packages = Object.keys(bundle.byPackage).filter((name) => !name.startsWith('dist/') && !name.startsWith('bench/'));
  const reactPackages = packages.filter((name) =>
    /^(react|react-dom|scheduler|react-hook-form|@hookform\/|@radix-ui\/|@floating-ui\/react)/.test(name),
  );
  const mentions = ['useState', 'jsx'].filter((word) => bundle.code.includes(word));
  return { ...bundle, packages, reactPackages, mentions, ok: reactPackages.length === 0 && mentions.length === 0 };
}

export const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One source-map segment's numbers (base64 VLQ). */
export function decodeSegment(segment) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** `connection-kit` resolved to src/, for attributing bytes to our source files. */
const SOURCE_ALIAS = [
  { find: /^connection-kit$/, replacement: join(ROOT, 'src/index.ts') },
  { find: /^connection-kit\/styles\.css$/, replacement: join(ROOT, 'src/styles/connection-kit.css') },
];

/**
 * Where our own minified bytes come from: `entry` (by default src/index.ts, as dist/index.js is
 * built) bundled with `external` left out (by default every dependency), minified, with a
 * source map; each output byte is credited to the source file it maps to. The gzip column
 * splits the real gzip size in proportion: an estimate, good for ranking.
 */
export async function ownCodeBySourceFile({ entry = join(ROOT, 'src/index.ts'), external = DEPS } = {}) {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    plugins: [react()],
    resolve: { alias: SOURCE_ALIAS },
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      sourcemap: true,
      lib: { entry, formats: ['es'], fileName: 'bundle' },
      rollupOptions: { external: matches(external), output: { minify: true } },
    },
  });
  const output = (Array.isArray(result) ? result[0] : result).output;
  const chunks = output.filter((o) => o.type === 'chunk');
  // Chunks only a dynamic import() loads (the OAuth2 flow): their files are listed apart.
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const eager = new Set();
  const walk = (name) => {
    if (eager.has(name) || !byName.has(name)) return;
    eager.add(name);
    byName.get(name).imports.forEach(walk);
  };
  for (const c of chunks.filter((c) => c.isEntry)) walk(c.fileName);
  const bytes = {};
  let min = 0;
  let gzip = 0;
  for (const chunk of chunks) {
    min += Buffer.byteLength(chunk.code);
    gzip += gzipBytes(chunk.code);
    const lines = chunk.code.split('\n');
    let source = 0;
    chunk.map.mappings.split(';').forEach((line, index) => {
      let column = 0;
      const segments = [];
      for (const text of line.split(',')) {
        if (!text) continue;
        const [dc, ds] = decodeSegment(text);
        column += dc;
        if (ds !== undefined) source += ds;
        segments.push([column, ds === undefined ? -1 : source]);
      }
      const length = lines[index]?.length ?? 0;
      segments.forEach(([start, src], i) => {
        const end = i + 1 < segments.length ? segments[i + 1][0] : length;
        const name =
          (src < 0 ? '(bundler glue)' : relativeSource(chunk.map.sources[src])) + (eager.has(chunk.fileName) ? '' : ' (lazy chunk)');
        bytes[name] = (bytes[name] ?? 0) + (end - start);
      });
    });
  }
  const files = Object.entries(bytes)
    .map(([file, b]) => ({ file, min: b, gzip: Math.round((b / min) * gzip) }))
    .sort((a, b) => b.min - a.min);
  return { min, gzip, files };
}

function relativeSource(source) {
  const at = source.lastIndexOf('src/');
  return at >= 0 ? source.slice(at) : source;
}

// @vitest-environment node
// `connection-kit/definitions` is what a server imports: definitions, types and the zod schema,
// without React or a DOM. This checks the source entry; scripts/check-package.mjs checks the
// built one (its chunks, and an import in bare Node with React unresolvable) after the build.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as definitions from '../../src/definitions-entry';
import * as main from '../../src/index';
import * as oauth2 from '../../src/oauth2-entry';
import type { ConnectionValue } from '../../src/definitions-entry';
import { GENERATED_ENTRIES } from './entry-exports';
import { SOURCES, runtimeGraph } from './source-graph';

const UI_PACKAGE = /^(react|react-dom|react-hook-form|@hookform\/[^/]+|@radix-ui\/[^/]+)(\/|$)/;

describe('connection-kit/definitions (source entry)', () => {
  it('exports the builders, tags, schema functions, English messages and translateAuth, and nothing else at run time', () => {
    expect(Object.keys(definitions).sort()).toEqual(
      [
        'BOTH_CLIENT_CREDENTIALS_AND_AUTHORIZATION_CODE',
        'DEFAULT_CONNECTION_DISPLAY_NAME',
        'KEPT_SECRET',
        'MarkdownVariant',
        'OAuth2AuthorizationMethod',
        'OAuth2GrantType',
        'PieceAuth',
        'Property',
        'PropertyType',
        'checkAuthDefinition',
        'createConnectionValueSchema',
        'defaultMessages',
        'isKeptSecret',
        'translateAuth',
        'parseAuthDefinition',
        'toClientAuth',
      ].sort(),
    );
  });

  it('exports the very same objects as the main entry, so values cross between the two', () => {
    for (const [name, value] of Object.entries(definitions)) {
      // In this entry only: the form needs neither the definition checker nor the server's
      // value schema; these run on a server or before the form (they would only add to the main
      // entry's weight).
      if (['checkAuthDefinition', 'createConnectionValueSchema', 'parseAuthDefinition', 'toClientAuth'].includes(name))
        expect(name in main, name).toBe(false);
      else expect(Reflect.get(main, name), name).toBe(value);
    }
  });

  it('reaches no React, no UI package and no component (.tsx) through its run-time imports', () => {
    const graph = runtimeGraph('../../src/definitions-entry.ts');
    expect(graph.files.length).toBeGreaterThan(8);
    expect(graph.files.filter((file) => file.endsWith('.tsx'))).toEqual([]);
    expect(graph.packages.filter((p) => UI_PACKAGE.test(p))).toEqual([]);
    expect(graph.packages).toEqual(['zod/mini']);
    // The walk does see React where it is.
    expect(runtimeGraph('../../src/index.ts').packages).toContain('react');
  });

  it.each(['fr', 'de', 'es', 'pt-BR', 'ja', 'ar'])(
    'keeps the %s locale self-contained: no run-time import at all, and out of the main entry',
    (tag) => {
      const file = `../../src/messages/locales/${tag}.ts`;
      expect(runtimeGraph(file)).toEqual({ files: [file], packages: [] });
      expect(runtimeGraph('../../src/index.ts').files).not.toContain(file);
    },
  );

  it('validates a connection value on a server with no DOM', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
    const { PieceAuth, Property, createConnectionValueSchema } = definitions;
    const auth = PieceAuth.CustomAuth({
      displayName: 'Database',
      required: true,
      props: {
        host: Property.ShortText({ displayName: 'Host', required: true }),
        password: PieceAuth.SecretText({ displayName: 'Password', required: true }),
        port: Property.Number({ displayName: 'Port', required: false }),
      },
    });
    const value: ConnectionValue<typeof auth> = { type: 'CUSTOM_AUTH', props: { host: 'db', password: 'pw', port: 5432 } };
    const schema = createConnectionValueSchema(auth);
    expect(schema.parse(value)).toEqual(value);
    const missing = schema.safeParse({ type: 'CUSTOM_AUTH', props: { host: 'db' } });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((issue) => issue.path.join('.'))).toContain('props.password');
  });
});

describe('connection-kit/oauth2 (source entry)', () => {
  it('exports the OAuth2 building blocks, which the main entry no longer does', () => {
    expect(Object.keys(oauth2).sort()).toEqual(
      [
        'CALLBACK_MESSAGE_TAG',
        'FLOW_NONCE_KEY',
        'OAuth2ConfigError',
        'buildAuthorizationUrl',
        'buildTokenUrl',
        'callbackChannelName',
        'completeOAuth2Redirect',
        'createPkcePair',
        'createState',
        'openOAuth2Popup',
        'openSignInTab',
        's256Challenge',
        'scopeString',
        'waitForOAuth2Callback',
      ].sort(),
    );
    for (const name of Object.keys(oauth2)) expect(name in main, name).toBe(false);
  });

  it('reaches no React, no UI package and no component (.tsx) through its run-time imports', () => {
    const graph = runtimeGraph('../../src/oauth2-entry.ts');
    expect(graph.files.filter((file) => file.endsWith('.tsx'))).toEqual([]);
    expect(graph.packages).toEqual([]);
  });
});

describe('package.json exports', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    exports: Record<string, string | { types: string; default: string }>;
    sideEffects: string[];
    peerDependencies: Record<string, string>;
    peerDependenciesMeta: Record<string, { optional?: boolean }>;
  };
  // connection-kit/server has a build of its own (vite.server.config.ts), so no chunk is shared with the browser entries.
  const viteConfig = ['../../vite.config.ts', '../../vite.server.config.ts']
    .map((f) => readFileSync(new URL(f, import.meta.url), 'utf8'))
    .join('\n');
  const modules = Object.entries(pkg.exports).filter(
    (entry): entry is [string, { types: string; default: string }] => typeof entry[1] === 'object' && !GENERATED_ENTRIES.includes(entry[0]),
  );

  it('maps "./oauth2-callback-page" to the module and declarations scripts/build-callback-page.mjs writes', () => {
    expect(pkg.exports['./oauth2-callback-page']).toEqual({
      types: './dist/types/oauth2-callback-page.d.ts',
      default: './dist/oauth2-callback-page.js',
    });
    const script = readFileSync('scripts/build-callback-page.mjs', 'utf8');
    expect(script).toContain("'dist/oauth2-callback-page.js'");
    expect(script).toContain("'dist/types/oauth2-callback-page.d.ts'");
  });

  it('maps ".", "./headless", "./definitions", "./oauth2", the six "./locales/<tag>", "./testing" and "./server" to a built file and its declarations, types first', () => {
    const locales = ['fr', 'de', 'es', 'pt-BR', 'ja', 'ar'].map((tag) => `./locales/${tag}`);
    expect(modules.map(([path]) => path)).toEqual(['.', './headless', './definitions', './oauth2', ...locales, './testing', './server']);
    for (const [, conditions] of modules) expect(Object.keys(conditions)).toEqual(['types', 'default']);
  });

  it.each(modules)('points %s at a vite entry and at the declarations tsc emits for that same source', (_path, conditions) => {
    // ./dist/types/<source>.d.ts comes from src/<source>.ts(x); ./dist/<name>.js from the vite entry <name>.
    const source = conditions.types.replace(/^\.\/dist\/types\/(.*)\.d\.ts$/, 'src/$1');
    const name = conditions.default.replace(/^\.\/dist\/(.*)\.js$/, '$1');
    const file = [`${source}.ts`, `${source}.tsx`].find((candidate) => `../../${candidate}` in SOURCES);
    expect(file, `${conditions.types} has no source`).toBeDefined();
    const quotedName = name.includes('/') ? `'${name}'` : `'?${name}'?`;
    expect(viteConfig).toMatch(new RegExp(`${quotedName}\\s*:\\s*'${file!.replace(/[.]/g, '\\.')}'`));
  });

  it('declares only the stylesheet as a side effect, React 18 or 19 as peers, and the testing entry’s peers as optional', () => {
    expect(pkg.sideEffects).toEqual(['**/*.css']);
    expect(pkg.peerDependencies).toEqual({
      '@testing-library/dom': '^9.0.0 || ^10.0.0',
      '@testing-library/user-event': '^14.0.0',
      react: '^18.2.0 || ^19.0.0',
      'react-dom': '^18.2.0 || ^19.0.0',
    });
    expect(pkg.peerDependenciesMeta).toEqual({
      '@testing-library/dom': { optional: true },
      '@testing-library/user-event': { optional: true },
    });
  });
});

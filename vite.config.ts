/// <reference types="vitest/config" />
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { STORYBOOK_TEST_INITIAL_GLOBALS_PROVIDE_KEY } from '@storybook/addon-vitest/constants';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vite';
import { chromiumLaunchOptions } from './scripts/chromium.mjs';

/** What vitest passes to the screenshot path resolvers. */
interface ScreenshotPathData {
  root: string;
  testFileDirectory: string;
  testFileName: string;
  arg: string;
  browserName: string;
  platform: string;
  ext: string;
}

/**
 * Real Chromium: Debian's package, quiet on a closed network. A fresh object per call: vitest
 * mutates a browser config's `instances`. By default the story tests' two instances (below).
 */
function chromiumBrowser(instances: { browser: 'chromium'; name: string; provide?: Record<string, unknown> }[] = storybookInstances()) {
  return {
    enabled: true,
    headless: true,
    provider: playwright({
      launchOptions: chromiumLaunchOptions(),
    }),
    instances,
    // Failure screenshots and diffs are debugging output, not references: keep them out of the
    // __screenshots__ folders that hold the look tests' checked-in pictures (which stay in the
    // default place beside each test file).
    screenshotDirectory: 'test-results/browser-screenshots',
    expect: {
      toMatchScreenshot: {
        resolveScreenshotPath: ({ root, testFileDirectory, testFileName, arg, browserName, platform, ext }: ScreenshotPathData) =>
          `${root}/${testFileDirectory}/__screenshots__/${testFileName}/${arg}-${browserName}-${platform}${ext}`,
        resolveDiffPath: ({ root, testFileName, arg, browserName, platform, ext }: ScreenshotPathData) =>
          `${root}/test-results/browser-screenshots/${testFileName}/${arg}-${browserName}-${platform}-diff${ext}`,
      },
    },
  };
}

/**
 * Every story runs (and is checked by axe) once per theme: two instances of the same browser,
 * each pinning the `theme` toolbar global. `--project storybook` runs both.
 */
function storybookInstances() {
  return (['light', 'dark'] as const).map((theme) => ({
    browser: 'chromium' as const,
    name: `storybook (${theme})`,
    provide: { [STORYBOOK_TEST_INITIAL_GLOBALS_PROVIDE_KEY]: { theme } },
  }));
}

// Runtime dependencies and peers stay external: the host's bundler dedupes them,
// and our own min+gzip size is what the bundle budget measures.
const external = [
  'react',
  'react-dom',
  'react/jsx-runtime',
  'react-hook-form',
  '@hookform/resolvers',
  'zod',
  '@radix-ui/react-select',
  '@radix-ui/react-direction',
  // Optional peers of connection-kit/testing only.
  '@testing-library/dom',
  '@testing-library/user-event',
];

/** Built entries marked `'use client'` (see build.rollupOptions.output.banner). */
const CLIENT_ENTRIES = new Set(['index', 'headless']);

export default defineConfig({
  plugins: [react()],
  // Examples, stories and tests import the package by its public name, as users do.
  // (subpaths first: 'connection-kit' alone would also match them as a prefix.)
  resolve: {
    alias: {
      'connection-kit/styles.css': new URL('./src/styles/connection-kit.css', import.meta.url).pathname,
      'connection-kit/headless': new URL('./src/headless-entry.ts', import.meta.url).pathname,
      'connection-kit/testing': new URL('./src/testing/index.ts', import.meta.url).pathname,
      'connection-kit/oauth2': new URL('./src/oauth2-entry.ts', import.meta.url).pathname,
      'connection-kit/definitions': new URL('./src/definitions-entry.ts', import.meta.url).pathname,
      'connection-kit/server': new URL('./src/server/index.ts', import.meta.url).pathname,
      'connection-kit': new URL('./src/index.ts', import.meta.url).pathname,
    },
  },
  build: {
    lib: {
      entry: {
        index: 'src/index.ts',
        // connection-kit/headless: useConnectionForm, FieldRow and the schema steps, for hosts' own markup.
        headless: 'src/headless-entry.ts',
        // connection-kit/definitions: no React, no DOM (for servers); locales stay out of the main bundle.
        definitions: 'src/definitions-entry.ts',
        // connection-kit/oauth2: the redirect page, popup, URL and PKCE functions; no React.
        oauth2: 'src/oauth2-entry.ts',
        // connection-kit/locales/<tag>: one self-contained file per language.
        'locales/fr': 'src/messages/locales/fr.ts',
        'locales/de': 'src/messages/locales/de.ts',
        'locales/es': 'src/messages/locales/es.ts',
        'locales/pt-BR': 'src/messages/locales/pt-BR.ts',
        'locales/ja': 'src/messages/locales/ja.ts',
        'locales/ar': 'src/messages/locales/ar.ts',
        // connection-kit/testing: helpers for hosts' Testing Library tests; nothing else imports it.
        testing: 'src/testing/index.ts',
      },
      formats: ['es'],
    },
    rollupOptions: {
      external: (id) => external.some((dep) => id === dep || id.startsWith(`${dep}/`)),
      output: {
        // The entries with components and hooks are client modules for React Server Components
        // (Next.js App Router): a server component can render <ConnectionForm> and pass it
        // serialisable props. The bundler drops directives inside modules, so the built entry
        // gets it here. connection-kit/definitions, /oauth2, /server and the locales stay
        // server-safe (no directive): a server component imports PieceAuth from /definitions.
        banner: (chunk) => (chunk.isEntry && CLIENT_ENTRIES.has(chunk.name) ? "'use client';" : ''),
      },
    },
    sourcemap: true,
    emptyOutDir: true,
  },
  test: {
    globals: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/browser/**', 'test/e2e/**', 'test/server/**', 'node_modules/**', 'test/cli/fixture-project/**'],
          setupFiles: ['test/setup.ts'],
          // Form tests drive Radix and user-event through many steps; on a loaded 2-core CI
          // machine a few take longer than vitest's 5 s default.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        // The README's testing example as a host runs it: vitest's defaults (globals off, so
        // Testing Library does not clean up by itself), no setup file, jsdom.
        test: {
          name: 'host',
          globals: false,
          environment: 'jsdom',
          include: ['examples/**/*.test.{ts,tsx}'],
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        // connection-kit/server in Node (no DOM): against a real oidc-provider on 127.0.0.1.
        test: {
          name: 'server',
          environment: 'node',
          include: ['test/server/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'types',
          include: [],
          typecheck: {
            enabled: true,
            only: true,
            include: ['test/types/**/*.test-d.ts'],
            tsconfig: './tsconfig.json',
          },
        },
      },
      {
        extends: true,
        // Behaviour that needs the browser's own handling of trusted input (a native <dialog>
        // closing on Escape, the top layer's hit testing): userEvent from vitest/browser drives
        // Chromium through Playwright, unlike the synthetic events of a story's play function.
        test: {
          name: 'browser',
          include: ['test/browser/**/*.browser.test.{ts,tsx}'],
          browser: chromiumBrowser([{ browser: 'chromium', name: 'browser (chromium)' }]),
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        // Every story in stories/ becomes a test: render, play function, then axe.
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          browser: chromiumBrowser(),
          // A file's first story also pays for transforming its imports; on a loaded 2-core
          // machine that alone took over the default 15 s.
          testTimeout: 60_000,
        },
      },
    ],
  },
});

// @vitest-environment node
// `connection-kit/testing` is for hosts' tests: it may import @testing-library/dom and
// @testing-library/user-event (optional peers), and nothing a host ships may import it.
// This checks the sources; scripts/check-package.mjs checks the built chunks and installs the
// tarball into a scratch project that drives a form with these helpers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as testing from '../../src/testing';
import { SOURCES, runtimeGraph } from './source-graph';

const TESTING_LIBRARY = /^@testing-library\//;
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  peerDependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('connection-kit/testing (source entry)', () => {
  it('exports the four helpers, and nothing else at run time', () => {
    expect(Object.keys(testing).sort()).toEqual(['captureConnection', 'fillConnectionForm', 'mockOAuth2Popup', 'submitConnectionForm']);
  });

  it('imports Testing Library (the DOM queries and user-event) and no React', () => {
    const graph = runtimeGraph('../../src/testing/index.ts');
    expect(graph.packages.filter((p) => TESTING_LIBRARY.test(p)).sort()).toEqual(['@testing-library/dom', '@testing-library/user-event']);
    expect(graph.packages.filter((p) => /^react(-dom)?(\/|$)/.test(p))).toEqual([]);
    expect(graph.files.filter((file) => file.endsWith('.tsx'))).toEqual([]);
  });

  it.each(['../../src/index.ts', '../../src/definitions-entry.ts', '../../src/messages/locales/fr.ts'])(
    '%s reaches neither src/testing nor Testing Library',
    (entry) => {
      const graph = runtimeGraph(entry);
      expect(graph.files.filter((file) => file.includes('/src/testing/'))).toEqual([]);
      expect(graph.packages.filter((p) => TESTING_LIBRARY.test(p))).toEqual([]);
    },
  );

  it('no source outside src/testing imports it', () => {
    const importers = Object.entries(SOURCES)
      .filter(([file]) => !file.includes('/src/testing/'))
      .filter(([, source]) => /from\s*['"][./]*testing(\/[^'"]*)?['"]/.test(source))
      .map(([file]) => file);
    expect(importers).toEqual([]);
  });

  it('declares each Testing Library package it imports as a peer the installed devDependency satisfies', () => {
    for (const name of ['@testing-library/dom', '@testing-library/user-event']) {
      const installed = JSON.parse(readFileSync(new URL(`../../node_modules/${name}/package.json`, import.meta.url), 'utf8'))
        .version as string;
      const major = installed.split('.')[0];
      expect(pkg.peerDependencies[name], name).toMatch(new RegExp(`(^|\\|\\|\\s*)\\^${major}\\.`));
    }
  });

  it('gives every exported helper TSDoc with an @example', () => {
    const sources = Object.entries(SOURCES).filter(([file]) => file.includes('/src/testing/'));
    for (const name of Object.keys(testing)) {
      const declaration = new RegExp(`(\\/\\*\\*(?:(?!\\*\\/)[\\s\\S])*\\*\\/)\\s*export (?:async )?function ${name}\\b`);
      const found = sources.map(([, source]) => source.match(declaration)).find(Boolean);
      expect(found, `${name}: no doc comment right above its declaration`).toBeTruthy();
      expect(found![1], name).toContain('@example');
    }
  });
});

// @vitest-environment node
// The OAuth2 flow is a chunk of its own (src/connection-form/oauth2-flow-chunk.ts). A module that
// both it and the main chunk import would make a bundler split that module, and everything it
// reaches (zod included), into a third chunk that every form loads: the two must share nothing.
import { describe, expect, it } from 'vitest';
import { runtimeGraph } from './source-graph';

const CHUNK = '../../src/connection-form/oauth2-flow-chunk.ts';
/** What a host that renders the form bundles eagerly in production. */
const FORM = '../../src/connection-form/connection-form.tsx';
// Development only: `process.env.NODE_ENV !== 'production'` drops it from production bundles
// (test/definition-check/dev-check-bundled.test.ts); in development a shared chunk costs nothing.
const DEV_ONLY = ['../../src/definition-check/check-auth-definition.ts'];

describe('the OAuth2 chunk', () => {
  it('is imported by the form only dynamically', () => {
    const main = runtimeGraph(FORM, { dynamic: false }).files;
    expect(main).not.toContain(CHUNK);
    expect(runtimeGraph(FORM).files).toContain(CHUNK);
  });

  it('shares no module with the main chunk, and imports no React', () => {
    const main = new Set(runtimeGraph(FORM, { dynamic: false, skip: DEV_ONLY }).files);
    const chunk = runtimeGraph(CHUNK, { dynamic: false });
    expect(chunk.files.filter((file) => main.has(file))).toEqual([]);
    expect(chunk.packages).toEqual([]);
    // The machine and its runner, the wording of their states: nothing else.
    expect(chunk.files.map((f) => f.replace('../../src/', '')).sort()).toContain('oauth/oauth2-flow-machine.ts');
  });
});

// connection-kit/server runs where there is no DOM and no React: this checks the source entry's
// run-time imports; scripts/check-package.mjs runs the built file from the packed tarball.
import * as server from 'connection-kit/server';
import { SOURCES, runtimeGraph } from '../package/source-graph';

describe('connection-kit/server (source entry)', () => {
  it('exports the claim, refresh and handler functions and the error classes, and nothing else at run time', () => {
    expect(Object.keys(server).sort()).toEqual(
      [
        'ConnectionError',
        'ConnectionRejectedError',
        'InvalidConnectionValueError',
        'OAuth2ConfigError',
        'ReconnectNeededError',
        'TokenEndpointError',
        'claimConnection',
        'createConnectionHandler',
        'isRefreshDue',
        'refreshConnection',
        'restoreKeptSecrets',
      ].sort(),
    );
  });

  it('reaches only zod/mini and oauth4webapi, no component (.tsx) and no window/document', () => {
    const graph = runtimeGraph('../../src/server/index.ts');
    expect(graph.packages.sort()).toEqual(['oauth4webapi', 'zod/mini']);
    expect(graph.files.filter((f) => f.endsWith('.tsx'))).toEqual([]);
    expect(graph.files.length).toBeGreaterThan(10);
    const code = (file: string) => (SOURCES[file] ?? '').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(graph.files.filter((file) => /\b(window|document)\.[A-Za-z_$]/.test(code(file)))).toEqual([]);
  });

  it('runs in this Node environment without a DOM', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });
});

// README promises the definition checks "in development (process.env.NODE_ENV !== 'production')".
// Bundlers (Vite, webpack 5, esbuild, Rollup's replace) rewrite only the `process.env.NODE_ENV`
// expression and define no `process` global in the browser: a `typeof process` guard would make
// every bundled development build count as production.
import { runInNewContext } from 'node:vm';
import { isDevelopment } from '../../src/connection-form/definition-error-panel';

/** The function's source as a bundler's define turns it, run in a browser-like global. */
const bundled = (nodeEnv: string) =>
  runInNewContext(`(${isDevelopment.toString().replaceAll('process.env.NODE_ENV', JSON.stringify(nodeEnv))})()`, {});

describe('isDevelopment in a bundled browser build', () => {
  it('is false in a production build', () => {
    expect(bundled('production')).toBe(false);
  });
  it('is true in a development build (NODE_ENV replaced, no process global)', () => {
    expect(bundled('development')).toBe(true);
  });
  it('is false in a plain browser, where nothing replaced it and there is no process', () => {
    expect(runInNewContext(`(${isDevelopment.toString()})()`, {})).toBe(false);
  });
});

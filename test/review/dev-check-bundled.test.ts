// Review: README promises the definition checks "in development (process.env.NODE_ENV !==
// 'production')". Bundlers (Vite, webpack 5, esbuild, Rollup's replace) rewrite only the
// `process.env.NODE_ENV` expression and define no `process` global in the browser, so the
// `typeof process !== 'undefined'` guard (definition-error-panel.tsx:13-14 and :46) makes every
// bundled development build count as production. Known defect, left unfixed (see the report):
// no try-free expression both survives a missing `process` and folds in a production build.
import { runInNewContext } from 'node:vm';
import { isDevelopment } from '../../src/connection-form/definition-error-panel';

/** The function's source as a bundler's define turns it, run in a browser-like global. */
const bundled = (nodeEnv: string) =>
  runInNewContext(`(${isDevelopment.toString().replaceAll('process.env.NODE_ENV', JSON.stringify(nodeEnv))})()`, {});

describe('isDevelopment in a bundled browser build', () => {
  it('is false in a production build', () => {
    expect(bundled('production')).toBe(false);
  });
  it.fails('is true in a development build (NODE_ENV replaced, no process global)', () => {
    expect(bundled('development')).toBe(true);
  });
});

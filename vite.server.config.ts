import { defineConfig } from 'vite';

/**
 * connection-kit/server, built apart from the browser entries (`vite build -c vite.server.config.ts`,
 * after the main build, into the same dist/): one self-contained file that shares no chunk with
 * them, so adding or changing it cannot move a byte of what browsers load. Its runtime
 * dependencies (zod, oauth4webapi) stay external.
 */
export default defineConfig({
  build: {
    lib: { entry: { server: 'src/server/index.ts' }, formats: ['es'] },
    rollupOptions: {
      external: (id) => ['zod', 'oauth4webapi'].some((dep) => id === dep || id.startsWith(`${dep}/`)),
    },
    sourcemap: true,
    emptyOutDir: false,
    // Node >= 20, Bun, Deno, edge runtimes.
    target: 'es2022',
  },
});

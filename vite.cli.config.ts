// Builds the `connection-kit` command line (src/cli/bin.ts) into dist/cli.js, the package's
// `bin`: one Node ESM file with a shebang and no dependencies (it bundles the few kit modules it
// uses). Runs after the library build (`npm run build`), so it must not empty dist/.
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    ssr: 'src/cli/bin.ts',
    target: 'node20',
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: false,
    minify: false,
    rollupOptions: {
      output: { entryFileNames: 'cli.js', format: 'es', banner: '#!/usr/bin/env node' },
    },
  },
});

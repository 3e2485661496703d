import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `vite build` writes dist/, which the Hono server serves. `npx vite` alone is a frontend
// without its API: use `npm start` (or `npm run dev` beside `npx vite`, with this proxy).
export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', proxy: { '/api': 'http://127.0.0.1:4310', '/oauth2': 'http://127.0.0.1:4310' } },
  build: { outDir: 'dist', emptyOutDir: true },
});

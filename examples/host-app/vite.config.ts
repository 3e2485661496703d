import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `vite build` writes dist/, which the Hono server serves on the one origin the OAuth2 redirect
// URL is registered under (a dev server on another port could not receive the popup's callback).
// While working on the frontend: `npx vite build --watch` beside `npm run serve`, then reload.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
});

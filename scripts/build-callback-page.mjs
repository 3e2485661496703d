// Builds dist/oauth2-callback.html: a self-contained page (one inline script, no third-party
// requests) that a host serves at its OAuth2 redirect URL.
import { mkdir, writeFile } from 'node:fs/promises';
import { build } from 'vite';

const output = await build({
  configFile: false,
  logLevel: 'warn',
  build: {
    write: false,
    minify: true,
    lib: { entry: 'src/oauth/callback-page.ts', formats: ['iife'], name: 'connectionKitCallback' },
  },
});
const chunk = (Array.isArray(output) ? output[0] : output).output[0];
const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Signing in…</title>
</head>
<body>
<p id="ck-callback-status" role="status">Finishing sign-in…</p>
<script>${chunk.code.replace(/<\/script/gi, '<\\/script')}</script>
</body>
</html>
`;
await mkdir('dist', { recursive: true });
await writeFile('dist/oauth2-callback.html', html);
console.log(`dist/oauth2-callback.html (${html.length} bytes)`);

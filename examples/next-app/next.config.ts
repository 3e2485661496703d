import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

const here = dirname(fileURLToPath(import.meta.url));

const config: NextConfig = {
  // This app sits inside the kit's repo, which has a lockfile of its own: the app is the root.
  turbopack: { root: here },
  outputFileTracingRoot: here,
};

export default config;

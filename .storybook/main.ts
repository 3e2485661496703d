import { defineMain } from '@storybook/react-vite/node';
import tailwindcss from '@tailwindcss/vite';
import type { InlineConfig } from 'vite';
import { oauth2CallbackPage } from '../stories/oauth2-demo/callback-page-plugin.js';

type BuildOptions = NonNullable<InlineConfig['build']>;

/**
 * vite.config.ts builds the library: a `build.lib` entry with React and the runtime deps
 * external. A Storybook build is an app that must bundle them, so drop those parts if they
 * reach us. (Storybook 10's builder already keeps only `build.target` of the user's config;
 * this keeps the guarantee if that changes.) Storybook's own bundler options stay intact.
 */
function withoutLibraryBuild(build: BuildOptions | undefined): BuildOptions {
  const { lib: _lib, ...rest } = build ?? {};
  for (const key of ['rollupOptions', 'rolldownOptions'] as const) {
    const options = rest[key];
    // Ours is a function; Storybook's is an array (its font assets).
    if (options && typeof options.external === 'function') rest[key] = { ...options, external: undefined };
  }
  return rest;
}

export default defineMain({
  framework: { name: '@storybook/react-vite', options: {} },
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  // Autodocs read ConnectionForm's TSDoc through react-docgen (Babel-based). Not
  // react-docgen-typescript: it needs TypeScript's JS API, which TypeScript 7 (native) lacks.
  typescript: { reactDocgen: 'react-docgen' },
  // These machines have no internet access: no telemetry, no update checks.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // The "OAuth2 full flow" story signs in against a fake provider page served from here, and
  // gets back through the kit's callback page, which the plugin below builds from src/.
  staticDirs: ['../stories/oauth2-demo/public'],
  async viteFinal(config) {
    return {
      ...config,
      build: withoutLibraryBuild(config.build),
      // Tailwind v4 for the "Tailwind + shadcn" story only: it compiles the CSS files that
      // `@import "tailwindcss"` (stories/tailwind-shadcn/app.css); other CSS passes untouched.
      plugins: [...(config.plugins ?? []), oauth2CallbackPage(), tailwindcss()],
    };
  },
});

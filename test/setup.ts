import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { loadOAuth2Flow } from '../src/connection-form/use-oauth2-flow';

// Radix Select calls these pointer/scroll APIs, which jsdom does not implement.
// Exactly these two stubs are enough (see shared/notes/toolchain.md).
if (typeof Element !== 'undefined') {
  Element.prototype.hasPointerCapture ??= () => false;
  Element.prototype.scrollIntoView ??= () => {};
}

afterEach(() => cleanup());

// The OAuth2 flow is a chunk of its own, which a form starts loading when it renders an OAuth2
// definition; a real page has it long before anyone clicks. Tests click right after rendering, so
// load it first: a click before it has loaded (the popup opens blank and is sent on) is covered
// by test/oauth/oauth2-flow-loading.test.tsx, which starts from a fresh module registry.
await loadOAuth2Flow();

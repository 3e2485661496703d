import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Radix Select calls these pointer/scroll APIs, which jsdom does not implement.
// Exactly these two stubs are enough (see shared/notes/toolchain.md).
if (typeof Element !== 'undefined') {
  Element.prototype.hasPointerCapture ??= () => false;
  Element.prototype.scrollIntoView ??= () => {};
}

afterEach(() => cleanup());

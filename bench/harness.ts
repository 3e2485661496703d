/**
 * The in-page side of the bench, shared by the three apps: `window.bench` mounts the app and
 * times a submit in the page itself (performance.now), so Playwright's round trips stay out of
 * the figures. Each app passes a function that renders its form with an `onValue` callback.
 */
import type { ReactElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';

export type RenderApp = (onValue: (value: unknown) => void) => ReactElement;

export interface BenchApi {
  /** Mounts the form; resolves with ms from render start to settled (layout included). */
  mount(): Promise<{ ms: number; syncMs: number }>;
  /** Clicks submit on a filled form; resolves with ms until the app emitted its value. */
  submit(): Promise<{ ms: number; value: unknown }>;
  /** Clicks submit on an empty form; resolves with ms until `expected` errors are in the DOM. */
  emptySubmit(errorSelector: string, expected: number): Promise<{ ms: number; errors: string[] }>;
  /** Waits until work queued by the last input (React's scheduler tasks) has run. */
  settle(): Promise<void>;
}

declare global {
  interface Window {
    bench: BenchApi;
  }
}

/** One macrotask hop; React's scheduler also posts MessageChannel tasks, which run first. */
const hop = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });

async function settle() {
  await hop();
  await hop();
}

function forceLayout(element: Element) {
  element.getBoundingClientRect();
  return performance.now();
}

function submitButton(container: Element): HTMLButtonElement {
  const button = container.querySelector<HTMLButtonElement>('button[type="submit"]');
  if (!button) throw new Error('no submit button');
  return button;
}

const TIMEOUT_MS = 10_000;

export function installBench(render: RenderApp) {
  const container = document.getElementById('root')!;
  let onValue: ((value: unknown) => void) | undefined;

  window.bench = {
    async mount() {
      const t0 = performance.now();
      const root = createRoot(container);
      flushSync(() => root.render(render((value) => onValue?.(value))));
      const tSync = forceLayout(container);
      // Effects may schedule more renders (default priority, a later task): count them too.
      await settle();
      const t1 = forceLayout(container);
      return { ms: t1 - t0, syncMs: tSync - t0 };
    },

    async submit() {
      const emitted = new Promise<{ t: number; value: unknown }>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no value after ${TIMEOUT_MS} ms: ${container.textContent}`)), TIMEOUT_MS);
        onValue = (value) => {
          clearTimeout(timer);
          resolve({ t: performance.now(), value });
        };
      });
      const t0 = performance.now();
      submitButton(container).click();
      const { t, value } = await emitted;
      onValue = undefined;
      return { ms: t - t0, value };
    },

    async emptySubmit(errorSelector, expected) {
      const shown = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`${container.querySelectorAll(errorSelector).length}/${expected} errors after ${TIMEOUT_MS} ms`));
        }, TIMEOUT_MS);
        // Mutation callbacks run right after the commit that inserted the errors.
        const observer = new MutationObserver(() => {
          if (container.querySelectorAll(errorSelector).length < expected) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve(forceLayout(container));
        });
        observer.observe(container, { childList: true, subtree: true });
      });
      const t0 = performance.now();
      submitButton(container).click();
      const t1 = await shown;
      const errors = [...container.querySelectorAll(errorSelector)].map((e) => e.textContent ?? '');
      return { ms: t1 - t0, errors };
    },

    settle,
  };
}

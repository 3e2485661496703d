// Counts what the kit's own code (anything under src/) leaves running: timers and intervals,
// listeners on `window` and `document`, and BroadcastChannels. A resource counts as the kit's
// when the first stack frame outside this file and the test runner's spies is in src/.
import { callbackChannelName } from '../../src/oauth/callback-message';

const HERE = new URL(import.meta.url).pathname;
// Derived from this file's path: Vite rewrites `new URL('../../src/', import.meta.url)`.
const SRC = HERE.replace(/test\/security\/leak-tracker\.ts$/, 'src/');

/** The first frame of the current stack that is neither this file nor a spy library. */
function callerFile(): string {
  const frames = (new Error().stack ?? '').split('\n').slice(1);
  for (const frame of frames) {
    if (frame.includes(HERE) || /node_modules\/(\.vite|tinyspy|@vitest|vitest)\//.test(frame)) continue;
    return frame;
  }
  return '';
}

const fromKit = () => callerFile().includes(SRC);

type TimerId = ReturnType<typeof setTimeout>;

export interface LeakTracker {
  /** Kit timers and intervals neither fired (timeouts) nor cleared. */
  pendingTimers: () => string[];
  /** Kit listeners on window/document not removed, as "target:type". */
  liveListeners: () => string[];
  /** BroadcastChannels opened by the kit and not closed, by name. */
  openChannels: () => string[];
  /** Every BroadcastChannel name the kit ever opened. */
  channelsOpened: () => string[];
  /** BroadcastChannel messages the kit itself posted. */
  channelPosts: () => unknown[];
}

/**
 * Installs the spies (vi.restoreAllMocks / vi.unstubAllGlobals remove them). Install before
 * rendering, so that every kit resource is seen from its creation.
 */
export function trackLeaks(): LeakTracker {
  const timers = new Map<TimerId, string>();
  const realSetTimeout = globalThis.setTimeout;
  const realClearTimeout = globalThis.clearTimeout;
  const realSetInterval = globalThis.setInterval;
  const realClearInterval = globalThis.clearInterval;

  vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const kit = fromKit();
    const id: TimerId = realSetTimeout(() => {
      timers.delete(id);
      fn(...args);
    }, ms);
    if (kit) timers.set(id, `setTimeout(${ms})`);
    return id;
  }) as unknown as typeof setTimeout);
  vi.spyOn(globalThis, 'clearTimeout').mockImplementation(((id?: TimerId) => {
    if (id !== undefined) timers.delete(id);
    realClearTimeout(id);
  }) as typeof clearTimeout);
  vi.spyOn(globalThis, 'setInterval').mockImplementation(((fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const id = realSetInterval(fn, ms, ...args);
    if (fromKit()) timers.set(id, `setInterval(${ms})`);
    return id;
  }) as unknown as typeof setInterval);
  vi.spyOn(globalThis, 'clearInterval').mockImplementation(((id?: TimerId) => {
    if (id !== undefined) timers.delete(id);
    realClearInterval(id);
  }) as typeof clearInterval);

  const listeners = new Map<string, Set<unknown>>();
  for (const [name, target] of [
    ['window', window],
    ['document', document],
  ] as const) {
    const add = target.addEventListener.bind(target);
    const remove = target.removeEventListener.bind(target);
    vi.spyOn(target, 'addEventListener').mockImplementation((type: string, fn: unknown, options?: unknown) => {
      if (fromKit() && fn) {
        const key = `${name}:${type}`;
        if (!listeners.has(key)) listeners.set(key, new Set());
        listeners.get(key)!.add(fn);
      }
      add(type, fn as EventListener, options as AddEventListenerOptions);
    });
    vi.spyOn(target, 'removeEventListener').mockImplementation((type: string, fn: unknown, options?: unknown) => {
      listeners.get(`${name}:${type}`)?.delete(fn);
      remove(type, fn as EventListener, options as EventListenerOptions);
    });
  }

  const open = new Set<BroadcastChannel>();
  const opened: string[] = [];
  const posts: unknown[] = [];
  const Real = globalThis.BroadcastChannel;
  class TrackedChannel extends Real {
    readonly #kit: boolean;
    constructor(name: string) {
      super(name);
      this.#kit = fromKit();
      if (this.#kit) {
        open.add(this);
        opened.push(name);
      }
    }
    override postMessage(message: unknown) {
      if (this.#kit) posts.push(message);
      super.postMessage(message);
    }
    override close() {
      open.delete(this);
      super.close();
    }
  }
  vi.stubGlobal('BroadcastChannel', TrackedChannel);

  return {
    pendingTimers: () => [...timers.values()],
    liveListeners: () => [...listeners].flatMap(([key, set]) => [...set].map(() => key)),
    openChannels: () => [...open].map((c) => c.name),
    channelsOpened: () => [...opened],
    channelPosts: () => [...posts],
  };
}

/** The channel name the kit listens on for `state`. */
export const channelOf = callbackChannelName;

// The per-field error store (src/fields/field-error-store.ts): one react-hook-form subscription
// feeds it, and each row listens to its own field only.
import { createFieldErrorStore } from '../../src/fields/field-error-store';

describe('createFieldErrorStore', () => {
  it('holds each field’s message and tells only the listeners of fields whose message changed', () => {
    const store = createFieldErrorStore();
    const host = vi.fn();
    const port = vi.fn();
    store.subscribe('host', host);
    store.subscribe('port', port);

    store.set({ host: { type: 'required', message: 'Host is required.' } });
    expect(store.get('host')).toBe('Host is required.');
    expect(store.get('port')).toBeUndefined();
    expect([host.mock.calls.length, port.mock.calls.length]).toEqual([1, 0]);

    // The same message again, and another field's: host's listener is not called again.
    store.set({ host: { type: 'required', message: 'Host is required.' }, port: { type: 'min', message: 'Too low.' } });
    expect([host.mock.calls.length, port.mock.calls.length]).toEqual([1, 1]);

    // Cleared: both messages go, both listeners hear it.
    store.set(undefined);
    expect([store.get('host'), store.get('port')]).toEqual([undefined, undefined]);
    expect([host.mock.calls.length, port.mock.calls.length]).toEqual([2, 2]);
  });

  it('ignores errors without a string message (a nested or hostile error object)', () => {
    const store = createFieldErrorStore();
    const listener = vi.fn();
    store.subscribe('region', listener);
    store.set({ region: { type: 'custom', message: 42 as never }, other: undefined as never });
    expect(store.get('region')).toBeUndefined();
    expect(listener).not.toHaveBeenCalled();
  });

  it('stops calling a listener once it unsubscribed, and keeps the others', () => {
    const store = createFieldErrorStore();
    const gone = vi.fn();
    const kept = vi.fn();
    const stop = store.subscribe('token', gone);
    store.subscribe('token', kept);
    stop();
    store.set({ token: { type: 'required', message: 'Token is required.' } });
    expect(gone).not.toHaveBeenCalled();
    expect(kept).toHaveBeenCalledTimes(1);
  });
});

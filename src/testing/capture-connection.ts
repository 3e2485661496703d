import { getConfig } from '@testing-library/dom';
import type { ConnectionDetails } from '../connection-form/connection-form-props';

/**
 * What {@link captureConnection} returns.
 *
 * @example
 * ```tsx
 * const saved: CapturedConnection<ConnectionValue<typeof auth>> = captureConnection();
 * render(<ConnectionForm auth={auth} connectionName onConnect={saved.onConnect} />);
 * // ... fill and submit ...
 * expect(await saved.value()).toEqual({ type: 'SECRET_TEXT', secret_text: 'sk-1' });
 * expect(saved.details[0]).toEqual({ displayName: 'API Key' });
 * ```
 */
export interface CapturedConnection<V> {
  /** Pass it as `<ConnectionForm onConnect>` (or `useConnectionForm`'s `onConnect`). */
  onConnect: (value: V, details?: ConnectionDetails) => void;
  /** Every value emitted so far, in order. */
  values: V[];
  /** What came with each value, at the same index: `{ displayName }` when the form asked for a name. */
  details: ConnectionDetails[];
  /**
   * The first emitted value, waiting for it up to `timeoutMs`; rejects if `onConnect` was not
   * called by then. The wait runs inside Testing Library's async wrapper, as `findBy*` does.
   */
  value: () => Promise<V>;
}

/**
 * An `onConnect` for tests, and a way to wait for what the form emitted. Give the value type to
 * get it typed (`ConnectionValue<typeof auth>`).
 *
 * @param options.timeoutMs How long `value()` waits; 5 s by default.
 *
 * @example
 * ```tsx
 * const connection = captureConnection<ConnectionValue<typeof apiKeyAuth>>();
 * render(<ConnectionForm auth={apiKeyAuth} onConnect={connection.onConnect} />);
 * await fillConnectionForm(apiKeyAuth, { secret_text: 'sk-1' });
 * await submitConnectionForm();
 * expect(await connection.value()).toEqual({ type: 'SECRET_TEXT', secret_text: 'sk-1' });
 * expect(connection.values).toHaveLength(1);
 * expect(connection.details[0]).toEqual({}); // { displayName } with the connectionName prop
 * ```
 */
export function captureConnection<V = unknown>(options: { timeoutMs?: number | undefined } = {}): CapturedConnection<V> {
  const values: V[] = [];
  const details: ConnectionDetails[] = [];
  const waiting = new Set<() => void>();
  const first = () =>
    new Promise<V>((resolve, reject) => {
      if (values.length > 0) return resolve(values[0]!);
      const timeoutMs = options.timeoutMs ?? 5000;
      const done = () => {
        clearTimeout(timer);
        waiting.delete(done);
        resolve(values[0]!);
      };
      const timer = setTimeout(() => {
        waiting.delete(done);
        reject(new Error(`captureConnection: onConnect was not called within ${timeoutMs} ms.`));
      }, timeoutMs);
      waiting.add(done);
    });
  return {
    onConnect: (value: V, more?: ConnectionDetails) => {
      values.push(value);
      details.push(more ?? {});
      for (const done of [...waiting]) done();
    },
    values,
    details,
    value: () => (values.length > 0 ? Promise.resolve(values[0]!) : getConfig().asyncWrapper(first)),
  };
}

/**
 * An `onConnect` for tests, and a way to wait for what it received.
 *
 * @example
 * ```tsx
 * const connection = captureConnection<ConnectionValue<typeof auth>>();
 * render(<ConnectionForm auth={auth} onConnect={connection.onConnect} />);
 * // …fill and submit…
 * expect(await connection.value()).toEqual({ type: 'SECRET_TEXT', secret_text: 'sk-1' });
 * ```
 */
export function captureConnection<V>(options: { timeoutMs?: number } = {}) {
  const values: V[] = [];
  let notify: (() => void) | undefined;
  return {
    onConnect: (value: V) => {
      values.push(value);
      notify?.();
    },
    /** Every value emitted so far. */
    values,
    /** The first emitted value, waiting for it up to `timeoutMs` (default 5 s). */
    value: (): Promise<V> =>
      values.length
        ? Promise.resolve(values[0]!)
        : new Promise<V>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error('captureConnection: onConnect was not called.')), options.timeoutMs ?? 5000);
            notify = () => {
              clearTimeout(timer);
              resolve(values[0]!);
            };
          }),
  };
}

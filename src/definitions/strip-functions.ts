/**
 * A copy of `value` as plain data: every function (a definition's `validate`, OAuth2's
 * `getConnectionIdentifier`, the old framework's `processors`) is left out, and its path is
 * passed to `onDropped`. Arrays and plain objects are copied; everything else is kept as is.
 * Shared by `toClientAuth` and the `connection-kit pieces` CLI, which reports what it dropped.
 */
export function stripFunctions(value: unknown, path = 'auth', onDropped?: (path: string) => void): unknown {
  if (typeof value === 'function') {
    onDropped?.(path);
    return undefined;
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    value.forEach((item, i) => {
      // An array element is kept even when undefined (PieceAuth.None() in an auth array).
      if (typeof item === 'function') onDropped?.(`${path}[${i}]`);
      else out.push(stripFunctions(item, `${path}[${i}]`, onDropped));
    });
    return out;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === 'function') onDropped?.(`${path}.${key}`);
      else out[key] = stripFunctions(item, `${path}.${key}`, onDropped);
    }
    return out;
  }
  return value;
}

/**
 * Equality for dropdown values, which may be strings, numbers, booleans or plain JSON objects
 * (real pieces use all of them). Structural and blind to key order, so a `defaultValue` written
 * as a fresh object literal, or a value whose keys a server reordered, still matches its option.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => Object.hasOwn(b, key) && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

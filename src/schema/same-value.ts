/**
 * Equality for dropdown values, which may be strings, numbers, booleans or plain JSON objects
 * (real pieces use all of them). Structural, so a `defaultValue` written as a fresh object literal
 * still matches its option.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}

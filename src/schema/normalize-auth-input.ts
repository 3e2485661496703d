import type { AuthDefinition, AuthInput } from '../definitions/auth-types';

/** `auth` as a list of methods: an array as given, one definition, or `[undefined]` for none. */
export function normalizeAuthInput(auth: AuthInput): (AuthDefinition | undefined)[] {
  if (Array.isArray(auth)) return auth.length ? [...auth] : [undefined];
  return [auth as AuthDefinition | undefined];
}

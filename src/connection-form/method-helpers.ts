import type { AuthDefinition } from '../definitions/auth-types';
import { isKeptSecret } from '../definitions/kept-secret';
import { DEFAULT_CONNECTION_DISPLAY_NAME } from '../definitions/property-type';
import type { OAuth2Grant } from './connection-form-state';
import type { RunValidator } from './use-validation-run';

/** The connection name to prefill: the host's default, else a display name that says something. */
export function prefilledName(auth: AuthDefinition | undefined, hostDefault: string | undefined): string {
  if (hostDefault) return hostDefault;
  const own = typeof auth?.displayName === 'string' ? auth.displayName.trim() : '';
  return own && own !== DEFAULT_CONNECTION_DISPLAY_NAME ? own : DEFAULT_CONNECTION_DISPLAY_NAME;
}

/** Whether a `validate` auth argument holds a kept secret's marker (top level or one prop deep). */
const holdsKeptSecret = (auth: unknown) =>
  isKeptSecret(auth) || (typeof auth === 'object' && auth !== null && Object.values(auth).some(isKeptSecret));

/** The definition's own `validate`, as the validation run calls it. */
export function definitionValidator(auth: AuthDefinition | undefined): RunValidator | undefined {
  const validate = auth?.validate as ((p: object) => ReturnType<RunValidator>) | undefined;
  if (typeof validate !== 'function') return undefined;
  // Exactly Activepieces' `{ auth, server }`, plus the signal. A kept secret is a marker the
  // definition cannot use: the browser never saw the secret, so the host's server checks it.
  return ({ auth: value, server, signal }) => (holdsKeptSecret(value) ? { valid: true } : validate({ auth: value, server, signal }));
}

/** The method of `methods` that `initial` (a saved connection value) belongs to, by its type. */
export function methodOf(methods: readonly (AuthDefinition | undefined)[], initial: unknown): number {
  const type = (initial as { type?: unknown } | undefined)?.type;
  const wanted = type === 'PLATFORM_OAUTH2' ? 'OAUTH2' : type === 'NO_AUTH' ? undefined : type;
  return Math.max(
    0,
    methods.findIndex((m) => m?.type === wanted),
  );
}

/** The grant a method starts with: its only one, or the saved connection's. */
export function initialGrant(auth: AuthDefinition | undefined, initial?: unknown): OAuth2Grant {
  if (auth?.type !== 'OAUTH2') return 'authorization_code';
  const saved = (initial as { grant_type?: unknown } | undefined)?.grant_type;
  const both = auth.grantType === 'both_client_credentials_and_authorization_code';
  return auth.grantType === 'client_credentials' || (both && saved === 'client_credentials') ? 'client_credentials' : 'authorization_code';
}

/**
 * Whether the form shows the OAuth2 Client ID and Client Secret fields: for client credentials,
 * and when the host has no app of its own (no `oauth2.clientId`), so the user brings theirs.
 */
export function needsClientFields(auth: AuthDefinition | undefined, grant: OAuth2Grant, hostClientId: string | undefined): boolean {
  return auth?.type === 'OAUTH2' && (grant === 'client_credentials' || !hostClientId);
}

import { redact } from '../connection-form/redact';
import type { AuthDefinition, AuthInput } from '../definitions/auth-types';
import type { ServerContext } from '../definitions/validation';
import { describeFields, kindOf } from '../schema/auth-kinds';
import { normalizeAuthInput } from '../schema/normalize-auth-input';
import { ConnectionRejectedError } from './server-errors';
import type { AnyStoredConnectionValue } from './stored-connection-value';

/** The definition among `auth` (one, an array, or none) that made a value of this `type`. */
export function definitionFor(auth: AuthInput, type: string): AuthDefinition | undefined {
  const wanted = type === 'PLATFORM_OAUTH2' ? 'OAUTH2' : type;
  return normalizeAuthInput(auth).find((a) => (a?.type ?? 'NO_AUTH') === wanted);
}

/** Every secret string a stored value holds: scrubbed from any message that leaves the server. */
function secretsOf(definition: AuthDefinition | undefined, value: AnyStoredConnectionValue): string[] {
  const found: unknown[] = [];
  switch (value.type) {
    case 'SECRET_TEXT':
      found.push(value.secret_text);
      break;
    case 'BASIC_AUTH':
      found.push(value.password);
      break;
    case 'OAUTH2':
    case 'PLATFORM_OAUTH2':
      if (value.type === 'OAUTH2') found.push(value.client_secret);
      found.push(value.access_token, value.refresh_token, ...Object.values(value.data ?? {}).filter((v) => typeof v === 'string'));
  }
  const props = value.type === 'CUSTOM_AUTH' || value.type === 'OAUTH2' || value.type === 'PLATFORM_OAUTH2' ? value.props : undefined;
  if (definition && props) {
    for (const field of describeFields(definition)) {
      if (field.type === 'SECRET_TEXT') found.push((props as Record<string, unknown>)[field.key]);
    }
  }
  return found.filter((s): s is string => typeof s === 'string' && s !== '');
}

/**
 * Runs the definition's own `validate` with the `auth` Activepieces' engine passes
 * (`executeValidateAuth`): the string for SecretText, `{ username, password }` for BasicAuth,
 * the props for CustomAuth, the whole claimed value for OAuth2 (both shapes: Activepieces
 * validates only `OAUTH2`, we validate the host's app too, so a bad token never gets stored).
 * `{ valid: false }` or a throw is a {@link ConnectionRejectedError} with the secrets scrubbed.
 */
export async function runValidate(
  definition: AuthDefinition | undefined,
  value: AnyStoredConnectionValue,
  server: ServerContext,
  signal: AbortSignal | undefined,
  /** Secrets the value does not hold but the server does (the host's client secret). */
  alsoSecret: readonly (string | undefined)[] = [],
  timeoutMs = 30_000,
): Promise<void> {
  if (!definition?.validate) return;
  const validate = definition.validate;
  // A stored value is a connection value with the tokens filled in: its kind's row reads it.
  const auth = kindOf(definition).validateArg(value);
  const secrets = [...secretsOf(definition, value), ...alsoSecret.filter((x): x is string => Boolean(x))];
  let result: Awaited<ReturnType<NonNullable<AuthDefinition['validate']>>>;
  // Real pieces' validate calls the provider (or a URL the user typed) and ignores the signal:
  // race it, so neither a black-holed address nor a hung API holds the request.
  const limit = Number.isFinite(timeoutMs) && timeoutMs > 0 ? Math.min(timeoutMs, 2 ** 31 - 1) : undefined;
  const deadline = limit === undefined ? undefined : AbortSignal.timeout(limit);
  const stop = signal && deadline ? AbortSignal.any([signal, deadline]) : (signal ?? deadline);
  let onStop: (() => void) | undefined;
  let stopError: ConnectionRejectedError | undefined;
  const stopped = new Promise<never>((_, reject) => {
    onStop = () => {
      stopError = new ConnectionRejectedError(
        deadline?.aborted
          ? `The connection check did not finish in ${Math.ceil(limit! / 1000)} s. Try again.`
          : 'The connection check was stopped.',
      );
      reject(stopError);
    };
    if (stop?.aborted) onStop();
    else stop?.addEventListener('abort', onStop, { once: true });
  });
  try {
    // The definition's parameter type depends on its kind; `auth` was built for that kind above.
    result = await Promise.race([
      Promise.resolve().then(() => validate({ auth: auth as never, server, ...(stop ? { signal: stop } : {}) })),
      stopped,
    ]);
  } catch (error) {
    if (error === stopError) throw error;
    throw new ConnectionRejectedError(`The connection could not be checked: ${redact(error, secrets) || 'validate threw'}`);
  } finally {
    if (onStop) stop?.removeEventListener('abort', onStop);
  }
  if (!result?.valid) {
    const text = result && 'error' in result ? redact(result.error, secrets) : '';
    throw new ConnectionRejectedError(text || 'The connection was not accepted.');
  }
}

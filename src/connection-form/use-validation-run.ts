import { useCallback, useEffect, useRef, useState } from 'react';
import type { ServerContext, ValidationResult } from '../definitions/validation';
import type { Messages } from '../messages/messages';
import type { FieldErrors } from 'react-hook-form';
import type { FieldModel } from '../schema/field-model';
import { connectedAccount } from './connected-account';
import { redact } from './redact';
import type { ValidationStatus } from './validation-status';

/** The function a run calls: the host's `validate` prop, or the definition's, adapted. */
export type RunValidator = (params: {
  auth: unknown;
  value: unknown;
  server: ServerContext;
  signal: AbortSignal;
}) => Promise<ValidationResult> | ValidationResult;

export interface RunOptions {
  /** The host's `validate` prop: always runs when given. */
  hostValidator: RunValidator | undefined;
  /**
   * The definition's `validate`: runs when the host gave none and there is an auth value to
   * pass it (an OAuth2 value has one only when the host's `exchange` produced tokens).
   */
  definitionValidator: RunValidator | undefined;
  onConnect: (value: never, details: never) => unknown;
  server: ServerContext | undefined;
  timeoutMs: number;
  messages: Messages;
}

/** What one submit hands to the run: the values in every shape, and the secrets to scrub. */
export interface RunInput {
  validateAuth: unknown;
  value: unknown;
  secrets: readonly string[];
  /** The second argument of `onConnect` (the connection name, when asked for). */
  details?: object | undefined;
  /** Names the value's tokens give the user (the OAuth2 runner decodes its ID token). */
  accountNames?: readonly unknown[] | undefined;
}

class TimeoutError extends Error {}

/** Whether `x` is a validation result; false, never a throw, for a hostile object (a Proxy). */
function isResult(x: unknown): x is ValidationResult {
  if (typeof x !== 'object' || x === null) return false;
  try {
    const r = x as { valid?: unknown; error?: unknown };
    return r.valid === true || (r.valid === false && (r.error === undefined || typeof r.error === 'string'));
  } catch {
    return false;
  }
}

/** `instanceof` throws for a revoked Proxy: what the run caught is classified without throwing. */
function isTimeout(error: unknown): boolean {
  try {
    return error instanceof TimeoutError;
  } catch {
    return false;
  }
}

function defaultServer(): ServerContext {
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  return { apiUrl: origin, publicUrl: origin };
}

/** The longest delay setTimeout takes: a longer one overflows and fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Settles with `promise`, or rejects with a TimeoutError after `ms` (aborting `controller`).
 * 0, a negative number, NaN and Infinity mean no timeout; a longer delay than a timer can take
 * is clamped to 2^31 - 1 ms (about 24.8 days) instead of overflowing into an instant timeout.
 */
function withTimeout<T>(promise: Promise<T>, ms: number, controller: AbortController): Promise<T> {
  if (!(ms > 0 && Number.isFinite(ms))) return promise;
  ms = Math.min(ms, MAX_TIMER_MS);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new TimeoutError('timeout');
      controller.abort(error);
      reject(error);
    }, ms);
  });
  // Cancel and unmount abort the controller: disarm the timer then too, as a validate that
  // ignores its signal never settles the race.
  const disarm = () => clearTimeout(timer);
  controller.signal.addEventListener('abort', disarm, { once: true });
  return Promise.race([promise, timeout]).finally(() => {
    disarm();
    controller.signal.removeEventListener('abort', disarm);
  });
}

/**
 * Runs `validate` and then `onConnect` for one submit, as a small state machine:
 * one run at a time (a submit during a run is ignored), each run with its own AbortController,
 * and only the latest run may change the status or emit (security notes 17–19). Cancel and
 * unmount abort the running one.
 */
export function useValidationRun(options: RunOptions) {
  const [status, setStatus] = useState<ValidationStatus>({ state: 'idle', message: '' });
  const latest = useRef(options);
  latest.current = options;
  const running = useRef<{ controller: AbortController } | null>(null);

  useEffect(
    () => () => {
      // Forget the run as well: a validate that ignores its signal must not emit after unmount.
      running.current?.controller.abort();
      running.current = null;
    },
    [],
  );

  const start = useCallback(async (input: RunInput) => {
    if (running.current) return;
    const run = { controller: new AbortController() };
    running.current = run;
    const { hostValidator, definitionValidator, server, timeoutMs, messages } = latest.current;
    const validator = hostValidator ?? (input.validateAuth !== undefined ? definitionValidator : undefined);
    const isCurrent = () => running.current === run;
    setStatus({ state: 'validating', message: messages.validating });
    try {
      const result = validator
        ? await withTimeout(
            Promise.resolve().then(() =>
              validator({
                auth: input.validateAuth,
                value: input.value,
                server: server ?? defaultServer(),
                signal: run.controller.signal,
              }),
            ),
            timeoutMs,
            run.controller,
          )
        : ({ valid: true } as const);
      if (!isCurrent()) return;
      if (!isResult(result)) {
        setStatus({ state: 'error', message: messages.validateBadResult });
      } else if (!result.valid) {
        setStatus({ state: 'invalid', message: messages.invalid(redact(result.error ?? '', input.secrets)) });
      } else {
        let answer: unknown;
        try {
          answer = await latest.current.onConnect(input.value as never, (input.details ?? {}) as never);
        } catch (error) {
          if (isCurrent()) setStatus({ state: 'error', message: messages.saveFailed(redact(error, input.secrets)) });
          return;
        }
        if (!isCurrent()) return;
        // The host's server refused the connection as it stored it (its own validate said no).
        if (isResult(answer) && !answer.valid) {
          setStatus({ state: 'invalid', message: messages.invalid(redact(answer.error ?? '', input.secrets)) });
          return;
        }
        const account = connectedAccount(input.value, input.secrets, input.accountNames);
        setStatus({ state: 'connected', message: account ? messages.connectedAs(account) : messages.connected });
      }
    } catch (error) {
      if (!isCurrent()) return;
      setStatus(
        isTimeout(error)
          ? { state: 'timeout', message: messages.validateTimeout }
          : { state: 'error', message: messages.validateFailed(redact(error, input.secrets)) },
      );
    } finally {
      if (isCurrent()) running.current = null;
    }
  }, []);

  const cancel = useCallback(() => {
    running.current?.controller.abort();
    running.current = null;
    setStatus({ state: 'idle', message: '' });
  }, []);

  /**
   * Submit found field errors. A required field of a type the kit cannot render is named as
   * such: the user cannot fix it, so counting it among "the highlighted fields" would mislead.
   */
  const reportFieldErrors = useCallback((errors: FieldErrors, fields: readonly FieldModel[]) => {
    const { messages } = latest.current;
    const unfillable = fields.filter((f) => Object.hasOwn(errors, f.name) && f.type === 'UNSUPPORTED').map((f) => f.label);
    const fixable = Object.keys(errors).length - unfillable.length;
    const parts = [fixable > 0 ? messages.fixErrors(fixable) : '', unfillable.length > 0 ? messages.cannotFill(unfillable.join(', ')) : ''];
    setStatus({ state: 'fields-invalid', message: parts.filter(Boolean).join(' ') });
  }, []);

  /** Shows a status that does not come from a run (the OAuth2 flow's). */
  const report = useCallback((next: ValidationStatus) => setStatus(next), []);

  return { status, start, cancel, report, reportFieldErrors, isRunning: () => running.current !== null };
}

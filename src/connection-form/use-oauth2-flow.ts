import { useCallback, useEffect, useRef } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { OAuth2Property } from '../definitions/auth-types';
import type { Messages } from '../messages/messages';
import { buildAuthorizationUrl, scopeString } from '../oauth/authorization-url';
import { fillPlaceholders } from '../oauth/fill-placeholders';
import { OAuth2ConfigError } from '../oauth/oauth2-error';
import type { OAuth2HostConfig, OAuth2TokenResponse } from '../oauth/oauth2-host-config';
import { toOAuth2Value } from '../oauth/oauth2-value';
import { createPkcePair, type PkcePair } from '../oauth/pkce';
import { openOAuth2Popup, waitForOAuth2Callback, type OAuth2Outcome, type PopupFlow } from '../oauth/popup-flow';
import { createState } from '../oauth/random';
import { parseSafeUrl } from '../oauth/safe-url';
import type { AuthModel } from '../schema/auth-model';
import type { FormValues } from '../schema/form-schema';
import { collectSecrets, detailsOf, secretOf, toPropsValue } from '../schema/to-connection-value';
import { redact } from './redact';
import type { useValidationRun } from './use-validation-run';
import type { ValidationStatus } from './validation-status';

const DEFAULT_TIMEOUT_MS = 300_000;
const RESTARTABLE = new Set<ValidationStatus['state']>(['oauth-blocked', 'oauth-closed']);

interface Prepared {
  state: string;
  pkce?: Promise<PkcePair>;
  ready?: PkcePair;
}

function prepare(auth: OAuth2Property<any>): Prepared {
  if (!auth.pkce) return { state: createState() };
  const prepared: Prepared = { state: createState() };
  prepared.pkce = createPkcePair(auth.pkceMethod === 'plain' ? 'plain' : 'S256');
  void prepared.pkce.then((pair) => {
    prepared.ready = pair;
  });
  return prepared;
}

/**
 * The OAuth2 authorization-code flow of one form: `connect` must be called synchronously from the
 * click (or Enter) that starts it, since only then may a popup open. `state` and PKCE are made
 * ahead of time; every outcome becomes a status; one flow per form at a time (security note 13).
 */
export function useOAuth2Flow(options: {
  auth: OAuth2Property<any> | undefined;
  config: OAuth2HostConfig | undefined;
  model: AuthModel;
  form: UseFormReturn<FormValues>;
  run: ReturnType<typeof useValidationRun>;
  messages: Messages;
}) {
  const latest = useRef(options);
  latest.current = options;
  const prepared = useRef<Prepared | undefined>(undefined);
  const flow = useRef<{ flow: PopupFlow; controller: AbortController } | undefined>(undefined);

  useEffect(() => {
    if (options.auth) prepared.current = prepare(options.auth);
  }, [options.auth]);
  const exchanging = useRef<AbortController | undefined>(undefined);
  useEffect(
    () => () => {
      flow.current?.controller.abort();
      exchanging.current?.abort();
    },
    [],
  );

  const report = (status: ValidationStatus) => latest.current.run.report(status);

  const handle = async (outcome: OAuth2Outcome, parts: { state: string; url: string; pair?: PkcePair; parsed: FormValues }, mine: AbortController) => {
    const { auth, config, model, messages, run } = latest.current;
    if (flow.current?.controller !== mine || !auth || !config) return;
    if (outcome.type === 'blocked') {
      report({ state: 'oauth-blocked', message: messages.oauthBlocked, url: parts.url });
      // Ready PKCE for "Try again", so that click can open the real URL at once.
      prepared.current = prepare(auth);
      // The "open in a new tab" link delivers over the state's BroadcastChannel: keep listening.
      const listener = waitForOAuth2Callback({
        state: parts.state,
        expectedOrigin: new URL(config.redirectUrl).origin,
        expectedIssuer: config.issuer,
        timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        signal: mine.signal,
      });
      flow.current = { flow: listener, controller: mine };
      void listener.result.then((next) => handle(next, parts, mine));
      return;
    }
    flow.current = undefined;
    prepared.current = prepare(auth);
    const secrets = collectSecrets(model.fields, parts.parsed);
    switch (outcome.type) {
      case 'cancelled':
        return report({ state: 'idle', message: '' });
      case 'timeout':
        return report({ state: 'oauth-timeout', message: messages.oauthTimeout });
      case 'denied':
        return report({ state: 'oauth-denied', message: messages.oauthDenied(redact(outcome.description ?? '', secrets)) });
      case 'provider-error':
        return report({
          state: 'oauth-error',
          message: messages.oauthProviderError(redact(outcome.error, secrets), redact(outcome.description ?? '', secrets)),
        });
      case 'invalid-callback':
        return report({ state: 'oauth-error', message: messages.oauthInvalidCallback(outcome.reason) });
    }
    const props = toPropsValue(model.fields, parts.parsed);
    // A kept secret (editing) stays the KEPT_SECRET marker: the host's server knows the secret.
    const clientSecret = config.clientId ? undefined : secretOf(parts.parsed.__client_secret);
    const clientId = config.clientId ?? String(parts.parsed.__client_id ?? '');
    let tokens: OAuth2TokenResponse | undefined;
    const allSecrets = [...secrets, outcome.code, ...(parts.pair ? [parts.pair.verifier] : [])];
    if (config.exchange) {
      report({ state: 'oauth-exchanging', message: messages.oauthExchanging });
      const controller = new AbortController();
      exchanging.current = controller;
      try {
        tokens = await config.exchange({
          code: outcome.code,
          codeVerifier: parts.pair?.verifier,
          redirectUrl: config.redirectUrl,
          clientId,
          clientSecret,
          tokenUrl: fillPlaceholders(auth.tokenUrl, props, 'tokenUrl'),
          scope: scopeString(auth, props),
          props,
          authorizationMethod: auth.authorizationMethod,
          signal: controller.signal,
        });
        if (typeof tokens?.access_token !== 'string') throw new Error('the token response has no access_token');
      } catch (error) {
        if (controller.signal.aborted) return;
        return report({ state: 'oauth-error', message: messages.oauthExchangeFailed(redact(error, allSecrets)) });
      } finally {
        if (exchanging.current === controller) exchanging.current = undefined;
      }
      // Cancelled or unmounted while the exchange ran: nothing may be emitted.
      if (controller.signal.aborted) return;
      allSecrets.push(tokens.access_token, ...(tokens.refresh_token ? [tokens.refresh_token] : []));
    }
    void run.start({
      value: toOAuth2Value({
        auth,
        props,
        scope: scopeString(auth, props),
        redirectUrl: config.redirectUrl,
        clientId,
        clientSecret,
        grant: 'authorization_code',
        code: outcome.code,
        codeVerifier: parts.pair?.verifier,
        tokens,
      }),
      validateAuth: tokens ? { access_token: tokens.access_token, props, data: { ...tokens } } : undefined,
      secrets: allSecrets,
      details: detailsOf(parts.parsed),
    });
  };

  /** Starts the flow. Synchronous up to `window.open`, so the popup counts as user-initiated. */
  const connect = useCallback(() => {
    const { auth, config, model, form, run, messages } = latest.current;
    if (!auth || run.isRunning()) return;
    if (flow.current) {
      // One flow per form: a pending one may only be replaced once it looks abandoned
      // (blocked, or its window seems closed); its state is forgotten with it.
      if (!RESTARTABLE.has(run.status.state)) return;
      flow.current.controller.abort();
      flow.current = undefined;
    }
    if (!config?.redirectUrl) return report({ state: 'error', message: messages.oauthNotConfigured });
    const values = form.getValues();
    const parsed = model.schema.safeParse(values);
    if (!parsed.success) {
      // Let react-hook-form show the errors and focus the first invalid field.
      void form.handleSubmit(() => {}, (errors) => run.reportFieldErrors(Object.keys(errors).length))();
      return;
    }
    const data = parsed.data as FormValues;
    const ready = prepared.current ?? prepare(auth);
    prepared.current = undefined;
    const clientId = config.clientId ?? String(data.__client_id ?? '');
    let url: string;
    let expectedOrigin: string;
    let build: (pair?: PkcePair) => string;
    try {
      expectedOrigin = parseSafeUrl(config.redirectUrl, 'oauth2.redirectUrl').origin;
      build = (pair?: PkcePair) =>
        buildAuthorizationUrl(auth, {
          clientId,
          redirectUrl: config.redirectUrl,
          state: ready.state,
          props: toPropsValue(model.fields, data),
          pkce: pair ? { challenge: pair.challenge, method: pair.method } : undefined,
        });
      url = build(ready.ready);
      if (ready.pkce && !ready.ready) {
        // PKCE is still hashing (only on a click right after mount): open a blank popup inside
        // the gesture and send it on once the challenge exists.
        void ready.pkce.then((pair) => {
          const target = build(pair);
          current?.flow.popup?.location.replace(target);
        });
        url = 'about:blank';
      }
    } catch (error) {
      prepared.current = prepare(auth);
      const message = error instanceof OAuth2ConfigError ? error.message : messages.oauthNotConfigured;
      return report({ state: 'error', message });
    }
    const controller = new AbortController();
    const popupFlow = openOAuth2Popup({
      url,
      state: ready.state,
      expectedOrigin,
      expectedIssuer: config.issuer,
      timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      signal: controller.signal,
      onClosedHint: () => {
        if (flow.current?.controller === controller) report({ state: 'oauth-closed', message: messages.oauthClosed });
      },
    });
    const current = { flow: popupFlow, controller };
    flow.current = current;
    report({ state: 'oauth-waiting', message: messages.oauthWaiting });
    const parts = { state: ready.state, url, data };
    void popupFlow.result.then(async (outcome) => {
      const pair = ready.pkce ? await ready.pkce : undefined;
      const real = url === 'about:blank' && pair ? build(pair) : url;
      return handle(outcome, { state: parts.state, url: real, pair, parsed: data }, controller);
    });
  }, []);

  /** Ends a waiting flow and forgets its state. */
  const cancel = useCallback(() => {
    flow.current?.controller.abort();
    exchanging.current?.abort();
  }, []);

  return { connect, cancel };
}

// The OAuth2 part of a connection form, loaded only for OAuth2 definitions: `use-oauth2-flow.ts`
// imports it dynamically as soon as an OAuth2 definition renders, so a custom-auth form never
// downloads the popup flow, the authorization URL, PKCE or the token exchange.
//
// It imports nothing that the main chunk also imports: what it shares with the form (value
// helpers, redaction) comes in as `FormHelpers`. A module imported from both sides would make a
// bundler split it, and all it reaches (zod included), into a third chunk that every form loads.
import type { UseFormReturn } from 'react-hook-form';
import type { OAuth2Property } from '../definitions/auth-types';
import type { OAuth2Props } from '../definitions/property-types';
import type { Messages } from '../messages/messages';
import { buildAuthorizationUrl, buildTokenUrl, scopeString } from '../oauth/authorization-url';
import { hostPolicyOf, type HostPolicy } from '../oauth/host-policy';
import { OAuth2ConfigError } from '../oauth/oauth2-error';
import type { OAuth2HostConfig, OAuth2TokenResponse } from '../oauth/oauth2-host-config';
import { toOAuth2Value } from '../oauth/oauth2-value';
import { createPkcePair, type PkcePair } from '../oauth/pkce';
import { openOAuth2Popup, openSignInTab, waitForOAuth2Callback, type OAuth2Outcome, type PopupFlow } from '../oauth/popup-flow';
import { createState } from '../oauth/random';
import { parseSafeUrl } from '../oauth/safe-url';
import type { AuthModel } from '../schema/auth-model';
import type { FormValues } from '../schema/form-schema';
import type { clientOf, collectSecrets, detailsOf, toPropsValue } from '../schema/to-connection-value';
import type { redact } from './redact';
import type { viewOf } from './status-view';
import type { useValidationRun } from './use-validation-run';
import type { ValidationStatus } from './validation-status';

const DEFAULT_TIMEOUT_MS = 300_000;
/** The longest delay setTimeout takes: a longer one overflows and fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * `oauth2.timeoutMs` as a timer delay. Every flow ends (security note 11): a positive number is
 * used, clamped to 2^31 - 1 ms (about 24.8 days; Infinity too); NaN, 0, a negative number or a
 * non-number means the default, 5 minutes (setTimeout would fire NaN and 0 at once).
 */
function flowTimeout(ms: number | undefined): number {
  return typeof ms === 'number' && ms > 0 ? Math.min(ms, MAX_TIMER_MS) : DEFAULT_TIMEOUT_MS;
}

/** What the flow reads at each step: the form's latest render. */
export interface OAuth2FlowOptions {
  auth: OAuth2Property<OAuth2Props> | undefined;
  config: OAuth2HostConfig | undefined;
  model: AuthModel;
  form: UseFormReturn<FormValues>;
  run: ReturnType<typeof useValidationRun>;
  messages: Messages;
}

/** The main chunk's helpers this module uses, handed over by `use-oauth2-flow.ts`. */
export interface FormHelpers {
  clientOf: typeof clientOf;
  collectSecrets: typeof collectSecrets;
  detailsOf: typeof detailsOf;
  toPropsValue: typeof toPropsValue;
  redact: typeof redact;
  viewOf: typeof viewOf;
  /**
   * The form's values, parsed, when a flow may start (OAuth2 set up, every field valid);
   * otherwise undefined, with the reason shown.
   */
  parsedForConnect: (options: OAuth2FlowOptions) => FormValues | undefined;
}

interface Prepared {
  state: string;
  /** Binds a delivery to the window this flow opens (FLOW_NONCE_KEY); never in a URL or the DOM. */
  nonce: string;
  pkce?: Promise<PkcePair> | undefined;
  ready?: PkcePair | undefined;
}

function prepare(auth: OAuth2Property<OAuth2Props>): Prepared {
  if (!auth.pkce) return { state: createState(), nonce: createState() };
  const prepared: Prepared = { state: createState(), nonce: createState() };
  prepared.pkce = createPkcePair(auth.pkceMethod === 'plain' ? 'plain' : 'S256');
  void prepared.pkce.then((pair) => {
    prepared.ready = pair;
  });
  return prepared;
}

/**
 * Which host a free-text `{prop}` may choose: any, when the user brings their own app (no
 * `oauth2.clientId`: they typed Client ID / Secret); else those the host allows.
 */
const hostPolicy = (config: OAuth2HostConfig): HostPolicy => hostPolicyOf(config);

/**
 * The `client_credentials` connection value (no popup): what `submit` emits for that grant.
 * @public read off the lazily imported module (`loadOAuth2Flow`), which knip cannot follow.
 */
export function clientCredentialsValue(
  { clientOf }: FormHelpers,
  auth: OAuth2Property<OAuth2Props>,
  props: Record<string, unknown>,
  redirectUrl: string,
  parsed: FormValues,
): ReturnType<typeof toOAuth2Value> {
  return toOAuth2Value({
    auth,
    props,
    scope: scopeString(auth, props),
    redirectUrl,
    ...clientOf(parsed),
    grant: 'client_credentials',
  });
}

/** The authorization-code flow of one form (see `useOAuth2Flow`), reading `latest` at each step. */
export type OAuth2Flow = ReturnType<typeof createOAuth2Flow>;

export function createOAuth2Flow(
  latest: { readonly current: OAuth2FlowOptions },
  { clientOf, collectSecrets, detailsOf, toPropsValue, redact, viewOf, parsedForConnect }: FormHelpers,
) {
  let prepared: Prepared | undefined;
  let flow: { flow: PopupFlow; controller: AbortController } | undefined;
  let exchanging: AbortController | undefined;
  /**
   * After a blocked popup: what "Open the sign-in page in a new tab" opens, kept here rather than
   * in the status, where a host's UI would put the URL (and its `state`) in an attribute.
   */
  let signIn: { url: string; nonce: string; controller: AbortController } | undefined;

  const report = (status: ValidationStatus) => latest.current.run.report(status);

  const handle = async (
    outcome: OAuth2Outcome,
    parts: { state: string; nonce: string; url: string; pair?: PkcePair | undefined; parsed: FormValues },
    mine: AbortController,
  ) => {
    const { auth, config, model, messages, run } = latest.current;
    if (flow?.controller !== mine) return;
    // The form switched to another method meanwhile: forget this flow, or the next Connect of
    // this method would find it still pending and refuse to start.
    if (!auth || !config) {
      flow = undefined;
      return;
    }
    if (outcome.type === 'blocked') {
      signIn = { url: parts.url, nonce: parts.nonce, controller: mine };
      report({ state: 'oauth-blocked', message: messages.oauthBlocked });
      // Ready PKCE for "Try again", so that click can open the real URL at once.
      prepared = prepare(auth);
      // The new tab (openSignInPage) delivers with this flow's nonce: keep listening.
      const listener = waitForOAuth2Callback({
        state: parts.state,
        nonce: parts.nonce,
        expectedOrigin: new URL(config.redirectUrl).origin,
        expectedIssuer: config.issuer,
        requireIssuer: config.requireIssuer,
        timeoutMs: flowTimeout(config.timeoutMs),
        signal: mine.signal,
      });
      flow = { flow: listener, controller: mine };
      void listener.result.then((next) => handle(next, parts, mine));
      return;
    }
    flow = undefined;
    signIn = undefined;
    prepared = prepare(auth);
    const secrets = [...collectSecrets(model.fields, parts.parsed), ...model.savedSecrets];
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
    const typed = clientOf(parts.parsed);
    const clientSecret = config.clientId ? undefined : typed.clientSecret;
    const clientId = config.clientId ?? typed.clientId;
    let tokens: OAuth2TokenResponse | undefined;
    const allSecrets = [...secrets, outcome.code, ...(parts.pair ? [parts.pair.verifier] : [])];
    if (config.exchange) {
      report({ state: 'oauth-exchanging', message: messages.oauthExchanging });
      const controller = new AbortController();
      exchanging = controller;
      try {
        tokens = await config.exchange({
          code: outcome.code,
          codeVerifier: parts.pair?.verifier,
          redirectUrl: config.redirectUrl,
          clientId,
          clientSecret,
          // Held to https (loopback aside) and to the host rule like the authUrl: the exchange
          // sends the code, the verifier and a client secret there.
          tokenUrl: buildTokenUrl(auth, props, hostPolicy(config)),
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
        if (exchanging === controller) exchanging = undefined;
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

  /**
   * Starts the flow; true when it did. Synchronous up to `window.open`, so the popup counts as
   * user-initiated. `popup` is a window the caller already opened blank inside the gesture (this
   * module was still loading, with the nonce it was opened with), or undefined when the browser
   * blocked it; without the argument the popup is opened here.
   */
  const connect = (...opened: [handed?: { popup: Window | undefined; nonce: string }]): boolean => {
    const { auth, config, model, run, messages } = latest.current;
    if (!auth || run.isRunning()) return false;
    if (flow) {
      // One flow per form: a pending one may only be replaced once it looks abandoned
      // (blocked, or its window seems closed); its state is forgotten with it.
      if (!viewOf(run.status).restartable) return false;
      flow.controller.abort();
      flow = undefined;
      signIn = undefined;
    }
    const data = parsedForConnect(latest.current);
    if (!data || !config) return false;
    const ready = prepared ?? prepare(auth);
    prepared = undefined;
    // A popup opened blank by the main chunk was opened with a nonce of its own.
    const nonce = opened[0]?.nonce ?? ready.nonce;
    const clientId = config.clientId ?? clientOf(data).clientId;
    let url: string;
    let expectedOrigin: string;
    let build: (pair?: PkcePair) => string;
    try {
      expectedOrigin = parseSafeUrl(config.redirectUrl, 'oauth2.redirectUrl').origin;
      if (config.requireIssuer && !config.issuer) {
        throw new OAuth2ConfigError('oauth2.requireIssuer is set but oauth2.issuer is not: pass the issuer your provider names in iss.');
      }
      build = (pair?: PkcePair) =>
        buildAuthorizationUrl(auth, {
          clientId,
          redirectUrl: config.redirectUrl,
          state: ready.state,
          props: toPropsValue(model.fields, data),
          pkce: pair ? { challenge: pair.challenge, method: pair.method } : undefined,
          hostPolicy: hostPolicy(config),
        });
      url = build(ready.ready);
      // The token URL too, now: the user would otherwise sign in for an exchange that is refused.
      buildTokenUrl(auth, toPropsValue(model.fields, data), hostPolicy(config));
      if (ready.pkce && !ready.ready) {
        // PKCE is still hashing (only on a click right after mount): open a blank popup inside
        // the gesture and send it on once the challenge exists.
        void ready.pkce.then((pair) => {
          // Only while this flow is still the pending one: not after Cancel, unmount or an outcome.
          if (flow !== current || current.controller.signal.aborted) return;
          current.flow.popup?.location.replace(build(pair));
        });
        url = 'about:blank';
      }
    } catch (error) {
      prepared = prepare(auth);
      const message = error instanceof OAuth2ConfigError ? error.message : messages.oauthNotConfigured;
      report({ state: 'error', message });
      return false;
    }
    const controller = new AbortController();
    const wait = {
      state: ready.state,
      nonce,
      expectedOrigin,
      expectedIssuer: config.issuer,
      requireIssuer: config.requireIssuer,
      timeoutMs: flowTimeout(config.timeoutMs),
      signal: controller.signal,
      onClosedHint: () => {
        if (flow?.controller === controller) report({ state: 'oauth-closed', message: messages.oauthClosed });
      },
    };
    let popupFlow: PopupFlow;
    if (!opened.length) popupFlow = openOAuth2Popup({ url, ...wait });
    else {
      const popup = opened[0]?.popup;
      if (!popup) popupFlow = { result: Promise.resolve({ type: 'blocked' }), cancel: () => {}, nonce };
      else {
        // Closed by the user while this module loaded: watched like any closed popup (the
        // closed hint, then "try again"), not reported as blocked by the browser.
        if (url !== 'about:blank' && !popup.closed) popup.location.replace(url);
        popupFlow = waitForOAuth2Callback({ ...wait, popup });
      }
    }
    const current = { flow: popupFlow, controller };
    flow = current;
    report({ state: 'oauth-waiting', message: messages.oauthWaiting });
    void popupFlow.result.then(async (outcome) => {
      const pair = ready.pkce ? await ready.pkce : undefined;
      const real = url === 'about:blank' && pair ? build(pair) : url;
      return handle(outcome, { state: ready.state, nonce, url: real, pair, parsed: data }, controller);
    });
    return true;
  };

  return {
    connect,
    /** Makes `state` (and PKCE) ahead of the click, for the current definition. */
    prepare: () => {
      const { auth } = latest.current;
      prepared = auth && prepare(auth);
    },
    /**
     * After a blocked popup: opens the sign-in page in a new tab that carries the flow's nonce.
     * Call it inside a click. False when there is nothing to open (the flow has ended).
     */
    openSignInPage: (): boolean => {
      if (!signIn || flow?.controller !== signIn.controller || signIn.controller.signal.aborted) return false;
      return openSignInTab(signIn.url, signIn.nonce) !== undefined;
    },
    /** Ends a waiting flow (or an exchange) and forgets its state. */
    cancel: () => {
      signIn = undefined;
      flow?.controller.abort();
      exchanging?.abort();
    },
  };
}

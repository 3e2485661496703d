// The OAuth2 authorization-code flow of one form, loaded only for OAuth2 definitions:
// `connection-form/use-oauth2-flow.ts` imports this module dynamically as soon as an OAuth2
// definition renders, so a custom-auth form never downloads the popup flow, the authorization
// URL, PKCE or the token exchange. It takes plain values (the hook parses the form inside the
// click) and reports outcomes, not messages: it imports nothing the main chunk imports, so a
// bundler has nothing to split into a third chunk that every form would load.
import type { OAuth2Property } from '../definitions/auth-types';
import type { OAuth2ConnectionValue, PlatformOAuth2ConnectionValue } from '../definitions/connection-value';
import type { KeptSecret } from '../definitions/kept-secret';
import type { OAuth2Props } from '../definitions/property-types';
import { buildAuthorizationUrl, buildTokenUrl, scopeString } from './authorization-url';
import { hostPolicyOf } from './host-policy';
import { idTokenNames } from './id-token-claims';
import { IDLE, canStart, eventOf, transition, type OAuth2FlowEvent, type OAuth2FlowState } from './oauth2-flow-machine';
import { OAuth2ConfigError } from './oauth2-error';
import type { OAuth2HostConfig, OAuth2TokenResponse } from './oauth2-host-config';
import { toOAuth2Value } from './oauth2-value';
import { createPkcePair, type PkcePair } from './pkce';
import { openOAuth2Popup, openSignInTab, waitForOAuth2Callback, type OAuth2Outcome, type PopupFlow } from './popup-flow';
import { createState } from './random';
import { parseSafeUrl } from './safe-url';

type OAuth2Definition = OAuth2Property<OAuth2Props>;
type OAuth2Value = OAuth2ConnectionValue<Record<string, unknown>> | PlatformOAuth2ConnectionValue<Record<string, unknown>>;

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

/** What one Connect starts from: the form's values at the click, parsed. */
export interface OAuth2ConnectInput {
  auth: OAuth2Definition;
  /** The host's `oauth2`, with a `redirectUrl`. */
  config: OAuth2HostConfig;
  props: Record<string, unknown>;
  /** Client ID / Secret the user typed (their own app); the host's `clientId` wins. */
  typedClient: { clientId: string; clientSecret: string | KeptSecret };
  /** What the user typed and what was saved: never shown in the provider's text. */
  secrets: readonly string[];
}

/** What a finished flow hands to the validation run. */
export interface OAuth2FlowResult {
  value: OAuth2Value;
  /** The definition's `validate` argument: only when the host's `exchange` produced tokens. */
  validateAuth: { access_token: string; props: Record<string, unknown>; data: Record<string, unknown> } | undefined;
  /** The input's secrets plus what the flow learned (code, verifier, tokens). */
  secrets: readonly string[];
  /** What the ID token says the user is called ("Connected as …"), decoded here, in the chunk. */
  accountNames: unknown[];
}

/** One form's flow: `subscribe`/`getSnapshot` as `useSyncExternalStore` takes them. */
export interface OAuth2FlowRunner {
  getSnapshot(): OAuth2FlowState;
  subscribe(listener: () => void): () => void;
  /** Makes `state` (and PKCE) ahead of the click, so the click can open the real URL at once. */
  prepare(auth: OAuth2Definition): void;
  /** Whether a click may start a flow now (nothing pending, or what is pending looks abandoned). */
  canStart(): boolean;
  /**
   * Starts the flow; true when it did. Synchronous up to `window.open`, so the popup counts as
   * user-initiated. `handed` is a popup the main chunk opened blank inside the gesture while this
   * module loaded, with the nonce it was opened with (`popup` undefined: the browser blocked it).
   */
  connect(input: OAuth2ConnectInput, handed?: { popup: Window | undefined; nonce: string }): boolean;
  /** After a blocked popup, inside a click: the sign-in page in a new tab with the flow's nonce. */
  openSignInPage(): boolean;
  /** Ends a pending flow (or its exchange) and forgets its state; a failed one goes back to idle. */
  cancel(): void;
}

interface Prepared {
  auth: OAuth2Definition;
  state: string;
  /** Binds a delivery to the window this flow opens (FLOW_NONCE_KEY); never in a URL or the DOM. */
  nonce: string;
  pkce?: Promise<PkcePair> | undefined;
  ready?: PkcePair | undefined;
}

function prepareFor(auth: OAuth2Definition): Prepared {
  const prepared: Prepared = { auth, state: createState(), nonce: createState() };
  if (!auth.pkce) return prepared;
  prepared.pkce = createPkcePair(auth.pkceMethod === 'plain' ? 'plain' : 'S256');
  void prepared.pkce.then((pair) => {
    prepared.ready = pair;
  });
  return prepared;
}

/** One started flow: what its callback is checked against and what its value is built from. */
interface Attempt {
  input: OAuth2ConnectInput;
  controller: AbortController;
  state: string;
  nonce: string;
  expectedOrigin: string;
  /** The authorization URL (`about:blank` until PKCE is ready) and its pair. */
  url: string;
  pkce: Promise<PkcePair> | undefined;
  /** Set once the popup was blocked: `openSignInPage` may open `url` in a new tab. */
  blocked: boolean;
}

/**
 * The `client_credentials` connection value (no popup): what `submit` emits for that grant.
 * @public read off the lazily imported module (`loadOAuth2Flow`), which knip cannot follow.
 */
export function clientCredentialsValue(
  auth: OAuth2Definition,
  props: Record<string, unknown>,
  redirectUrl: string,
  client: OAuth2ConnectInput['typedClient'],
): OAuth2Value {
  return toOAuth2Value({ auth, props, scope: scopeString(auth, props), redirectUrl, ...client, grant: 'client_credentials' });
}

/**
 * The runner of `oauth2-flow-machine.ts`: it performs the effects (the popup, the listener, the
 * exchange), feeds what they report to `transition`, and calls `onDone` with the value. Only the
 * latest attempt may change the state: a late callback of a cancelled flow is dropped here.
 * @public read off the lazily imported module (`loadOAuth2Flow`), which knip cannot follow.
 */
export function createOAuth2FlowRunner(onDone: (result: OAuth2FlowResult) => void): OAuth2FlowRunner {
  let state: OAuth2FlowState = IDLE;
  const listeners = new Set<() => void>();
  let prepared: Prepared | undefined;
  let attempt: Attempt | undefined;

  const dispatch = (event: OAuth2FlowEvent) => {
    const next = transition(state, event);
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener();
  };

  /** The window's result, once PKCE (if any) is ready: only the current attempt's counts. */
  const listen = (mine: Attempt, flow: PopupFlow) => {
    void flow.result.then(async (outcome) => {
      const pair = mine.pkce && (await mine.pkce);
      if (attempt === mine) await settle(mine, outcome, pair);
    });
  };

  const settle = async (mine: Attempt, outcome: OAuth2Outcome, pair: PkcePair | undefined) => {
    const { auth, config, props, typedClient, secrets } = mine.input;
    if (outcome.type === 'blocked') {
      mine.blocked = true;
      dispatch({ type: 'blocked' });
      // Ready PKCE for "Try again", so that click can open the real URL at once.
      prepared = prepareFor(auth);
      // The new tab (openSignInPage) delivers with this flow's nonce: keep listening.
      listen(mine, waitForOAuth2Callback({ ...waitOptions(mine), signal: mine.controller.signal }));
      return;
    }
    prepared = prepareFor(auth);
    if (outcome.type !== 'code') {
      attempt = undefined;
      return dispatch(eventOf(outcome, false, secrets));
    }
    const learned = [...secrets, outcome.code, ...(pair ? [pair.verifier] : [])];
    // A kept secret (editing) stays the KEPT_SECRET marker: the host's server knows the secret.
    const clientSecret = config.clientId ? undefined : typedClient.clientSecret;
    const clientId = config.clientId ?? typedClient.clientId;
    const { signal } = mine.controller;
    dispatch({ type: 'code', exchange: Boolean(config.exchange) });
    let tokens: OAuth2TokenResponse | undefined;
    if (config.exchange) {
      try {
        tokens = await config.exchange({
          code: outcome.code,
          codeVerifier: pair?.verifier,
          redirectUrl: config.redirectUrl,
          clientId,
          clientSecret,
          // Held to https (loopback aside) and to the host rule like the authUrl: the exchange
          // sends the code, the verifier and a client secret there.
          tokenUrl: buildTokenUrl(auth, props, hostPolicyOf(config)),
          scope: scopeString(auth, props),
          props,
          authorizationMethod: auth.authorizationMethod,
          signal,
        });
        if (typeof tokens?.access_token !== 'string') throw new Error('the token response has no access_token');
      } catch (error) {
        if (attempt !== mine || signal.aborted) return;
        attempt = undefined;
        return dispatch({ type: 'failed', failure: { reason: 'exchange-failed', error, scrub: learned } });
      }
      // Cancelled or unmounted while the exchange ran: nothing may be emitted.
      if (attempt !== mine || signal.aborted) return;
      learned.push(tokens.access_token, ...(tokens.refresh_token ? [tokens.refresh_token] : []));
      dispatch({ type: 'exchanged' });
    }
    attempt = undefined;
    const value = toOAuth2Value({
      auth,
      props,
      scope: scopeString(auth, props),
      redirectUrl: config.redirectUrl,
      clientId,
      clientSecret,
      grant: 'authorization_code',
      code: outcome.code,
      codeVerifier: pair?.verifier,
      tokens,
    });
    onDone({
      value,
      validateAuth: tokens && { access_token: tokens.access_token, props, data: { ...tokens } },
      secrets: learned,
      accountNames: tokens?.id_token ? idTokenNames(tokens.id_token) : [],
    });
  };

  const waitOptions = (mine: Attempt) => ({
    state: mine.state,
    nonce: mine.nonce,
    expectedOrigin: mine.expectedOrigin,
    expectedIssuer: mine.input.config.issuer,
    requireIssuer: mine.input.config.requireIssuer,
    timeoutMs: flowTimeout(mine.input.config.timeoutMs),
  });

  const abandon = () => {
    attempt?.controller.abort();
    attempt = undefined;
  };

  const connect = (input: OAuth2ConnectInput, handed?: { popup: Window | undefined; nonce: string }): boolean => {
    if (!canStart(state)) return false;
    abandon();
    const { auth, config, props } = input;
    const ready = prepared?.auth === auth ? prepared : prepareFor(auth);
    prepared = undefined;
    const policy = hostPolicyOf(config);
    const build = (pair: PkcePair | undefined) =>
      buildAuthorizationUrl(auth, {
        clientId: config.clientId ?? input.typedClient.clientId,
        redirectUrl: config.redirectUrl,
        state: ready.state,
        props,
        pkce: pair && { challenge: pair.challenge, method: pair.method },
        hostPolicy: policy,
      });
    let url: string;
    let expectedOrigin: string;
    try {
      expectedOrigin = parseSafeUrl(config.redirectUrl, 'oauth2.redirectUrl').origin;
      if (config.requireIssuer && !config.issuer) {
        throw new OAuth2ConfigError('oauth2.requireIssuer is set but oauth2.issuer is not: pass the issuer your provider names in iss.');
      }
      url = build(ready.ready);
      // The token URL too, now: the user would otherwise sign in for an exchange that is refused.
      buildTokenUrl(auth, props, policy);
    } catch (error) {
      prepared = prepareFor(auth);
      dispatch({ type: 'config-error', message: error instanceof OAuth2ConfigError ? error.message : undefined });
      return false;
    }
    const mine: Attempt = {
      input,
      controller: new AbortController(),
      state: ready.state,
      // A popup opened blank by the main chunk was opened with a nonce of its own.
      nonce: handed?.nonce ?? ready.nonce,
      expectedOrigin,
      url,
      pkce: ready.pkce,
      blocked: false,
    };
    if (ready.pkce && !ready.ready) {
      // PKCE is still hashing (only on a click right after mount): open a blank popup inside
      // the gesture and send it on once the challenge exists.
      mine.url = 'about:blank';
      void ready.pkce.then((pair) => {
        mine.url = build(pair);
        // Only while this flow is still the pending one: not after Cancel, unmount or an outcome.
        if (attempt === mine && !mine.controller.signal.aborted) flow.popup?.location.replace(mine.url);
      });
    }
    const wait = {
      ...waitOptions(mine),
      signal: mine.controller.signal,
      onClosedHint: () => {
        if (attempt === mine) dispatch({ type: 'closed-hint' });
      },
    };
    let flow: PopupFlow;
    if (!handed) flow = openOAuth2Popup({ url: mine.url, ...wait });
    else if (!handed.popup) flow = { result: Promise.resolve({ type: 'blocked' }), cancel: () => {}, nonce: mine.nonce };
    else {
      // Closed by the user while this module loaded: watched like any closed popup (the
      // closed hint, then "try again"), not reported as blocked by the browser.
      if (mine.url !== 'about:blank' && !handed.popup.closed) handed.popup.location.replace(mine.url);
      flow = waitForOAuth2Callback({ ...wait, popup: handed.popup });
    }
    attempt = mine;
    dispatch({ type: 'start' });
    listen(mine, flow);
    return true;
  };

  return {
    getSnapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    prepare(auth) {
      prepared = prepareFor(auth);
    },
    canStart: () => canStart(state),
    connect,
    openSignInPage() {
      if (state.name !== 'blocked' || !attempt?.blocked) return false;
      return openSignInTab(attempt.url, attempt.nonce) !== undefined;
    },
    cancel() {
      // State and PKCE for the next click, as after any other end of a flow.
      if (attempt && !prepared) prepared = prepareFor(attempt.input.auth);
      abandon();
      dispatch({ type: 'cancel' });
    },
  };
}

import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { OAuth2Property } from '../definitions/auth-types';
import type { OAuth2Props } from '../definitions/property-types';
import type { Messages } from '../messages/messages';
import type { OAuth2FlowState } from '../oauth/oauth2-flow-machine';
import type { OAuth2ConnectInput, OAuth2FlowResult, OAuth2FlowRunner } from '../oauth/oauth2-flow-runner';
import type { OAuth2HostConfig } from '../oauth/oauth2-host-config';
import type { AuthModel } from '../schema/auth-model';
import type { FormValues } from '../schema/form-schema';
import { clientOf, collectSecrets, detailsOf, toPropsValue } from '../schema/to-connection-value';
import { redact } from './redact';
import type { useValidationRun } from './use-validation-run';

/** What the flow reads at each step: the form's latest render. */
export interface OAuth2FlowOptions {
  auth: OAuth2Property<OAuth2Props> | undefined;
  config: OAuth2HostConfig | undefined;
  model: AuthModel;
  form: UseFormReturn<FormValues>;
  run: ReturnType<typeof useValidationRun>;
  messages: Messages;
}

/**
 * What a Connect starts from, parsed from the form now, when a flow may start; otherwise
 * undefined, with the reason shown (OAuth2 not set up, or the field errors, the first invalid
 * field focused). `details` is `onConnect`'s second argument.
 */
function connectInput({ auth, config, model, form, run, messages }: OAuth2FlowOptions): [OAuth2ConnectInput, object] | undefined {
  if (!auth) return undefined;
  if (!config?.redirectUrl) {
    run.report({ state: 'error', message: messages.oauthNotConfigured });
    return undefined;
  }
  const parsed = model.schema.safeParse(form.getValues());
  if (!parsed.success) {
    // Let react-hook-form show the errors and focus the first invalid field.
    void form.handleSubmit(
      () => {},
      (errors) => run.reportFieldErrors(errors, model.fields),
    )();
    return undefined;
  }
  const data = parsed.data as FormValues;
  const input: OAuth2ConnectInput = {
    auth,
    config,
    props: toPropsValue(model.fields, data),
    typedClient: clientOf(data),
    secrets: [...collectSecrets(model.fields, data), ...model.savedSecrets],
  };
  return [input, detailsOf(data)];
}

type FlowModule = typeof import('./oauth2-flow-chunk');

// FLOW_NONCE_KEY of oauth/callback-message.ts, which stays in the flow's chunk (a module shared
// with it would become a chunk of its own); test/oauth/flow-nonce.test.ts keeps the two equal.
const FLOW_NONCE_KEY = 'connection-kit:oauth2-flow-nonce';

/** 32 random bytes, base64url: a flow nonce, or (shorter) a window name. Never `Math.random`. */
function random(bytes: number): string {
  const buffer = crypto.getRandomValues(new Uint8Array(bytes));
  return btoa(String.fromCharCode(...buffer))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/**
 * A blank sign-in popup, opened as openOAuth2Popup opens one (oauth/open-window.ts): a random
 * name (a second form's click would otherwise get and navigate this window, and no page can
 * guess it), and the flow's nonce in sessionStorage just for the `window.open`, so that the
 * popup's copy holds it. undefined if the browser blocked it.
 */
function openBlankPopup(nonce: string): Window | undefined {
  const left = Math.max(0, Math.round(screenX + (outerWidth - 600) / 2));
  const top = Math.max(0, Math.round(screenY + (outerHeight - 700) / 2));
  let popup: Window | null = null;
  let stored = false;
  try {
    sessionStorage.setItem(FLOW_NONCE_KEY, nonce);
    stored = true;
  } catch {
    // Storage disabled: the popup carries no nonce and cannot deliver (docs/security.md).
  }
  try {
    popup = window.open('about:blank', `ck-oauth2-${random(12)}`, `popup=yes,width=600,height=700,left=${left},top=${top}`);
  } catch {
    popup = null;
  } finally {
    if (stored) sessionStorage.removeItem(FLOW_NONCE_KEY);
  }
  return popup && !popup.closed ? popup : undefined;
}

let loaded: FlowModule | undefined;
let loading: Promise<FlowModule> | undefined;

/**
 * The OAuth2 flow's module (its own chunk): loaded once per page, first for the first OAuth2
 * definition rendered. A failed load is retried on the next call.
 */
export function loadOAuth2Flow(): Promise<FlowModule> {
  loading ??= import('./oauth2-flow-chunk').then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

const IDLE: OAuth2FlowState = { name: 'idle' };
const noSubscription = () => () => {};
const idle = () => IDLE;

/**
 * The OAuth2 authorization-code flow of one form: `connect` must be called synchronously from the
 * click (or Enter) that starts it, since only then may a popup open. It parses the form there and
 * hands plain values to the flow's runner (`oauth/oauth2-flow-runner.ts`, in the chunk of `oauth2-flow-chunk.ts`, loaded as
 * soon as an OAuth2 definition renders), whose state becomes `status` (`flow-status.ts`); the
 * runner's value goes to the validation run. One flow per form at a time (security note 13).
 * A click before the chunk has loaded opens the popup blank, inside the gesture, and hands it over.
 */
export function useOAuth2Flow(options: OAuth2FlowOptions) {
  const latest = useRef(options);
  latest.current = options;
  /** `onConnect`'s second argument, from the click that started the flow. */
  const details = useRef<object>({});
  const engine = useRef<OAuth2FlowRunner | undefined>(undefined);
  const runnerOf = useCallback((module: FlowModule) => {
    engine.current ??= module.createOAuth2FlowRunner((result: OAuth2FlowResult) => {
      void latest.current.run.start({ ...result, details: details.current });
    });
    return engine.current;
  }, []);
  const [runner, setRunner] = useState(() => (loaded && options.auth ? runnerOf(loaded) : undefined));
  const state = useSyncExternalStore(runner?.subscribe ?? noSubscription, runner?.getSnapshot ?? idle, runner?.getSnapshot ?? idle);
  /** A click that came before the module: its blank popup (undefined if blocked). */
  const pending = useRef<{ popup: Window | undefined; nonce: string } | undefined>(undefined);

  const { auth } = options;
  useEffect(() => {
    if (!auth) return;
    let live = true;
    const ready = (module: FlowModule) => {
      if (!live) return;
      const flow = runnerOf(module);
      setRunner(flow);
      flow.prepare(auth);
    };
    if (loaded) ready(loaded);
    else loadOAuth2Flow().then(ready, () => {}); // reported if the user clicks (connect loads again)
    return () => {
      live = false;
    };
  }, [auth, runnerOf]);

  /** Ends a waiting flow (or one still loading) and forgets its state. */
  const cancel = useCallback(() => {
    engine.current?.cancel();
    const waiting = pending.current;
    if (!waiting) return;
    pending.current = undefined;
    waiting.popup?.close();
    latest.current.run.report({ state: 'idle', message: '' });
  }, []);
  useEffect(() => cancel, [cancel]);

  /** Starts `flow` from the form as it is now; true when it started. */
  const start = useCallback((flow: OAuth2FlowRunner, handed?: { popup: Window | undefined; nonce: string }) => {
    const parsed = connectInput(latest.current);
    if (!parsed || !flow.connect(parsed[0], handed)) return false;
    details.current = parsed[1];
    return true;
  }, []);

  /** Starts the flow. Synchronous up to `window.open`, so the popup counts as user-initiated. */
  const connect = useCallback(() => {
    const { auth, run, messages } = latest.current;
    if (!auth || run.isRunning() || pending.current) return;
    const flow = engine.current;
    if (flow) {
      // One flow per form: a pending one may only be replaced once it looks abandoned.
      if (!flow.canStart()) return;
      // An abandoned or failed flow ends here, so a field error shows instead of it.
      flow.cancel();
      start(flow);
      return;
    }
    // The flow's module is still loading (a click right after mount). Check what can be checked
    // here, so that a blank popup opens only for a flow that starts, then hand it over.
    if (!connectInput(latest.current)) return;
    const nonce = random(32);
    const mine = { popup: openBlankPopup(nonce), nonce };
    pending.current = mine;
    run.report({ state: 'oauth-waiting', message: messages.oauthWaiting });
    loadOAuth2Flow().then(
      (module) => {
        if (pending.current !== mine) return;
        pending.current = undefined;
        const flow = runnerOf(module);
        setRunner(flow);
        // The runner's state shows from here on (the run's 'oauth-waiting' only under it).
        if (!start(flow, mine)) mine.popup?.close();
      },
      (error: unknown) => {
        if (pending.current !== mine) return;
        pending.current = undefined;
        mine.popup?.close();
        latest.current.run.report({ state: 'oauth-error', message: latest.current.messages.oauthExchangeFailed(redact(error, [])) });
      },
    );
  }, [runnerOf, start]);

  /**
   * After a blocked popup, from a click: opens the sign-in page in a new tab carrying the flow's
   * nonce (the URL itself stays inside the flow, never in the status or the DOM).
   */
  const openSignInPage = useCallback(() => {
    engine.current?.openSignInPage();
  }, []);

  /** The flow's status, when it has one to show (else the validation run's shows). */
  const status = useMemo(() => loaded?.flowStatus(state, options.messages, redact), [state, options.messages]);

  return { connect, cancel, openSignInPage, status };
}

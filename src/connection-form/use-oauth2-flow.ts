import { useCallback, useEffect, useRef } from 'react';
import { clientOf, collectSecrets, detailsOf, toPropsValue } from '../schema/to-connection-value';
import type { FormValues } from '../schema/form-schema';
import type { FormHelpers, OAuth2Flow, OAuth2FlowOptions } from './oauth2-flow';
import { redact } from './redact';
import { viewOf } from './status-view';

/**
 * The form's values, parsed, when an OAuth2 flow may start; otherwise undefined, with the reason
 * shown (OAuth2 not set up, or the field errors, the first invalid field focused).
 */
function parsedForConnect({ config, model, form, run, messages }: OAuth2FlowOptions): FormValues | undefined {
  if (!config?.redirectUrl) {
    run.report({ state: 'error', message: messages.oauthNotConfigured });
    return undefined;
  }
  const parsed = model.schema.safeParse(form.getValues());
  if (parsed.success) return parsed.data as FormValues;
  // Let react-hook-form show the errors and focus the first invalid field.
  void form.handleSubmit(
    () => {},
    (errors) => run.reportFieldErrors(errors, model.fields),
  )();
  return undefined;
}

/** What the flow's chunk takes from this one (see oauth2-flow.ts). */
export const FORM_HELPERS: FormHelpers = { clientOf, collectSecrets, detailsOf, toPropsValue, redact, viewOf, parsedForConnect };

type FlowModule = typeof import('./oauth2-flow');

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
  loading ??= import('./oauth2-flow').then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/**
 * The OAuth2 authorization-code flow of one form: `connect` must be called synchronously from the
 * click (or Enter) that starts it, since only then may a popup open. The flow itself
 * (`oauth2-flow.ts`) loads as soon as an OAuth2 definition renders, and makes `state` and PKCE
 * ahead of time; every outcome becomes a status; one flow per form at a time (security note 13).
 * A click before it has loaded opens the popup blank, inside the gesture, and hands it over.
 */
export function useOAuth2Flow(options: OAuth2FlowOptions) {
  const latest = useRef(options);
  latest.current = options;
  const engine = useRef<OAuth2Flow | undefined>(undefined);
  const flowOf = useCallback((module: FlowModule) => {
    engine.current ??= module.createOAuth2Flow(latest, FORM_HELPERS);
    return engine.current;
  }, []);
  /** A click that came before the module: its blank popup (undefined if blocked). */
  const pending = useRef<{ popup: Window | undefined; nonce: string } | undefined>(undefined);

  useEffect(() => {
    if (!options.auth) return;
    if (loaded) return flowOf(loaded).prepare();
    let live = true;
    loadOAuth2Flow().then(
      (module) => {
        if (live) flowOf(module).prepare();
      },
      () => {}, // reported if the user clicks (connect loads again)
    );
    return () => {
      live = false;
    };
  }, [options.auth, flowOf]);

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

  /** Starts the flow. Synchronous up to `window.open`, so the popup counts as user-initiated. */
  const connect = useCallback(() => {
    const { auth, run, messages } = latest.current;
    if (!auth || run.isRunning() || pending.current) return;
    if (loaded) {
      flowOf(loaded).connect();
      return;
    }
    // The flow's module is still loading (a click right after mount). Check what can be checked
    // here, so that a blank popup opens only for a flow that starts, then hand it over.
    if (!parsedForConnect(latest.current)) return;
    const nonce = random(32);
    const mine = { popup: openBlankPopup(nonce), nonce };
    pending.current = mine;
    run.report({ state: 'oauth-waiting', message: messages.oauthWaiting });
    loadOAuth2Flow().then(
      (module) => {
        if (pending.current !== mine) return;
        pending.current = undefined;
        if (!flowOf(module).connect(mine)) mine.popup?.close();
      },
      (error: unknown) => {
        if (pending.current !== mine) return;
        pending.current = undefined;
        mine.popup?.close();
        latest.current.run.report({ state: 'oauth-error', message: latest.current.messages.oauthExchangeFailed(redact(error, [])) });
      },
    );
  }, [flowOf]);

  /**
   * After a blocked popup, from a click: opens the sign-in page in a new tab carrying the flow's
   * nonce (the URL itself stays inside the flow, never in the status or the DOM).
   */
  const openSignInPage = useCallback(() => {
    engine.current?.openSignInPage();
  }, []);

  return { connect, cancel, openSignInPage };
}

/**
 * Tags every message of the kit's, so the opener ignores anything else posted to it.
 *
 * @example
 * ```ts
 * // A redirect page of your own (instead of completeOAuth2Redirect) posts this shape, with the
 * // flow's nonce from this window's sessionStorage (see FLOW_NONCE_KEY):
 * const nonce = sessionStorage.getItem(FLOW_NONCE_KEY);
 * sessionStorage.removeItem(FLOW_NONCE_KEY);
 * const message: OAuth2CallbackMessage = { tag: CALLBACK_MESSAGE_TAG, state, nonce: nonce ?? '', code };
 * window.opener?.postMessage(message, 'https://app.example.com');
 * ```
 */
export const CALLBACK_MESSAGE_TAG = 'connection-kit:oauth2-callback';

/**
 * What the redirect page delivers to the opener.
 *
 * @example
 * ```ts
 * const params = new URLSearchParams(location.search);
 * const nonce = sessionStorage.getItem(FLOW_NONCE_KEY) ?? '';
 * const message: OAuth2CallbackMessage = { tag: CALLBACK_MESSAGE_TAG, state: params.get('state')!, nonce, code: params.get('code') ?? undefined };
 * ```
 */
export interface OAuth2CallbackMessage {
  tag: typeof CALLBACK_MESSAGE_TAG;
  state: string;
  /**
   * The flow's nonce, which the sign-in window got as its copy of the opener's sessionStorage
   * (see {@link FLOW_NONCE_KEY}); a delivery without this flow's nonce is ignored.
   */
  nonce: string;
  code?: string | undefined;
  iss?: string | undefined;
  error?: string | undefined;
  error_description?: string | undefined;
}

/**
 * Where a flow's nonce travels to its sign-in window: the opener writes it to its own
 * sessionStorage just before `window.open` and removes it right after, so only the window opened
 * then holds it, in its copy of the opener's sessionStorage (a window opened with `noopener`, a
 * link or another site gets no copy). That copy survives a provider's
 * Cross-Origin-Opener-Policy, which severs `window.opener`. The callback page reads it once,
 * removes it and sends it with the result: the form accepts only a delivery with its flow's nonce,
 * which no URL and no DOM ever holds, so knowing `state` is not enough to complete it.
 *
 * @example
 * ```ts
 * // In the sign-in window, on the redirect page (completeOAuth2Redirect does this):
 * const nonce = sessionStorage.getItem(FLOW_NONCE_KEY);
 * sessionStorage.removeItem(FLOW_NONCE_KEY);
 * ```
 */
export const FLOW_NONCE_KEY = 'connection-kit:oauth2-flow-nonce';

/**
 * The BroadcastChannel a flow listens on: one per `state`, so flows never hear each other.
 *
 * @example
 * ```ts
 * // Delivers even when the provider's Cross-Origin-Opener-Policy cut window.opener:
 * const channel = new BroadcastChannel(callbackChannelName(state));
 * channel.postMessage(message);
 * channel.close();
 * ```
 */
export function callbackChannelName(state: string): string {
  return `connection-kit:oauth2:${state}`;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** The message if `data` has the kit's shape, else undefined. Nothing else is read from it. */
export function asCallbackMessage(data: unknown): OAuth2CallbackMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const d = data as Record<string, unknown>;
  if (d.tag !== CALLBACK_MESSAGE_TAG || typeof d.state !== 'string' || typeof d.nonce !== 'string') return undefined;
  return {
    tag: CALLBACK_MESSAGE_TAG,
    state: d.state,
    nonce: d.nonce,
    code: str(d.code),
    iss: str(d.iss),
    error: str(d.error),
    error_description: str(d.error_description),
  };
}

/**
 * Whether `data` carries implicit-flow tokens (`access_token` or `id_token`, RFC 6749 §4.2).
 * The kit's redirect page never forwards them, but a host's own page might forward the whole
 * query: a code-flow client refuses such a response outright (security note 6).
 */
export function carriesTokens(data: unknown): boolean {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  return d.access_token !== undefined || d.id_token !== undefined;
}

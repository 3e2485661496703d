/**
 * Tags every message of the kit's, so the opener ignores anything else posted to it.
 *
 * @example
 * ```ts
 * // A redirect page of your own (instead of completeOAuth2Redirect) posts this shape:
 * const message: OAuth2CallbackMessage = { tag: CALLBACK_MESSAGE_TAG, state, code };
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
 * const message: OAuth2CallbackMessage = { tag: CALLBACK_MESSAGE_TAG, state: params.get('state')!, code: params.get('code') ?? undefined };
 * ```
 */
export interface OAuth2CallbackMessage {
  tag: typeof CALLBACK_MESSAGE_TAG;
  state: string;
  code?: string;
  iss?: string;
  error?: string;
  error_description?: string;
}

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
  if (d.tag !== CALLBACK_MESSAGE_TAG || typeof d.state !== 'string') return undefined;
  return {
    tag: CALLBACK_MESSAGE_TAG,
    state: d.state,
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

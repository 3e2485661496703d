/**
 * `connection-kit/oauth2`: the OAuth2 protocol building blocks the form uses, for a host that
 * writes its own redirect page or drives the flow itself: the redirect page's
 * `completeOAuth2Redirect`, the popup and its callback channel, the authorization URL, PKCE and
 * `state`. No React; `window` is only touched when a function is called. `<ConnectionForm>` and
 * `useConnectionForm` need none of this: they load the flow themselves, for OAuth2 definitions.
 *
 * @example
 * ```ts
 * // The page at your redirect URL (or serve connection-kit/oauth2-callback.html as it is):
 * import { completeOAuth2Redirect } from 'connection-kit/oauth2';
 *
 * const result = completeOAuth2Redirect();
 * if (!result.delivered) document.body.textContent = result.reason;
 * ```
 *
 * @example
 * ```ts
 * // Your own button, inside its click handler (window.open needs the user's gesture):
 * import { buildAuthorizationUrl, createState, openOAuth2Popup } from 'connection-kit/oauth2';
 *
 * const state = createState();
 * const url = buildAuthorizationUrl(auth, { clientId, redirectUrl, state, props: {} });
 * const outcome = await openOAuth2Popup({ url, state, expectedOrigin: new URL(redirectUrl).origin, timeoutMs: 300_000 }).result;
 * if (outcome.type === 'code') await exchangeOnMyServer(outcome.code);
 * ```
 */
export { completeOAuth2Redirect } from './oauth/complete-oauth2-redirect';
export type { CompleteOAuth2RedirectOptions, CompleteOAuth2RedirectResult } from './oauth/complete-oauth2-redirect';
export { buildAuthorizationUrl, buildTokenUrl, scopeString } from './oauth/authorization-url';
export type { AuthorizationUrlParams } from './oauth/authorization-url';
export type { HostPolicy } from './oauth/host-policy';
export { createPkcePair, s256Challenge } from './oauth/pkce';
export type { PkcePair } from './oauth/pkce';
export { createState } from './oauth/random';
export { OAuth2ConfigError } from './oauth/oauth2-error';
export { openOAuth2Popup, openSignInTab, waitForOAuth2Callback } from './oauth/popup-flow';
export type { OAuth2Outcome, PopupFlow, PopupFlowOptions, CallbackWaitOptions } from './oauth/popup-flow';
export { CALLBACK_MESSAGE_TAG, FLOW_NONCE_KEY, callbackChannelName } from './oauth/callback-message';
export type { OAuth2CallbackMessage } from './oauth/callback-message';
export type { OAuth2HostConfig, OAuth2ExchangeParams, OAuth2TokenResponse } from './oauth/oauth2-host-config';

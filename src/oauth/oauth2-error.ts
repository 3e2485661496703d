/**
 * A problem with an OAuth2 definition or its configuration, found before any window opens.
 * Its message names what is wrong and how to fix it; it never contains a secret.
 *
 * @example
 * ```ts
 * try {
 *   url = buildAuthorizationUrl(zendeskAuth, params);
 * } catch (error) {
 *   // e.g. 'authUrl needs a value for {subdomain}: fill in the "subdomain" field first.'
 *   if (error instanceof OAuth2ConfigError) showSetupProblem(error.message);
 *   else throw error;
 * }
 * ```
 */
export class OAuth2ConfigError extends Error {
  override name = 'OAuth2ConfigError';
}

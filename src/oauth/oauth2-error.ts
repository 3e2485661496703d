/**
 * A problem with an OAuth2 definition or its configuration, found before any window opens.
 * Its message names what is wrong and how to fix it; it never contains a secret.
 */
export class OAuth2ConfigError extends Error {
  override name = 'OAuth2ConfigError';
}

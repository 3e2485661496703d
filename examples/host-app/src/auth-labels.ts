/** How the app names each auth type, in the catalog's tags and the connections list. */
export const AUTH_LABELS: Record<string, string> = {
  OAUTH2: 'OAuth2',
  PLATFORM_OAUTH2: 'OAuth2',
  SECRET_TEXT: 'API key',
  BASIC_AUTH: 'Username & password',
  CUSTOM_AUTH: 'Custom',
};

export const authLabel = (type: string) => AUTH_LABELS[type] ?? type;

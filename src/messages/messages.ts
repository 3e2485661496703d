/**
 * Every string the kit shows or announces. Hosts override any subset through the `messages` prop;
 * functions receive the field's label (already the author's display name) or a detail.
 *
 * @example
 * ```tsx
 * // A module constant, so the form gets the same object on every render.
 * const messages: Partial<Messages> = { submit: 'Save connection', required: (label) => `Please fill in ${label}.` };
 * <ConnectionForm auth={auth} messages={messages} onConnect={save} />;
 * ```
 */
export interface Messages {
  /** A required field is empty. */
  required: (label: string) => string;
  /** A number field holds something that is not a finite number. */
  notANumber: (label: string) => string;
  /** A required dropdown has no choice. */
  chooseOne: (label: string) => string;
  /** A required multi-select has no choice. */
  chooseAtLeastOne: (label: string) => string;
  /** The definition uses a property type the kit has no control for. */
  unsupportedType: (type: string, label: string) => string;
  /** The submit button. */
  submit: string;
  /** The submit button when editing a saved connection (`initialValue`), OAuth2 aside (`reconnect`). */
  save: string;
  /** The connection name field's label (`connectionName`). */
  connectionName: string;
  /** Placeholder of a secret field whose secret is saved (editing). */
  savedSecretPlaceholder: string;
  /** Shown under a secret field whose secret is saved (editing). */
  savedSecretHelp: string;
  /** The submit button while `validate` runs. */
  validating: string;
  /** Cancels a running `validate`. */
  cancel: string;
  /** Announced and shown once the connection value was emitted. */
  connected: string;
  /** Connected, when the value names the account (a username, an e-mail, the ID token's name). */
  connectedAs: (account: string) => string;
  /** `validate` answered `{ valid: false, error }`. */
  invalid: (error: string) => string;
  /** `validate` threw or rejected; `detail` has every secret redacted. */
  validateFailed: (detail: string) => string;
  /** The host's `onConnect` threw or rejected; `detail` has every secret redacted. */
  saveFailed: (detail: string) => string;
  /** `validate` did not settle in time. */
  validateTimeout: string;
  /** `validate` answered something other than `{ valid: true }` / `{ valid: false, error }`. */
  validateBadResult: string;
  /** Submit found field errors; focus moves to the first of them. */
  fixErrors: (count: number) => string;
  /**
   * Submit found required fields of a type the kit cannot render (their labels, joined): the
   * user cannot fix them, so the status says so instead of counting them as fields to fix.
   */
  cannotFill: (labels: string) => string;
  /** Visible text of a secret field's reveal toggle. */
  show: string;
  /** Accessible name of a secret field's reveal toggle. */
  showLabel: (label: string) => string;
  /** Legend of the method picker shown when `auth` is an array. */
  authMethod: string;
  /**
   * Accessible name of one method's radio, e.g. "Authenticate with Bot token": the visible text
   * is the method's name alone, which must not clash with a field of the same label.
   */
  methodChoice: (method: string) => string;
  /** Shown when the piece needs no credentials. */
  noAuthNeeded: string;
  /** The "no choice" item of an optional dropdown. */
  none: string;
  /** A dropdown's placeholder when the definition gives none. */
  selectPlaceholder: string;
  /** A dropdown without options. */
  noOptions: string;
  /** Read by screen readers after a required field's label marker. */
  requiredMarker: string;
  /** The error panel's heading for a definition the kit cannot render. */
  brokenDefinition: string;
  /** OAuth2: the own-app fields and the redirect URL to register. */
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
  redirectUrlHelp: string;
  copy: string;
  copied: string;
  /** OAuth2 "both" grant type picker. */
  grantType: string;
  authorizationCode: string;
  clientCredentials: string;
  /** OAuth2 flow states. */
  reconnect: string;
  retry: string;
  openInNewTab: string;
  oauthWaiting: string;
  oauthClosed: string;
  oauthBlocked: string;
  oauthTimeout: string;
  oauthDenied: (description: string) => string;
  oauthProviderError: (error: string, description: string) => string;
  oauthInvalidCallback: (reason: string) => string;
  oauthExchanging: string;
  oauthExchangeFailed: (detail: string) => string;
  oauthNotConfigured: string;
  /** What each kind of method asks for, under its name on the method picker's cards. */
  methodHints: Record<'SECRET_TEXT' | 'BASIC_AUTH' | 'CUSTOM_AUTH' | 'OAUTH2' | 'NO_AUTH', string>;
  /** Names of the auth types, used to tell apart methods with the same display name. */
  authTypeNames: Record<'SECRET_TEXT' | 'BASIC_AUTH' | 'CUSTOM_AUTH' | 'OAUTH2' | 'NO_AUTH', string>;
}

const reason = (detail: string) => (detail ? ` Reason: ${detail.replace(/[.\s]+$/, '')}.` : '');

/**
 * The built-in English messages.
 *
 * @example
 * ```ts
 * defaultMessages.required('API Key'); // 'API Key is required.'
 * const de: Messages = { ...defaultMessages, submit: 'Verbinden', cancel: 'Abbrechen' };
 * ```
 */
export const defaultMessages: Messages = {
  required: (label) => `${label} is required.`,
  notANumber: (label) => `${label} must be a number.`,
  chooseOne: (label) => `Choose a value for ${label}.`,
  chooseAtLeastOne: (label) => `Choose at least one value for ${label}.`,
  unsupportedType: (type, label) => `${label} uses the property type "${type}", which connection-kit cannot render.`,
  submit: 'Connect',
  save: 'Save',
  connectionName: 'Connection name',
  savedSecretPlaceholder: 'Saved — type to replace',
  savedSecretHelp: 'A value is saved. Leave this empty to keep it, or type a new one to replace it.',
  validating: 'Checking connection…',
  cancel: 'Cancel',
  connected: 'Connected.',
  connectedAs: (account) => `Connected as ${account}.`,
  invalid: (error) => `Connection failed: ${error}`,
  validateFailed: (detail) => `The connection could not be checked.${reason(detail)} Try again.`,
  saveFailed: (detail) => `The connection could not be saved.${reason(detail)} Try again.`,
  validateTimeout: 'Checking the connection took too long. Try again.',
  validateBadResult: 'The connection check returned an unexpected result. Try again.',
  fixErrors: (count) => (count === 1 ? 'Fix the highlighted field.' : `Fix the ${count} highlighted fields.`),
  cannotFill: (labels) => `This form cannot fill in ${labels}, so the connection cannot be saved until the piece is updated.`,
  show: 'Show',
  showLabel: (label) => `Show ${label}`,
  authMethod: 'Authentication method',
  methodChoice: (method) => `Authenticate with ${method}`,
  noAuthNeeded: 'This service needs no credentials.',
  none: 'No selection',
  selectPlaceholder: 'Select an option',
  noOptions: 'No options available',
  requiredMarker: 'required',
  brokenDefinition: 'This connection form cannot be shown',
  clientId: 'Client ID',
  clientSecret: 'Client Secret',
  redirectUrl: 'Redirect URL',
  redirectUrlHelp: 'Register this redirect URL with your OAuth app.',
  copy: 'Copy',
  copied: 'Copied.',
  grantType: 'Grant type',
  authorizationCode: 'Authorization code',
  clientCredentials: 'Client credentials',
  reconnect: 'Reconnect',
  retry: 'Try again',
  openInNewTab: 'Open the sign-in page in a new tab',
  oauthWaiting: 'Waiting for you to finish signing in, in the popup window…',
  oauthClosed: 'The sign-in window seems to be closed. If you finished signing in, this updates by itself; otherwise try again.',
  oauthBlocked: 'The browser blocked the sign-in window. Try again, or open the sign-in page in a new tab.',
  oauthTimeout: 'Signing in took too long. Try again.',
  oauthDenied: (description) => `Access was denied.${reason(description)} Try again to grant access.`,
  oauthProviderError: (error, description) => `The provider reported an error (${error}).${reason(description)} Try again.`,
  oauthInvalidCallback: (detail) => `The sign-in response was refused.${reason(detail)} Try again.`,
  oauthExchanging: 'Finishing sign-in…',
  oauthExchangeFailed: (detail) => `Signing in could not be completed.${reason(detail)} Try again.`,
  oauthNotConfigured: 'OAuth2 is not set up: the host app must pass oauth2={{ redirectUrl }} (and usually clientId) to ConnectionForm.',
  methodHints: {
    SECRET_TEXT: 'Paste an API key or token',
    BASIC_AUTH: 'Sign in with a username and password',
    CUSTOM_AUTH: 'Enter the connection details',
    OAUTH2: 'Sign in to your account in a new window',
    NO_AUTH: 'Nothing to enter',
  },
  authTypeNames: {
    SECRET_TEXT: 'API key',
    BASIC_AUTH: 'Username and password',
    CUSTOM_AUTH: 'Credentials',
    OAUTH2: 'OAuth2',
    NO_AUTH: 'No authentication',
  },
};

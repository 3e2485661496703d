import type { BOTH_CLIENT_CREDENTIALS_AND_AUTHORIZATION_CODE, OAuth2AuthorizationMethod, OAuth2GrantType } from './property-type';
import type { PropsValue } from './props-value';
import type { CustomAuthProps, OAuth2Props, SecretTextProperty } from './property-types';
import type { ValidateParams, ValidationResult } from './validation';

/** Fields every auth definition shares. */
interface AuthBase<V> {
  displayName: string;
  /** Markdown shown above the fields. */
  description?: string | undefined;
  /**
   * Checks the credentials before the connection value is emitted. Method syntax on purpose:
   * its parameter is then compared bivariantly, so a definition typed by Activepieces' builders
   * (whose `auth` is their own props type) still fits `AuthDefinition`.
   */
  validate?(params: ValidateParams<V>): Promise<ValidationResult>;
  /** Type-only slot carrying the value `validate` receives; `undefined` at runtime. */
  valueSchema: V;
}

/**
 * What `validate` receives for a basic auth.
 *
 * @example
 * ```ts
 * const validate: AuthValidator<BasicAuthPropertyValue> = async ({ auth, signal }) => {
 *   const res = await fetch('https://your-domain.atlassian.net/rest/api/3/myself', {
 *     headers: { Authorization: `Basic ${btoa(`${auth.username}:${auth.password}`)}` },
 *     signal,
 *   });
 *   return res.ok ? { valid: true } : { valid: false, error: 'Wrong email or API token' };
 * };
 * const jiraAuth = PieceAuth.BasicAuth({ username: { displayName: 'Email' }, password: { displayName: 'API token' }, validate });
 * ```
 */
export interface BasicAuthPropertyValue {
  username: string;
  password: string;
}

/**
 * `PieceAuth.BasicAuth(...)`: a username and a password with labels of the author's choosing.
 *
 * @example
 * ```ts
 * const jiraAuth: BasicAuthProperty = PieceAuth.BasicAuth({
 *   displayName: 'Credentials',
 *   username: { displayName: 'Email' },
 *   password: { displayName: 'API token', description: 'Create one under **Security → API tokens**.' },
 * });
 * ```
 */
export interface BasicAuthProperty extends AuthBase<BasicAuthPropertyValue> {
  type: 'BASIC_AUTH';
  required: true;
  username: { displayName: string; description?: string | undefined };
  password: { displayName: string; description?: string | undefined };
  defaultValue?: unknown | undefined;
}

/**
 * `PieceAuth.CustomAuth(...)`: any number of props.
 *
 * @example
 * ```ts
 * const dbAuth = PieceAuth.CustomAuth({
 *   displayName: 'Database',
 *   required: true,
 *   props: {
 *     host: Property.ShortText({ displayName: 'Host', required: true }),
 *     password: PieceAuth.SecretText({ displayName: 'Password', required: true }),
 *   },
 * });
 * const fieldCount = (auth: CustomAuthProperty<CustomAuthProps>) => Object.keys(auth.props).length;
 * fieldCount(dbAuth); // 2
 * ```
 */
export interface CustomAuthProperty<P extends CustomAuthProps> extends AuthBase<PropsValue<P>> {
  type: 'CUSTOM_AUTH';
  required: boolean;
  props: P;
  defaultValue?: unknown | undefined;
}

/**
 * What an OAuth2 `validate` receives, as in Activepieces: the token response and the props.
 *
 * @example
 * ```ts
 * const githubAuth = PieceAuth.OAuth2({
 *   authUrl: 'https://github.com/login/oauth/authorize',
 *   tokenUrl: 'https://github.com/login/oauth/access_token',
 *   required: true,
 *   scope: ['repo'],
 *   // auth: OAuth2PropertyValue. Runs once the host's `oauth2.exchange` returned tokens.
 *   validate: async ({ auth }) => {
 *     const res = await fetch('https://api.github.com/user', { headers: { Authorization: `Bearer ${auth.access_token}` } });
 *     return res.ok ? { valid: true } : { valid: false, error: 'GitHub refused the token' };
 *   },
 * });
 * ```
 */
export interface OAuth2PropertyValue<P extends OAuth2Props = OAuth2Props> {
  access_token: string;
  props?: PropsValue<P> | undefined;
  data: Record<string, unknown>;
}

/**
 * `PieceAuth.OAuth2(...)`.
 *
 * @example
 * ```ts
 * const scopesOf = (auth: OAuth2Property<OAuth2Props>) => auth.scope.join(' ');
 * scopesOf(PieceAuth.OAuth2({ authUrl, tokenUrl, required: true, scope: ['repo', 'user'] })); // 'repo user'
 * ```
 */
export interface OAuth2Property<P extends OAuth2Props> extends AuthBase<OAuth2PropertyValue<P>> {
  type: 'OAUTH2';
  required: boolean;
  authUrl: string;
  tokenUrl: string;
  scope: string[];
  props?: P | undefined;
  pkce?: boolean | undefined;
  pkceMethod?: 'plain' | 'S256' | undefined;
  authorizationMethod?: OAuth2AuthorizationMethod | undefined;
  grantType?: OAuth2GrantType | typeof BOTH_CLIENT_CREDENTIALS_AND_AUTHORIZATION_CODE | undefined;
  prompt?: 'none' | 'consent' | 'login' | 'omit' | undefined;
  extra?: Record<string, string> | undefined;
  defaultValue?: unknown | undefined;
}

/**
 * `PieceAuth.SecretText(...)` used as the whole auth: one masked field.
 *
 * @example
 * ```ts
 * const openaiAuth: SecretTextAuth<true> = PieceAuth.SecretText({ displayName: 'API Key', required: true });
 * ```
 */
export type SecretTextAuth<R extends boolean = boolean> = SecretTextProperty<R>;

/**
 * Any single auth definition the form understands.
 *
 * @example
 * ```tsx
 * const auths: Record<string, AuthDefinition> = { openai: openaiAuth, jira: jiraAuth };
 * <ConnectionForm auth={auths[pieceName]} onConnect={save} />;
 * ```
 */
export type AuthDefinition =
  | SecretTextProperty<boolean>
  | BasicAuthProperty
  // biome-ignore lint/suspicious/noExplicitAny: any props, so a CustomAuth of every props map fits (see AnyValidate).
  | AnyValidate<CustomAuthProperty<any>>
  | AnyOAuth2;

/**
 * A definition whose `validate` may take any `auth`. Typed pieces built with
 * `@activepieces/pieces-framework` 0.7 and older declare `validate` as `(params: { auth }) => ...`
 * (no `server`) over their own props type; against a props map of `any`, whose value type is an
 * index signature, neither parameter fits the other, so `openai.auth` from piece-openai 0.3.18
 * was refused (TS2322). With `any` as the value the older signature fits; the value type that
 * matters, `ConnectionValue<A>`, is still read from the definition itself.
 */
// biome-ignore lint/suspicious/noExplicitAny: the point of this type (see above): older framework signatures must fit.
type AnyValidate<D> = Omit<D, 'validate'> & { validate?(params: ValidateParams<any>): Promise<ValidationResult> };

/**
 * An OAuth2 definition as any framework version types it: pieces-framework 0.7 and older type
 * `extra` as `Record<string, unknown>` (the authorization URL gets each value as a string).
 */
// biome-ignore lint/suspicious/noExplicitAny: any props, as for CustomAuth above.
type AnyOAuth2 = Omit<AnyValidate<OAuth2Property<any>>, 'extra'> & { extra?: Record<string, unknown> | undefined };

/**
 * What `<ConnectionForm auth>` accepts: one definition, an array of alternatives (the user picks
 * one), or `undefined` (`PieceAuth.None()`).
 *
 * @example
 * ```tsx
 * function ConnectDialog<A extends AuthInput>(props: { auth: A; onSave: (value: ConnectionValue<A>) => void }) {
 *   return <ConnectionForm auth={props.auth} onConnect={props.onSave} />;
 * }
 * <ConnectDialog auth={[slackOAuth2, slackBotToken]} onSave={save} />;
 * ```
 */
export type AuthInput = AuthDefinition | readonly AuthDefinition[] | undefined;

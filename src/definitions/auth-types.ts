import type {
  BOTH_CLIENT_CREDENTIALS_AND_AUTHORIZATION_CODE,
  OAuth2AuthorizationMethod,
  OAuth2GrantType,
} from './property-type';
import type { PropsValue } from './props-value';
import type { CustomAuthProps, OAuth2Props, SecretTextProperty } from './property-types';
import type { ValidateParams, ValidationResult } from './validation';

/** Fields every auth definition shares. */
interface AuthBase<V> {
  displayName: string;
  /** Markdown shown above the fields. */
  description?: string;
  /**
   * Checks the credentials before the connection value is emitted. Method syntax on purpose:
   * its parameter is then compared bivariantly, so a definition typed by Activepieces' builders
   * (whose `auth` is their own props type) still fits `AuthDefinition`.
   */
  validate?(params: ValidateParams<V>): Promise<ValidationResult>;
  /** Type-only slot carrying the value `validate` receives; `undefined` at runtime. */
  valueSchema: V;
}

/** What `validate` receives for a basic auth. */
export interface BasicAuthPropertyValue {
  username: string;
  password: string;
}

/** `PieceAuth.BasicAuth(...)`: a username and a password with labels of the author's choosing. */
export interface BasicAuthProperty extends AuthBase<BasicAuthPropertyValue> {
  type: 'BASIC_AUTH';
  required: true;
  username: { displayName: string; description?: string };
  password: { displayName: string; description?: string };
  defaultValue?: unknown;
}

/** `PieceAuth.CustomAuth(...)`: any number of props. */
export interface CustomAuthProperty<P extends CustomAuthProps> extends AuthBase<PropsValue<P>> {
  type: 'CUSTOM_AUTH';
  required: boolean;
  props: P;
  defaultValue?: unknown;
}

/** What an OAuth2 `validate` receives, as in Activepieces: the token response and the props. */
export interface OAuth2PropertyValue<P extends OAuth2Props = OAuth2Props> {
  access_token: string;
  props?: PropsValue<P>;
  data: Record<string, unknown>;
}

/** `PieceAuth.OAuth2(...)`. */
export interface OAuth2Property<P extends OAuth2Props> extends AuthBase<OAuth2PropertyValue<P>> {
  type: 'OAUTH2';
  required: boolean;
  authUrl: string;
  tokenUrl: string;
  scope: string[];
  props?: P;
  pkce?: boolean;
  pkceMethod?: 'plain' | 'S256';
  authorizationMethod?: OAuth2AuthorizationMethod;
  grantType?: OAuth2GrantType | typeof BOTH_CLIENT_CREDENTIALS_AND_AUTHORIZATION_CODE;
  prompt?: 'none' | 'consent' | 'login' | 'omit';
  extra?: Record<string, string>;
  defaultValue?: unknown;
}

/** `PieceAuth.SecretText(...)` used as the whole auth: one masked field. */
export type SecretTextAuth<R extends boolean = boolean> = SecretTextProperty<R>;

/** Any single auth definition the form understands. */
export type AuthDefinition =
  | SecretTextProperty<boolean>
  | BasicAuthProperty
  | CustomAuthProperty<any>
  | OAuth2Property<any>;

/**
 * What `<ConnectionForm auth>` accepts: one definition, an array of alternatives (the user picks
 * one), or `undefined` (`PieceAuth.None()`).
 */
export type AuthInput = AuthDefinition | readonly AuthDefinition[] | undefined;

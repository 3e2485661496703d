import type { BasicAuthProperty, CustomAuthProperty, OAuth2Property } from './auth-types';
import { DEFAULT_CONNECTION_DISPLAY_NAME, PropertyType } from './property-type';
import type { CustomAuthProps, OAuth2Props, SecretTextProperty } from './property-types';

import { build } from './build';
import type { Req } from './req';

type Request<P> = Omit<P, 'valueSchema' | 'type'>;
type AuthRequest<P> = Omit<P, 'valueSchema' | 'type' | 'displayName'> & { displayName?: string | undefined };

/**
 * Builders for auth definitions, with the same arguments and runtime shape as `PieceAuth` from
 * `@activepieces/pieces-framework`: a definition built here works there and the other way round.
 *
 * @example
 * ```ts
 * const auth = PieceAuth.SecretText({
 *   displayName: 'API Key',
 *   description: 'Find it under **Settings → API**.',
 *   required: true,
 *   validate: async ({ auth }) =>
 *     auth.startsWith('sk-') ? { valid: true } : { valid: false, error: 'Keys start with sk-' },
 * });
 * ```
 */
export const PieceAuth = {
  /** One masked field: an API key or token. The value `validate` receives is the string. */
  SecretText<R extends boolean>(request: Request<SecretTextProperty<R>>): SecretTextProperty<Req<R>> {
    return build(request, PropertyType.SECRET_TEXT);
  },
  /** OAuth2: the props' fields and a Connect button that runs the authorization flow. */
  // biome-ignore lint/complexity/noBannedTypes: `{}` is the framework's own default: no props.
  OAuth2<P extends OAuth2Props = {}>(request: AuthRequest<OAuth2Property<P>>): OAuth2Property<P> {
    return build(request, PropertyType.OAUTH2, { displayName: request.displayName || DEFAULT_CONNECTION_DISPLAY_NAME });
  },
  /** A username and a password; always required, as in Activepieces. */
  BasicAuth(request: Omit<AuthRequest<BasicAuthProperty>, 'required'> & { required?: boolean | undefined }): BasicAuthProperty {
    return build(request, PropertyType.BASIC_AUTH, { displayName: request.displayName || DEFAULT_CONNECTION_DISPLAY_NAME, required: true });
  },
  /** Several props of any input type; `validate` receives the props object. */
  CustomAuth<P extends CustomAuthProps>(request: AuthRequest<CustomAuthProperty<P>>): CustomAuthProperty<P> {
    return build(request, PropertyType.CUSTOM_AUTH, { displayName: request.displayName || DEFAULT_CONNECTION_DISPLAY_NAME });
  },
  /** No auth at all. As in Activepieces this is `undefined`; the form emits `{ type: 'NO_AUTH' }`. */
  None(): undefined {
    return undefined;
  },
};

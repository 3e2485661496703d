import type { AuthInput } from '../definitions/auth-types';
import type { FieldWidgets } from '../fields/field-widget-props';
import type { AuthValue, ConnectionValue, EditedConnectionValue, InitialConnectionValue } from '../definitions/connection-value';
import type { ServerContext, ValidationResult } from '../definitions/validation';
import type { Messages } from '../messages/messages';
import type { TranslateText } from '../definitions/translate-auth';
import type { OAuth2HostConfig } from '../oauth/oauth2-host-config';
import type { ConnectionFormClassNames, ConnectionFormIcons } from '../fields/form-parts';

/**
 * A host's own check, replacing the definition's `validate` (e.g. to check on its server).
 * `V` is the value it checks: {@link ConnectionValue}, or {@link EditedConnectionValue} when
 * editing; `AV` what `auth` holds, with kept secrets as `KEPT_SECRET` when editing.
 *
 * @example
 * ```tsx
 * const validate: HostValidator<typeof awsAuth> = ({ value, signal }) => api.testConnection(value, { signal });
 * <ConnectionForm auth={awsAuth} validate={validate} onConnect={save} />;
 * ```
 */
export type HostValidator<A, V = ConnectionValue<A>, AV = AuthValue<A>> = (params: {
  /** What the definition's `validate` would receive (a kept secret is `KEPT_SECRET`). */
  auth: AV;
  /** The connection value that will be emitted if this answers `{ valid: true }`. */
  value: V;
  server: ServerContext;
  signal: AbortSignal;
}) => Promise<ValidationResult> | ValidationResult;

/**
 * What the form knows about the connection besides its value: `onConnect`'s second argument.
 *
 * @example
 * ```ts
 * const save = (value: ConnectionValue<typeof auth>, { displayName }: ConnectionDetails) => api.save({ value, name: displayName ?? 'Untitled' });
 * ```
 */
export interface ConnectionDetails {
  /** The connection's name, when the form asked for it (`connectionName`). */
  displayName?: string | undefined;
}

/** Options shared by new and edited connections. */
interface CommonOptions {
  /** The host's OAuth2 set-up; needed to connect an OAuth2 definition with the popup flow. */
  oauth2?: OAuth2HostConfig | undefined;
  /** The `server` argument passed to `validate`. Defaults to the page's origin for both URLs. */
  server?: ServerContext | undefined;
  /**
   * How long `validate` may take before the form shows a timeout, in ms. Default 30 000.
   * 0, a negative number, NaN and Infinity mean never; more than 2^31 - 1 (about 24.8 days, the
   * longest a browser timer waits) is clamped to it.
   */
  validateTimeoutMs?: number | undefined;
  /** Disables every control. */
  disabled?: boolean | undefined;
  /** Overrides any of the built-in strings. Pass a stable object (module constant or memoised). */
  messages?: Partial<Messages> | undefined;
  /**
   * Translates the definition's own strings (display names, descriptions, option labels,
   * placeholders) before they are shown; values and `validate` are untouched. Pass a stable
   * function (module constant or memoised). See {@link TranslateText}.
   */
  translate?: TranslateText | undefined;
  /**
   * Asks the user for a name for the connection, prefilled with this string, or with the
   * `defaultConnectionName` (or the definition's `displayName`) when `true`. The name reaches
   * `onConnect` as `details.displayName`.
   */
  connectionName?: boolean | string | undefined;
  /**
   * What `connectionName: true` prefills, e.g. the piece's name ("Slack"). Without it the
   * definition's `displayName`, unless that is Activepieces' generic "Connection", which tells
   * the user nothing about the service; then "Connection" is all there is.
   */
  defaultConnectionName?: string | undefined;
}

/**
 * What `onConnect` may answer: nothing (saved), or the server's verdict on the connection.
 * `{ valid: false, error }` shows `error` as the connection's error and keeps the form filled.
 *
 * @example
 * ```ts
 * const save = async (value: ConnectionValue<typeof auth>): Promise<ConnectResult> => {
 *   const res = await fetch('/api/connections', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) });
 *   if (res.status === 422) return { valid: false, error: (await res.json()).message };
 *   if (!res.ok) throw new Error(`The server answered ${res.status}.`);
 * };
 * ```
 */
export type ConnectResult =
  // biome-ignore lint/suspicious/noConfusingVoidType: what an onConnect that answers nothing returns (`async () => {}` is Promise<void>, which `undefined` would refuse).
  void | ValidationResult;

/**
 * What `onConnect` receives: a {@link ConnectionValue} for a new connection, an
 * {@link EditedConnectionValue} (kept secrets marked) when the form edits `initialValue`.
 *
 * @example
 * ```ts
 * // A handler written apart from the JSX, typed like the one inline.
 * const save = (value: EmittedValue<typeof apiKey, undefined>) => api.save(value.secret_text);
 * ```
 */
export type EmittedValue<A, I> = [I] extends [undefined] ? ConnectionValue<A> : EditedConnectionValue<A>;

/** The `auth` of an edited value: the secret, `{ username, password }` or the props. */
type AuthOfEdited<V> = V extends { type: 'SECRET_TEXT'; secret_text: infer S }
  ? S
  : V extends { type: 'BASIC_AUTH'; username: infer U; password: infer P }
    ? { username: U; password: P }
    : V extends { type: 'CUSTOM_AUTH'; props: infer P }
      ? P
      : never;

/** What `validate` receives as `auth` when editing: {@link AuthValue}, kept secrets marked. */
type EditedAuthValue<A> = A extends readonly (infer E)[]
  ? EditedAuthValue<E>
  : EditedConnectionValue<A> extends { type: 'SECRET_TEXT' | 'BASIC_AUTH' | 'CUSTOM_AUTH' }
    ? AuthOfEdited<EditedConnectionValue<A>>
    : AuthValue<A>;

/** What the host's `validate` receives as `auth`: kept secrets marked when editing. */
type EmittedAuth<A, I> = [I] extends [undefined] ? AuthValue<A> : EditedAuthValue<A>;

/**
 * Options of {@link useConnectionForm}; also props of {@link ConnectionForm}. `I`, inferred from
 * `initialValue`, tells a new connection from an edited one; leave both type parameters to
 * inference.
 *
 * @example
 * ```ts
 * const options: ConnectionFormOptions<typeof openaiAuth> = {
 *   onConnect: (value, { displayName }) => save({ name: displayName, apiKey: value.secret_text }),
 *   connectionName: true,
 *   validateTimeoutMs: 10_000,
 * };
 * const cf = useConnectionForm(openaiAuth, options);
 * ```
 */
export interface ConnectionFormOptions<A extends AuthInput, I extends InitialConnectionValue<A> | undefined = undefined>
  extends CommonOptions {
  /**
   * A saved connection to edit (see {@link InitialConnectionValue}); leave out for a new one.
   * Its non-secret parts prefill the form; a secret given as `KEPT_SECRET` (or as a string)
   * shows as saved, kept unless the user types a new one. `type` picks the method of an array
   * of auths. Read when the form mounts: remount it (a React `key`) to edit another connection.
   */
  initialValue?: I | undefined;
  /**
   * Receives the connection value once the schema and `validate` passed, once per successful
   * submit. Return a promise to keep the form busy while the host saves; a rejection shows as a
   * retryable error. A server that checks the connection as it stores it (the piece's own
   * `validate` in `connection-kit/server`) answers a refusal with `{ valid: false, error }`:
   * return that and the form shows it as the connection's error, exactly like `validate`'s, and
   * stays filled. When editing, a secret the user did not retype is `KEPT_SECRET` (or the
   * string given in `initialValue`); the definition's `validate` is then not run in the browser
   * (it cannot check a secret it never saw): check on the server, or pass `validate`.
   */
  onConnect: (value: EmittedValue<A, NoInfer<I>>, details: ConnectionDetails) => ConnectResult | Promise<ConnectResult>;
  /** Replaces the definition's `validate`; runs even while secrets are kept. */
  validate?: HostValidator<A, EmittedValue<A, NoInfer<I>>, EmittedAuth<A, NoInfer<I>>> | undefined;
}

/**
 * Props of {@link ConnectionForm}: its options, plus the definition and how to render it.
 *
 * @example
 * ```tsx
 * function OpenAIConnection(props: Omit<ConnectionFormProps<typeof openaiAuth>, 'auth'>) {
 *   return <ConnectionForm auth={openaiAuth} {...props} />;
 * }
 * <OpenAIConnection onConnect={(value) => save(value.secret_text)} className="card" />;
 * ```
 */
export type ConnectionFormProps<A extends AuthInput, I extends InitialConnectionValue<A> | undefined = undefined> = ConnectionFormOptions<
  A,
  I
> &
  ConnectionFormRenderProps<A>;

/**
 * What {@link ConnectionForm} takes besides {@link ConnectionFormOptions}.
 *
 * @example
 * ```tsx
 * // A wrapper that fixes the widgets and passes the rest through.
 * function BrandedForm<A extends AuthInput>(props: ConnectionFormOptions<A> & Pick<ConnectionFormRenderProps<A>, 'auth'>) {
 *   return <ConnectionForm {...props} components={{ STATIC_DROPDOWN: BrandSelect }} />;
 * }
 * ```
 */
export interface ConnectionFormRenderProps<A extends AuthInput> {
  /**
   * The piece's auth: one definition, an array of alternatives (the user picks one) or
   * `undefined` / `PieceAuth.None()`.
   */
  auth: A;
  /**
   * Replaces the widget of any property type, e.g. your design system's select for
   * `STATIC_DROPDOWN`. A widget gets the field, the form's `control`, the control `id` its label
   * must point to, `describedBy`, `invalid` and the messages.
   */
  components?: Partial<FieldWidgets> | undefined;
  /** Extra class on the root element. */
  className?: string | undefined;
  /**
   * Extra classes per part of the form (see {@link ConnectionFormPart}), added after the kit's
   * own `ck-*` classes: `{ input: 'h-9 rounded-md', 'select-content': 'shadow-md' }`. Every part
   * also carries `data-slot="<part>"`. Pass a stable object (module constant or memoised).
   */
  classNames?: ConnectionFormClassNames | undefined;
  /** Replaces the glyphs the form draws (the dropdown's ▾ and ✓, the checkbox mark); see {@link ConnectionFormIcons}. */
  icons?: ConnectionFormIcons | undefined;
  /** Text direction; by default the page's (the nearest `dir` attribute above the form). */
  dir?: 'ltr' | 'rtl' | undefined;
  /**
   * Where dropdowns render their listbox. By default the nearest `<dialog>` around the form (a
   * modal one sits in the top layer, above anything on `<body>`), else `<body>`. Pass your modal's
   * content element when it is not a `<dialog>` but still traps the pointer or stacks above the page.
   */
  portalContainer?: HTMLElement | null | undefined;
}

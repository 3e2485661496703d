import type { MarkdownVariant } from './property-type';
import type { ValidateParams, ValidationResult } from './validation';

/**
 * Fields every property shares. `valueSchema` is a type-only slot, always `undefined` at runtime:
 * it carries the value type so {@link PropsValue} can read it back (the trick Activepieces and zod
 * use), which is also how definitions built with the real Activepieces builders get typed.
 *
 * @example
 * ```ts
 * const label = (prop: PropertyBase<unknown, string, boolean>) => (prop.required ? `${prop.displayName} *` : prop.displayName);
 * ```
 */
export interface PropertyBase<V, T extends string, R extends boolean> {
  displayName: string;
  /** Markdown help shown under the control. */
  description?: string | undefined;
  required: R;
  type: T;
  valueSchema: V;
}

/**
 * A single-line text input.
 *
 * @example
 * ```ts
 * const host: ShortTextProperty<true> = Property.ShortText({ displayName: 'Host', required: true, defaultValue: 'localhost' });
 * ```
 */
export interface ShortTextProperty<R extends boolean> extends PropertyBase<string, 'SHORT_TEXT', R> {
  defaultValue?: string | undefined;
}

/**
 * A multi-line text input.
 *
 * @example
 * ```ts
 * const cert: LongTextProperty<false> = Property.LongText({
 *   displayName: 'CA certificate',
 *   description: 'PEM, with its `BEGIN` and `END` lines.',
 *   required: false,
 * });
 * ```
 */
export interface LongTextProperty<R extends boolean> extends PropertyBase<string, 'LONG_TEXT', R> {
  defaultValue?: string | undefined;
}

/**
 * A number input; its value is emitted as a `number`.
 *
 * @example
 * ```ts
 * const port: NumberProperty<false> = Property.Number({ displayName: 'Port', required: false, defaultValue: 5432 });
 * ```
 */
export interface NumberProperty<R extends boolean> extends PropertyBase<number, 'NUMBER', R> {
  defaultValue?: number | undefined;
}

/**
 * A checkbox; its value is emitted as a `boolean`.
 *
 * @example
 * ```ts
 * const ssl: CheckboxProperty<false> = Property.Checkbox({ displayName: 'Use SSL', required: false, defaultValue: true });
 * ```
 */
export interface CheckboxProperty<R extends boolean> extends PropertyBase<boolean, 'CHECKBOX', R> {
  defaultValue?: boolean | undefined;
}

/**
 * One choice of a dropdown. Values may be any JSON value and may repeat (real pieces do both).
 *
 * @example
 * ```ts
 * const regions: DropdownOption<string>[] = [
 *   { label: 'EU (Ireland)', value: 'eu-west-1' },
 *   { label: 'US East (N. Virginia)', value: 'us-east-1' },
 * ];
 * ```
 */
export interface DropdownOption<T> {
  label: string;
  value: T;
}

/**
 * The `options` object of a static dropdown, as in Activepieces.
 *
 * @example
 * ```ts
 * const options: DropdownState<string> = { options: regions, placeholder: 'Choose a region' };
 * const region = Property.StaticDropdown({ displayName: 'Region', required: true, options });
 * ```
 */
export interface DropdownState<T> {
  options: DropdownOption<T>[];
  placeholder?: string | undefined;
  disabled?: boolean | undefined;
}

/**
 * A single choice from a fixed list.
 *
 * @example
 * ```ts
 * const region: StaticDropdownProperty<'eu' | 'us', true> = Property.StaticDropdown({
 *   displayName: 'Region',
 *   required: true,
 *   options: { options: [{ label: 'EU', value: 'eu' }, { label: 'US', value: 'us' }] },
 * });
 * ```
 */
export interface StaticDropdownProperty<T, R extends boolean> extends PropertyBase<T, 'STATIC_DROPDOWN', R> {
  options: DropdownState<T>;
  defaultValue?: T | undefined;
}

/**
 * Any number of choices from a fixed list; emitted as an array.
 *
 * @example
 * ```ts
 * const permissions: StaticMultiSelectDropdownProperty<'read' | 'write', false> = Property.StaticMultiSelectDropdown({
 *   displayName: 'Permissions',
 *   required: false,
 *   options: { options: [{ label: 'Read', value: 'read' }, { label: 'Write', value: 'write' }] },
 *   defaultValue: ['read'],
 * });
 * ```
 */
export interface StaticMultiSelectDropdownProperty<T, R extends boolean> extends PropertyBase<T[], 'STATIC_MULTI_SELECT_DROPDOWN', R> {
  options: DropdownState<T>;
  defaultValue?: T[] | undefined;
}

/**
 * A read-only note (markdown in `description`); it has no value.
 *
 * @example
 * ```ts
 * const help: MarkDownProperty = Property.MarkDown({ value: '1. Open **Settings → API**\n2. Create a key' });
 * ```
 */
export interface MarkDownProperty extends PropertyBase<undefined, 'MARKDOWN', false> {
  description: string;
  variant?: MarkdownVariant | undefined;
  defaultValue?: unknown | undefined;
}

/**
 * A masked input. Used both as a prop and as an auth definition on its own.
 *
 * @example
 * ```ts
 * const password: SecretTextProperty<true> = PieceAuth.SecretText({ displayName: 'Password', required: true });
 * const dbAuth = PieceAuth.CustomAuth({ required: true, props: { password } });
 * ```
 */
export interface SecretTextProperty<R extends boolean> extends PropertyBase<string, 'SECRET_TEXT', R> {
  /** `unknown`, as Activepieces types it, so definitions move between the two unchanged. */
  defaultValue?: unknown | undefined;
  /** Only meaningful when used as an auth definition: checks the secret before it is emitted. */
  validate?(params: ValidateParams<string>): Promise<ValidationResult>;
}

/**
 * Any property allowed inside `PieceAuth.CustomAuth({ props })`.
 *
 * @example
 * ```ts
 * const isSecret = (prop: CustomAuthProp) => prop.type === 'SECRET_TEXT';
 * ```
 */
export type CustomAuthProp =
  | ShortTextProperty<boolean>
  | LongTextProperty<boolean>
  | SecretTextProperty<boolean>
  | NumberProperty<boolean>
  | StaticDropdownProperty<unknown, boolean>
  | CheckboxProperty<boolean>
  | MarkDownProperty
  | StaticMultiSelectDropdownProperty<unknown, boolean>;

/**
 * The `props` map of a custom auth.
 *
 * @example
 * ```ts
 * const secretKeys = (props: CustomAuthProps) => Object.keys(props).filter((key) => props[key]?.type === 'SECRET_TEXT');
 * secretKeys(awsAuth.props); // ['secretAccessKey']
 * ```
 */
export type CustomAuthProps = Record<string, CustomAuthProp>;

/**
 * Any property allowed inside `PieceAuth.OAuth2({ props })`.
 *
 * @example
 * ```ts
 * const subdomain: OAuth2Prop = Property.ShortText({ displayName: 'Subdomain', required: true });
 * ```
 */
export type OAuth2Prop = ShortTextProperty<boolean> | SecretTextProperty<boolean> | StaticDropdownProperty<unknown, boolean>;

/**
 * The `props` map of an OAuth2 auth.
 *
 * @example
 * ```ts
 * const props = { subdomain: Property.ShortText({ displayName: 'Subdomain', required: true }) } satisfies OAuth2Props;
 * const zendeskAuth = PieceAuth.OAuth2({
 *   authUrl: 'https://{subdomain}.zendesk.com/oauth/authorizations/new', // {subdomain} filled from the prop
 *   tokenUrl: 'https://{subdomain}.zendesk.com/oauth/tokens',
 *   required: true,
 *   scope: ['read'],
 *   props,
 * });
 * ```
 */
export type OAuth2Props = Record<string, OAuth2Prop>;

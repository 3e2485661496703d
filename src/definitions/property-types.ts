import type { MarkdownVariant } from './property-type';
import type { ValidateParams, ValidationResult } from './validation';

/**
 * Fields every property shares. `valueSchema` is a type-only slot, always `undefined` at runtime:
 * it carries the value type so {@link PropsValue} can read it back (the trick Activepieces and zod
 * use), which is also how definitions built with the real Activepieces builders get typed.
 */
export interface PropertyBase<V, T extends string, R extends boolean> {
  displayName: string;
  /** Markdown help shown under the control. */
  description?: string;
  required: R;
  type: T;
  valueSchema: V;
}

/** A single-line text input. */
export interface ShortTextProperty<R extends boolean> extends PropertyBase<string, 'SHORT_TEXT', R> {
  defaultValue?: string;
}

/** A multi-line text input. */
export interface LongTextProperty<R extends boolean> extends PropertyBase<string, 'LONG_TEXT', R> {
  defaultValue?: string;
}

/** A number input; its value is emitted as a `number`. */
export interface NumberProperty<R extends boolean> extends PropertyBase<number, 'NUMBER', R> {
  defaultValue?: number;
}

/** A checkbox; its value is emitted as a `boolean`. */
export interface CheckboxProperty<R extends boolean> extends PropertyBase<boolean, 'CHECKBOX', R> {
  defaultValue?: boolean;
}

/** One choice of a dropdown. Values may be any JSON value and may repeat (real pieces do both). */
export interface DropdownOption<T> {
  label: string;
  value: T;
}

/** The `options` object of a static dropdown, as in Activepieces. */
export interface DropdownState<T> {
  options: DropdownOption<T>[];
  placeholder?: string;
  disabled?: boolean;
}

/** A single choice from a fixed list. */
export interface StaticDropdownProperty<T, R extends boolean>
  extends PropertyBase<T, 'STATIC_DROPDOWN', R> {
  options: DropdownState<T>;
  defaultValue?: T;
}

/** Any number of choices from a fixed list; emitted as an array. */
export interface StaticMultiSelectDropdownProperty<T, R extends boolean>
  extends PropertyBase<T[], 'STATIC_MULTI_SELECT_DROPDOWN', R> {
  options: DropdownState<T>;
  defaultValue?: T[];
}

/** A read-only note (markdown in `description`); it has no value. */
export interface MarkDownProperty extends PropertyBase<undefined, 'MARKDOWN', false> {
  description: string;
  variant?: MarkdownVariant;
  defaultValue?: unknown;
}

/** A masked input. Used both as a prop and as an auth definition on its own. */
export interface SecretTextProperty<R extends boolean> extends PropertyBase<string, 'SECRET_TEXT', R> {
  /** `unknown`, as Activepieces types it, so definitions move between the two unchanged. */
  defaultValue?: unknown;
  /** Only meaningful when used as an auth definition: checks the secret before it is emitted. */
  validate?(params: ValidateParams<string>): Promise<ValidationResult>;
}

/** Any property allowed inside `PieceAuth.CustomAuth({ props })`. */
export type CustomAuthProp =
  | ShortTextProperty<boolean>
  | LongTextProperty<boolean>
  | SecretTextProperty<boolean>
  | NumberProperty<boolean>
  | StaticDropdownProperty<unknown, boolean>
  | CheckboxProperty<boolean>
  | MarkDownProperty
  | StaticMultiSelectDropdownProperty<unknown, boolean>;

/** The `props` map of a custom auth. */
export type CustomAuthProps = Record<string, CustomAuthProp>;

/** Any property allowed inside `PieceAuth.OAuth2({ props })`. */
export type OAuth2Prop =
  | ShortTextProperty<boolean>
  | SecretTextProperty<boolean>
  | StaticDropdownProperty<unknown, boolean>;

/** The `props` map of an OAuth2 auth. */
export type OAuth2Props = Record<string, OAuth2Prop>;

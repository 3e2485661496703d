import type { InputPropertyType } from '../definitions/property-type';
import type { DropdownOption } from '../definitions/property-types';
import { KIT_FIELD_NAMES, type KitField } from './kit-fields';

/** What every field has, whatever its type. */
interface FieldBase {
  /** The react-hook-form field name: the prop key when it is a plain identifier. */
  name: string;
  /** Where the value goes in the emitted props (or `secret_text`, `username`, `password`). */
  key: string;
  label: string;
  description?: string | undefined;
  required: boolean;
  /** The property definition as the author wrote it. */
  property: Readonly<Record<string, unknown>>;
  /** Set on the kit's own fields, which are not props: OAuth2 client fields, connection name. */
  internal?: KitField | undefined;
  /**
   * A secret saved with the connection being edited. The control starts empty and is not
   * required: left empty, the secret is kept (emitted as `KEPT_SECRET`).
   */
  saved?: boolean | undefined;
}

/** A dropdown's options, read once from the definition (which may leave parts out). */
interface DropdownParts {
  /** The options in order; their index, as a string, is what the control holds. */
  options: DropdownOption<unknown>[];
  placeholder?: string | undefined;
  disabled: boolean;
}

/** What each field type adds to {@link FieldBase}: one row per type, like `PROPERTY_SCHEMAS`. */
interface FieldParts {
  SHORT_TEXT: object;
  LONG_TEXT: object;
  SECRET_TEXT: object;
  NUMBER: object;
  CHECKBOX: object;
  STATIC_DROPDOWN: DropdownParts;
  STATIC_MULTI_SELECT_DROPDOWN: DropdownParts;
  /** The note's style: INFO, WARNING, TIP or BORDERLESS (its text is `description`). */
  MARKDOWN: { variant: string };
  /** A property type the kit has no control for, as the definition names it. */
  UNSUPPORTED: { rawType: string };
}

/**
 * A field's `type`: a property type the kit renders, or `UNSUPPORTED`.
 *
 * @example
 * ```ts
 * const types: FieldType[] = describeFields(awsAuth).map((field) => field.type); // ['SHORT_TEXT', 'SECRET_TEXT', 'STATIC_DROPDOWN']
 * ```
 */
export type FieldType = keyof FieldParts;

/**
 * The field model of one type (distributes over a union of types): a dropdown's carries its
 * `options`, a note its `variant`, an unsupported field the `rawType` its definition named.
 *
 * @example
 * ```ts
 * function optionLabels(field: FieldModelOf<'STATIC_DROPDOWN'>): string[] {
 *   return field.options.map((option) => option.label);
 * }
 * ```
 */
export type FieldModelOf<T extends FieldType> = T extends FieldType ? FieldBase & { type: T } & FieldParts[T] : never;

/**
 * One entry of a form: a control (or a markdown note) derived from a property definition,
 * normalised once, discriminated by `type`.
 *
 * @example
 * ```tsx
 * function Choice({ field }: { field: FieldModel }) {
 *   // Narrowed by type: a dropdown's options are there, already checked.
 *   if (field.type !== 'STATIC_DROPDOWN') return null;
 *   return <ul>{field.options.map((o, i) => <li key={i}>{o.label}</li>)}</ul>;
 * }
 * ```
 */
export type FieldModel = FieldModelOf<FieldType>;

const INPUT_TYPES = new Set<string>([
  'SHORT_TEXT',
  'LONG_TEXT',
  'SECRET_TEXT',
  'NUMBER',
  'CHECKBOX',
  'STATIC_DROPDOWN',
  'STATIC_MULTI_SELECT_DROPDOWN',
  'MARKDOWN',
] satisfies InputPropertyType[]);

/** A dropdown property's `options` object, tolerating definitions that leave parts out. */
function dropdownParts(property: Readonly<Record<string, unknown>>): DropdownParts {
  const state = (property.options ?? {}) as { options?: unknown; placeholder?: unknown; disabled?: unknown };
  return {
    options: Array.isArray(state.options)
      ? (state.options as unknown[]).filter((o): o is DropdownOption<unknown> => typeof o === 'object' && o !== null)
      : [],
    placeholder: typeof state.placeholder === 'string' ? state.placeholder : undefined,
    disabled: state.disabled === true,
  };
}

/** The type-specific parts of a field for a property, normalised. */
function fieldParts(
  property: Readonly<Record<string, unknown>>,
): { type: FieldType } & Partial<DropdownParts & { variant: string; rawType: string }> {
  const type = String(property.type);
  if (!INPUT_TYPES.has(type)) return { type: 'UNSUPPORTED', rawType: type };
  if (type === 'STATIC_DROPDOWN' || type === 'STATIC_MULTI_SELECT_DROPDOWN') return { type, ...dropdownParts(property) };
  if (type === 'MARKDOWN') return { type, variant: typeof property.variant === 'string' ? property.variant : 'INFO' };
  return { type: type as FieldType };
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
// Keys react-hook-form refuses to register (and that would reach prototypes).
const RESERVED = new Set<string>(['__proto__', 'constructor', 'prototype']);
// And the kit's own field names: a prop keyed `__client_secret` must not share a control with it.
// Read on use: a call at module level (Object.values) would stay in every bundle of this module.
const usable = (key: string) => IDENTIFIER.test(key) && !RESERVED.has(key) && !Object.values<string>(KIT_FIELD_NAMES).includes(key);

/** A string from the author, or the fallback: a non-string must never reach React as a child. */
function text(value: unknown, fallback: string): string {
  return typeof value === 'string' && value !== '' ? value : fallback;
}

/**
 * What a field reads from the property the author wrote, the same for every kind of auth: its
 * label (`fallback` when there is none), its help text and the property itself.
 */
export function authoredParts(
  property: Readonly<Record<string, unknown>>,
  fallback: string,
): Pick<FieldBase, 'label' | 'description' | 'property'> {
  return {
    label: text(property.displayName, fallback),
    description: typeof property.description === 'string' ? property.description : undefined,
    property,
  };
}

/** A react-hook-form name for each key: the key itself when it is a plain identifier. */
function fieldNames(keys: string[]): string[] {
  // Keys with dots or brackets would be read as paths by react-hook-form; their stand-ins must
  // not collide with another key.
  const taken = new Set(keys.filter(usable));
  return keys.map((key, index) => {
    if (usable(key)) return key;
    let name = `__field${index}`;
    while (taken.has(name)) name = `_${name}`;
    taken.add(name);
    return name;
  });
}

/** The fields of a Custom or OAuth2 auth's `props`, in order. */
export function fromProps(props: Record<string, unknown> | undefined): FieldModel[] {
  const entries = Object.entries(props ?? {});
  const names = fieldNames(entries.map(([key]) => key));
  return entries.map(([key, raw], index) => {
    const property = (raw ?? {}) as Record<string, unknown>;
    // Built from parts that `fieldParts` matched to the type: the union cannot see that.
    return {
      name: names[index]!,
      key,
      ...authoredParts(property, key),
      required: property.required === true,
      ...fieldParts(property),
    } as FieldModel;
  });
}

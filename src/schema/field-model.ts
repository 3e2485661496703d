import { KIT_FIELD_NAMES, type KitField } from './kit-fields';

/**
 * One entry of a form: a control (or a markdown note) derived from a property definition.
 *
 * @example
 * ```tsx
 * function MyTextField({ field, control }: { field: FieldModel; control: Control<FormValues> }) {
 *   // Registered, not controlled: a secret must never land in the input's value attribute.
 *   return (
 *     <label>
 *       {field.label}
 *       <input type={field.type === 'SECRET_TEXT' ? 'password' : 'text'} required={field.required} {...control.register(field.name)} />
 *     </label>
 *   );
 * }
 * ```
 */
export interface FieldModel {
  /** The react-hook-form field name: the prop key when it is a plain identifier. */
  name: string;
  /** Where the value goes in the emitted props (or `secret_text`, `username`, `password`). */
  key: string;
  /** The property's `type` tag, which may be one the kit does not support. */
  type: string;
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

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
// Keys react-hook-form refuses to register (and that would reach prototypes).
// And the kit's own field names: a prop keyed `__client_secret` must not share a control with it.
const RESERVED = new Set<string>(['__proto__', 'constructor', 'prototype', ...Object.values(KIT_FIELD_NAMES)]);
const usable = (key: string) => IDENTIFIER.test(key) && !RESERVED.has(key);

/** A string from the author, or the fallback: a non-string must never reach React as a child. */
export function text(value: unknown, fallback: string): string {
  return typeof value === 'string' && value !== '' ? value : fallback;
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
    return {
      name: names[index]!,
      key,
      type: String(property.type),
      label: text(property.displayName, key),
      description: typeof property.description === 'string' ? property.description : undefined,
      required: property.required === true,
      property,
    };
  });
}

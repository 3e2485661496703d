import * as z from 'zod/mini';
import type { Messages } from '../messages/messages';
import type { FieldModel, FieldModelOf, FieldType } from './field-model';
import { KEPT_SECRET } from '../definitions/kept-secret';
import { sameValue } from './same-value';

/** How one property type maps to schemas and form defaults (`F`: the fields of that type). */
export interface PropertySchemaEntry<F extends FieldModel = FieldModel> {
  /** The raw form value (what the control holds) to the emitted value; `undefined` when empty. */
  form: (field: F, messages: Messages) => z.ZodMiniType;
  /** Checks an emitted value, e.g. on the host's server. */
  value: (field: F, messages: Messages) => z.ZodMiniType;
  /**
   * The control's raw value for `value` (an emitted value, e.g. the definition's `defaultValue`
   * or the prop of a connection being edited); the empty control's value when it does not fit.
   */
  raw: (field: F, value: unknown) => unknown;
}

/** The control's initial raw value: the definition's `defaultValue`, or empty. */
export const defaultRaw = (field: FieldModel) => schemaEntryFor(field.type).raw(field, field.property.defaultValue);

const notBlank = (v: string) => v.trim() !== '';

type Dropdown = FieldModelOf<'STATIC_DROPDOWN' | 'STATIC_MULTI_SELECT_DROPDOWN'>;

/** Index of the option whose value equals `value`, as the control's raw value. */
function optionKey(field: Dropdown, value: unknown): string {
  const index = field.options.findIndex((o) => sameValue(o.value, value));
  return index < 0 ? '' : String(index);
}

function isOption(field: Dropdown, value: unknown): boolean {
  return field.options.some((o) => sameValue(o.value, value));
}

// Every optional text field can share one schema: nothing in it depends on the field.
let optionalText: z.ZodMiniType | undefined;
const blankIsEmpty = () => {
  optionalText ??= z.pipe(
    z.string(),
    z.transform((v) => (notBlank(v) ? v : undefined)),
  );
  return optionalText;
};
const text: PropertySchemaEntry = {
  form: (f, m) =>
    !f.required
      ? blankIsEmpty()
      : z.pipe(
          z.string().check(z.refine((v) => !f.required || notBlank(v), m.required(f.label))),
          // Blank is empty: an optional field holding only spaces is left out, not emitted.
          z.transform((v) => (notBlank(v) ? v : undefined)),
        ),
  value: (f, m) => {
    const s = z.string().check(z.refine(notBlank, m.required(f.label)));
    return f.required ? s : z.optional(s);
  },
  raw: (_, v) => (typeof v === 'string' ? v : ''),
};

// A secret is text, except that a secret saved with the connection being edited may be left
// empty: empty then means "keep it", emitted as the KEPT_SECRET marker.
let keptOrText: z.ZodMiniType | undefined;
const emptyIsKept = () => {
  keptOrText ??= z.pipe(
    z.string(),
    z.transform((v) => (notBlank(v) ? v : KEPT_SECRET)),
  );
  return keptOrText;
};
const secret: PropertySchemaEntry = {
  ...text,
  form: (f, m) => (f.saved ? emptyIsKept() : text.form(f, m)),
};

// Dropdown controls hold the option's index, not its value: values may repeat, and may be
// numbers, booleans or objects, none of which a listbox option value can carry faithfully.
const dropdown: PropertySchemaEntry<Dropdown> = {
  form: (f, m) =>
    z.pipe(
      // A raw value is an option's index: anything else (a host's own widget passing the value
      // itself, say) is no choice at all, reported rather than dropped.
      z.string().check(z.refine((v) => (v === '' ? !f.required : /^\d+$/.test(v) && Number(v) < f.options.length), m.chooseOne(f.label))),
      z.transform((v) => (v === '' ? undefined : f.options[Number(v)]?.value)),
    ),
  value: (f, m) => {
    const s = z.custom((v) => isOption(f, v), m.chooseOne(f.label));
    return f.required ? s : z.optional(s);
  },
  raw: optionKey,
};

/** The kit's schema and defaults for each property type it renders a control for. */
const PROPERTY_SCHEMAS = {
  SHORT_TEXT: text,
  LONG_TEXT: text,
  SECRET_TEXT: secret,
  NUMBER: {
    form: (f, m) =>
      z.pipe(
        z.string().check(
          z.refine((v) => !f.required || notBlank(v), m.required(f.label)),
          z.refine((v) => !notBlank(v) || Number.isFinite(Number(v)), m.notANumber(f.label)),
        ),
        z.transform((v) => (notBlank(v) ? Number(v) : undefined)),
      ),
    value: (f, m) => {
      const s = z.number(m.notANumber(f.label)).check(z.refine(Number.isFinite, m.notANumber(f.label)));
      return f.required ? s : z.optional(s);
    },
    raw: (_, v) => (typeof v === 'number' && Number.isFinite(v) ? String(v) : ''),
  },
  CHECKBOX: {
    // A required checkbox needs a value, and unchecked (`false`) is one, as in Activepieces.
    form: () => z.boolean(),
    value: (f) => (f.required ? z.boolean() : z.optional(z.boolean())),
    raw: (_, v) => v === true,
  },
  STATIC_DROPDOWN: dropdown,
  STATIC_MULTI_SELECT_DROPDOWN: {
    form: (f, m) =>
      z.pipe(
        z.array(z.string()).check(z.refine((v) => !f.required || v.length > 0, m.chooseAtLeastOne(f.label))),
        z.transform((keys) => {
          const values = keys.map((k) => f.options[Number(k)]?.value);
          return values.length ? values : undefined;
        }),
      ),
    value: (f, m) => {
      const s = z
        .array(z.custom((v) => isOption(f, v), m.chooseOne(f.label)))
        .check(z.refine((v) => !f.required || v.length > 0, m.chooseAtLeastOne(f.label)));
      return f.required ? s : z.optional(s);
    },
    raw: (f, v) => (Array.isArray(v) ? v.map((one) => optionKey(f, one)).filter((k) => k !== '') : []),
  },
  MARKDOWN: {
    form: () => z.optional(z.unknown()),
    value: () => z.optional(z.unknown()),
    raw: () => undefined,
  },
  // A property type the kit has no control for: fine when optional, an error when required.
  UNSUPPORTED: {
    form: (f, m) =>
      z.pipe(
        z.unknown().check(z.refine(() => !f.required, m.unsupportedType(f.rawType, f.label))),
        z.transform(() => undefined),
      ),
    value: (f) => (f.required ? z.unknown() : z.optional(z.unknown())),
    raw: () => undefined,
  },
} satisfies { [T in FieldType]: PropertySchemaEntry<FieldModelOf<T>> };

/** The table entry for a field's type. */
export function schemaEntryFor<T extends FieldType>(type: T): PropertySchemaEntry<FieldModelOf<T>> {
  // Each entry takes the fields of its own type, and `type` is that of the field it is used for.
  return PROPERTY_SCHEMAS[type] as unknown as PropertySchemaEntry<FieldModelOf<T>>;
}

// fast-check arbitraries for auth definitions: valid ones of every supported shape, and the
// values their connection schema must accept or refuse.
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';

export type Prop = Record<string, unknown> & { type: string; displayName: string; required: boolean };
export type Def = Record<string, unknown> & { type: string };

/**
 * A label as Testing Library computes the accessible name (dom-accessibility-api's asFlatString):
 * trimmed, and only runs of two or more whitespace characters collapse to one space; a single
 * one other than a space (U+3000, a newline) stays as it is.
 */
export const normalize = (s: string) => s.trim().replace(/\s\s+/g, ' ');

/** Any text a piece author might write as a label: any script, emoji, punctuation; never blank. */
export const labelArb = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 16 }).filter((s) => normalize(s) !== '');

/** Prop keys: mostly identifiers, sometimes keys that are not (`api-key`, `a.b`, `x[0]`). */
// Keys naming Object.prototype members: reserved-prop-keys.test.tsx covers them on their own.
const RESERVED = new Set(['__proto__', 'constructor', 'prototype', ...Object.getOwnPropertyNames(Object.prototype)]);

const keyArb = fc
  .oneof(
    { weight: 6, arbitrary: fc.stringMatching(/^[A-Za-z_$][\w$]{0,10}$/) },
    { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 8 }) },
    { weight: 1, arbitrary: fc.constantFrom('a.b', 'x[0]', 'api-key', '0', 'with space') },
  )
  .filter((k) => !RESERVED.has(k));

const optionValueArb = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.jsonValue({ maxDepth: 2 }));

const optionsArb = (minLength: number) => fc.array(fc.record({ label: labelArb, value: optionValueArb }), { minLength, maxLength: 5 });

const base = (type: string) => fc.record({ type: fc.constant(type), displayName: labelArb, required: fc.boolean() });
const withOptionalDescription = { description: fc.string({ maxLength: 40 }) };

const textLike = (type: string) =>
  fc
    .tuple(base(type), fc.record({ ...withOptionalDescription, defaultValue: fc.string({ maxLength: 10 }) }, { requiredKeys: [] }))
    .map(([b, extra]) => ({ ...b, ...extra }));

const numberProp = fc
  .tuple(base('NUMBER'), fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: undefined }))
  .map(([b, d]) => (d === undefined ? b : { ...b, defaultValue: d }));

const checkboxProp = fc
  .tuple(base('CHECKBOX'), fc.option(fc.boolean(), { nil: undefined }))
  .map(([b, d]) => (d === undefined ? b : { ...b, defaultValue: d }));

/** A dropdown; a required one has options, an optional one may have none. Defaults are option values. */
const dropdownProp = (multi: boolean) =>
  base(multi ? 'STATIC_MULTI_SELECT_DROPDOWN' : 'STATIC_DROPDOWN').chain((b) =>
    optionsArb(b.required ? 1 : 0).chain((options) =>
      fc
        .record({
          placeholder: fc.option(fc.string({ maxLength: 10 }), { nil: undefined }),
          pick: options.length
            ? fc.option(
                fc.subarray(
                  options.map((_, i) => i),
                  { minLength: 1 },
                ),
                { nil: undefined },
              )
            : fc.constant(undefined),
        })
        .map(({ placeholder, pick }) => {
          const prop: Prop = { ...b, options: placeholder === undefined ? { options } : { options, placeholder } };
          if (pick) prop.defaultValue = multi ? pick.map((i) => options[i]!.value) : options[pick[0]!]!.value;
          return prop;
        }),
    ),
  );

const markdownProp = fc
  .record({ description: fc.string({ minLength: 1, maxLength: 60 }), variant: fc.constantFrom('INFO', 'WARNING', 'TIP', 'BORDERLESS') })
  .map((r) => ({ type: 'MARKDOWN', displayName: 'Markdown', required: false, ...r }) as Prop);

/** Every property type the kit supports, each with arbitrary labels, options and defaults. */
export const propArbs: Record<string, fc.Arbitrary<Prop>> = {
  SHORT_TEXT: textLike('SHORT_TEXT'),
  LONG_TEXT: textLike('LONG_TEXT'),
  SECRET_TEXT: textLike('SECRET_TEXT').map(({ defaultValue: _, ...p }) => p as Prop),
  NUMBER: numberProp,
  CHECKBOX: checkboxProp,
  STATIC_DROPDOWN: dropdownProp(false),
  STATIC_MULTI_SELECT_DROPDOWN: dropdownProp(true),
  MARKDOWN: markdownProp,
};

/** A props map of the given types: unique keys, and labels unique as a user reads them. */
export const propsArb = (types: string[], minLength = 1) =>
  fc
    .uniqueArray(fc.tuple(keyArb, fc.oneof(...types.map((t) => propArbs[t]!))), { minLength, maxLength: 6, selector: ([k]) => k })
    .map((entries) => {
      const seen = new Set<string>();
      return Object.fromEntries(
        entries.map(([key, prop], i) => {
          let label = prop.displayName;
          if (prop.type !== 'MARKDOWN' && seen.has(normalize(label))) label = `${label} ${i}`;
          seen.add(normalize(label));
          return [key, { ...prop, displayName: label }];
        }),
      ) as Record<string, Prop>;
    });

const ALL_TYPES = Object.keys(propArbs);

const customAuthArb = fc
  .record({ displayName: labelArb, description: fc.string({ maxLength: 60 }), props: propsArb(ALL_TYPES) })
  .map((r) => ({ type: 'CUSTOM_AUTH', required: true, ...r }) as Def);

const secretTextAuthArb = fc
  .record({ displayName: labelArb, description: fc.string({ maxLength: 60 }) })
  .map((r) => ({ type: 'SECRET_TEXT', required: true, ...r }) as Def);

const basicAuthArb = fc
  .record({ displayName: labelArb, username: fc.record({ displayName: labelArb }), password: fc.record({ displayName: labelArb }) })
  .filter((r) => normalize(r.username.displayName) !== normalize(r.password.displayName))
  .map((r) => ({ type: 'BASIC_AUTH', required: true, ...r }) as Def);

/** OAuth2 with the prop types Activepieces allows there; URLs may use the props as placeholders. */
const oauth2AuthArb = propsArb(['SHORT_TEXT', 'SECRET_TEXT', 'STATIC_DROPDOWN'], 0).chain((props) => {
  const required = Object.keys(props).filter((k) => props[k]!.required && /^\w+$/.test(k));
  const placeholder = required.length ? fc.option(fc.constantFrom(...required), { nil: undefined }) : fc.constant(undefined);
  return fc
    .record({
      host: fc.domain(),
      placeholder,
      query: fc.option(fc.stringMatching(/^[a-z]{1,6}=[a-z:,]{1,10}$/), { nil: undefined }),
      scope: fc.array(fc.stringMatching(/^[\w:.]{1,12}$/), { maxLength: 4 }),
      pkce: fc.boolean(),
      grantType: fc.constantFrom(undefined, 'authorization_code'),
    })
    .map(({ host, placeholder: p, query, scope, pkce, grantType }) => {
      const auth: Def = {
        type: 'OAUTH2',
        displayName: 'Connection',
        required: true,
        authUrl: `https://${p ? `{${p}}.` : ''}${host}/authorize${query ? `?${query}` : ''}`,
        tokenUrl: `https://${host}/token`,
        scope: p ? [...scope, `read:{${p}}`] : scope,
        pkce,
        props,
      };
      if (grantType) auth.grantType = grantType;
      return auth;
    });
});

/** One valid auth definition of any of the four types. */
export const validAuthArb: fc.Arbitrary<Def> = fc.oneof(
  { weight: 4, arbitrary: customAuthArb },
  { weight: 2, arbitrary: oauth2AuthArb },
  { weight: 1, arbitrary: secretTextAuthArb },
  { weight: 1, arbitrary: basicAuthArb },
);

export { customAuthArb, oauth2AuthArb };

/** The props a definition shows, including SecretText's and BasicAuth's implicit fields. */
export function fieldsOf(auth: Def): [string, Prop][] {
  switch (auth.type) {
    case 'SECRET_TEXT':
      return [['secret_text', { type: 'SECRET_TEXT', displayName: String(auth.displayName), required: true }]];
    case 'BASIC_AUTH':
      return (['username', 'password'] as const).map((k) => [
        k,
        { type: k === 'username' ? 'SHORT_TEXT' : 'SECRET_TEXT', displayName: (auth[k] as Prop).displayName, required: true },
      ]);
    default:
      return Object.entries((auth.props ?? {}) as Record<string, Prop>);
  }
}

const optionValues = (prop: Prop) => ((prop.options as { options: { value: unknown }[] }).options ?? []).map((o) => o.value);
const isOption = (prop: Prop, v: unknown) => optionValues(prop).some((o) => isDeepStrictEqual(o, v));

/**
 * The oracle: whether `value` is what a prop's type says its value is. Text: a string with
 * something in it; numbers: finite; checkboxes: booleans; dropdowns: one of the options' values
 * (multi: an array of them, not empty when required); markdown notes: no value, anything goes.
 * `undefined` (left out) only for optional props.
 */
export function isValidPropValue(prop: Prop, value: unknown): boolean {
  if (prop.type === 'MARKDOWN') return true;
  if (value === undefined) return !prop.required;
  switch (prop.type) {
    case 'SHORT_TEXT':
    case 'LONG_TEXT':
    case 'SECRET_TEXT':
      return typeof value === 'string' && value.trim() !== '';
    case 'NUMBER':
      return typeof value === 'number' && Number.isFinite(value);
    case 'CHECKBOX':
      return typeof value === 'boolean';
    case 'STATIC_DROPDOWN':
      return isOption(prop, value);
    case 'STATIC_MULTI_SELECT_DROPDOWN':
      return Array.isArray(value) && value.every((v) => isOption(prop, v)) && (!prop.required || value.length > 0);
    default:
      throw new Error(`no oracle for ${prop.type}`);
  }
}

/** A value the type allows, for a prop (never `undefined`, except for markdown notes). */
export function validValueArb(prop: Prop): fc.Arbitrary<unknown> {
  switch (prop.type) {
    case 'SHORT_TEXT':
    case 'LONG_TEXT':
    case 'SECRET_TEXT':
      return fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== '');
    case 'NUMBER':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'CHECKBOX':
      return fc.boolean();
    case 'STATIC_DROPDOWN':
      return optionValues(prop).length ? fc.constantFrom(...optionValues(prop)) : fc.constant(undefined);
    case 'STATIC_MULTI_SELECT_DROPDOWN':
      return fc.subarray(optionValues(prop), { minLength: prop.required ? 1 : 0 });
    default:
      return fc.constant(undefined);
  }
}

/** A candidate value for a prop: often valid, sometimes anything at all, sometimes left out. */
export const candidateArb = (prop: Prop) =>
  fc.oneof(
    { weight: 5, arbitrary: validValueArb(prop) },
    { weight: 2, arbitrary: fc.anything({ maxDepth: 2 }) },
    { weight: 1, arbitrary: fc.constantFrom(undefined, null, '', '  ', Number.NaN, Infinity, [], {}, 0, true, '0') },
  );

import type { InputPropertyType } from '../definitions/property-type';
import { sameValue } from '../schema/same-value';
import { IDENTIFIER, isObject, isText, keyPath, kindOf, show, type Obj, type Report } from './definition-problem';

type PropCheck = (prop: Obj, path: string, report: Report) => void;

const ignoredDefault = (prop: Obj, path: string, report: Report) =>
  report(
    `${path}.defaultValue`,
    `is ${show(prop.defaultValue)}, which the form ignores`,
    "Use a value of the prop's type, or remove it.",
    'warning',
  );

const defaultIs =
  (ok: (v: unknown) => boolean): PropCheck =>
  (prop, path, report) => {
    if (prop.defaultValue !== undefined && !ok(prop.defaultValue)) ignoredDefault(prop, path, report);
  };

const text = defaultIs((v) => typeof v === 'string');

function dropdown(multi: boolean): PropCheck {
  return (prop, path, report) => {
    const state = isObject(prop.options) ? prop.options : undefined;
    const options = state?.options;
    if (!state || !Array.isArray(options)) {
      return report(
        `${path}.options`,
        'is not { options: [...] }: a dropdown needs options',
        "Pass options: { options: [{ label: 'EU', value: 'eu' }] }.",
      );
    }
    // Rendered as text: an object there would crash React.
    if (state.placeholder !== undefined && typeof state.placeholder !== 'string') {
      report(`${path}.options.placeholder`, `is ${show(state.placeholder)}, not text`, 'Use a string.');
    }
    options.forEach((o, i) => {
      if (!isObject(o) || typeof o.label !== 'string' || !('value' in o)) {
        report(`${path}.options.options[${i}]`, `is ${show(o)}, not a { label, value } option`, 'Give it a string label and a value.');
      }
    });
    if (!options.length && prop.required === true) {
      report(`${path}.options.options`, 'is empty, so this required dropdown cannot be filled in', 'List at least one option.');
    }
    const known = (v: unknown) => options.some((o) => isObject(o) && sameValue(o.value, v));
    const d = prop.defaultValue;
    if (d !== undefined && !(multi ? Array.isArray(d) && d.every(known) : known(d))) ignoredDefault(prop, path, report);
  };
}

/** What each input property type needs beyond a type and a label. */
const PROP_CHECKS = {
  SHORT_TEXT: text,
  LONG_TEXT: text,
  SECRET_TEXT: text,
  // In a function: a bare `Number.isFinite` read here is the one part of this module that a
  // production bundle, which drops the checks, would keep (a property read may have effects).
  NUMBER: defaultIs((v) => Number.isFinite(v)),
  CHECKBOX: defaultIs((v) => typeof v === 'boolean'),
  STATIC_DROPDOWN: dropdown(false),
  STATIC_MULTI_SELECT_DROPDOWN: dropdown(true),
  MARKDOWN: () => {},
} satisfies Record<InputPropertyType, PropCheck>;

/** Activepieces property types the kit has no control for: shown at the field, not fatal. */
const UNRENDERED = ['DROPDOWN', 'MULTI_SELECT_DROPDOWN', 'DYNAMIC', 'ARRAY', 'OBJECT', 'JSON', 'DATE_TIME', 'FILE', 'CUSTOM', 'COLOR'];

/** The prop types Activepieces allows in `PieceAuth.OAuth2({ props })`. */
const OAUTH2_PROP_TYPES = ['SHORT_TEXT', 'SECRET_TEXT', 'STATIC_DROPDOWN'];

/** Keys that objects treat specially (`__proto__` sets the prototype): copying props loses them. */
const RESERVED = ['__proto__', 'constructor', 'prototype'];

/** Checks a `props` map: every key, type and label, and what each type needs. */
export function checkProps(props: unknown, path: string, report: Report, oauth2 = false): void {
  if (!isObject(props)) {
    report(path, `must be an object mapping keys to properties, got ${kindOf(props)}`, 'Pass props: { key: Property.ShortText({ ... }) }.');
    return;
  }
  const labels = new Map<string, string>();
  for (const [key, prop] of Object.entries(props)) {
    const at = keyPath(path, key);
    if (RESERVED.includes(key)) report(at, 'has a key that JavaScript objects reserve', 'Rename the key.');
    else if (!IDENTIFIER.test(key))
      report(at, 'has a key that is not an identifier', 'Rename it in camelCase (the form still emits it as written).', 'warning');
    if (!isObject(prop)) {
      report(at, `must be a property object, got ${kindOf(prop)}`, 'Build it with Property.*.');
      continue;
    }
    const type = prop.type as InputPropertyType;
    if (!Object.hasOwn(PROP_CHECKS, type)) {
      if (UNRENDERED.includes(type)) {
        report(
          `${at}.type`,
          `is ${type}, which the kit shows as unsupported${prop.required === true ? ', blocking submit' : ''}`,
          'Use a static property type.',
          'warning',
        );
      } else report(`${at}.type`, `is ${show(type)}, not a property type`, `Use one of ${Object.keys(PROP_CHECKS).join(', ')}.`);
      continue;
    }
    if (type !== 'MARKDOWN') {
      const label = prop.displayName;
      if (!isText(label)) report(`${at}.displayName`, `is ${show(label)}: the control needs a label`, "Add displayName: 'Label'.");
      else if (labels.has(label))
        report(`${at}.displayName`, `repeats the label of ${labels.get(label)}`, 'Give each prop its own label.', 'warning');
      else labels.set(label, at);
    }
    if (oauth2 && !OAUTH2_PROP_TYPES.includes(type)) {
      report(
        `${at}.type`,
        `is ${type}, which Activepieces does not allow in OAuth2 props`,
        `Use ${OAUTH2_PROP_TYPES.join(', ')}.`,
        'warning',
      );
    }
    PROP_CHECKS[type](prop, at, report);
  }
}

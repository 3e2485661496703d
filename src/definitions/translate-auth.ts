/**
 * What a piece of author text is, for a host's {@link TranslateText}: a label (`displayName`),
 * help (`description`, markdown), a dropdown option's `label`, or a dropdown `placeholder`.
 *
 * @example
 * ```ts
 * const kind: TranslatableKind = 'option';
 * ```
 */
export type TranslatableKind = 'displayName' | 'description' | 'option' | 'placeholder';

/**
 * Where a string sits in the definition, so a host can key its catalogue on it: `path` reads like
 * the definition's own shape (`auth.displayName`, `auth.props.region.options[1]`; `auth[0]…`
 * for the first of several methods), `kind` says what it is.
 *
 * @example
 * ```ts
 * const where: TranslateContext = { kind: 'displayName', path: 'auth.props.region' };
 * ```
 */
export interface TranslateContext {
  kind: TranslatableKind;
  path: string;
}

/**
 * Turns one author string into the user's language. Return the text unchanged to keep it.
 *
 * @example
 * ```tsx
 * // With i18next, keyed on the English text:
 * const translate: TranslateText = (text) => i18n.t(text, { ns: 'pieces', defaultValue: text });
 * <ConnectionForm auth={auth} translate={translate} messages={de} onConnect={save} />;
 * ```
 */
export type TranslateText = (text: string, context: TranslateContext) => string;

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A copy of an auth definition (or of each of several methods) with every author string passed
 * through `translate`: display names, descriptions (markdown help and notes), dropdown option
 * labels and placeholders. Values, types and functions (`validate`) are untouched, so the value a
 * form emits is the same in every language. Anything that is not a string is left as it is, and a
 * `translate` that throws or returns a non-string keeps the author's text.
 *
 * @example
 * ```ts
 * const catalogue: Record<string, string> = { 'Secret Access Key': 'Geheimer Zugriffsschlüssel' };
 * const german = translateAuth(awsAuth, (text) => catalogue[text] ?? text);
 * german.props.secretAccessKey.displayName; // 'Geheimer Zugriffsschlüssel'
 * ```
 */
export function translateAuth<T>(auth: T, translate: TranslateText): T {
  if (Array.isArray(auth)) {
    const many = auth.length > 1;
    return auth.map((method, i) => translateNode(method, translate, many ? `auth[${i}]` : 'auth', true)) as T;
  }
  return translateNode(auth, translate, 'auth', true) as T;
}

function translateNode(value: unknown, translate: TranslateText, path: string, isAuth: boolean): unknown {
  if (!isNode(value)) return value;
  const copy: Node = { ...value };
  for (const kind of ['displayName', 'description'] as const) {
    if (typeof copy[kind] === 'string') copy[kind] = apply(translate, copy[kind], { kind, path });
  }
  if (isNode(copy.options)) copy.options = translateOptions(copy.options, translate, path);
  if (!isAuth) return copy;
  // BasicAuth's two entries, and the props of Custom and OAuth2 auths.
  for (const key of ['username', 'password'] as const) {
    if (isNode(copy[key])) copy[key] = translateNode(copy[key], translate, `${path}.${key}`, false);
  }
  if (isNode(copy.props)) {
    const props: Node = {};
    for (const [key, prop] of Object.entries(copy.props)) props[key] = translateNode(prop, translate, `${path}.props.${key}`, false);
    copy.props = props;
  }
  return copy;
}

function translateOptions(options: Node, translate: TranslateText, path: string): Node {
  const copy: Node = { ...options };
  if (typeof copy.placeholder === 'string') copy.placeholder = apply(translate, copy.placeholder, { kind: 'placeholder', path });
  if (Array.isArray(copy.options)) {
    copy.options = copy.options.map((option: unknown, i) =>
      isNode(option) && typeof option.label === 'string'
        ? { ...option, label: apply(translate, option.label, { kind: 'option', path: `${path}.options[${i}]` }) }
        : option,
    );
  }
  return copy;
}

function apply(translate: TranslateText, text: string, context: TranslateContext): string {
  try {
    const translated = translate(text, context);
    return typeof translated === 'string' ? translated : text;
  } catch (error) {
    // The host's bug, not the user's: keep the form usable and say where it happened.
    console.error(`connection-kit: translate threw for ${context.path} (${context.kind}); the author's text is shown.`, error);
    return text;
  }
}

import { CliError } from './cli-error';

/**
 * One builder call of the module the CLI writes: `PieceAuth.SecretText({...})`,
 * `Property.StaticDropdown({...})`. `request` holds only the keys the builder takes; props are
 * calls themselves. Building the calls with the kit's own builders gives the definition's
 * runtime form; writing them out gives a module whose types infer as hand-written ones do.
 */
export interface BuilderCall {
  builder: BuilderName;
  request: Record<string, unknown>;
}

export type BuilderName =
  | `PieceAuth.${'SecretText' | 'BasicAuth' | 'CustomAuth' | 'OAuth2'}`
  | `Property.${'ShortText' | 'LongText' | 'Number' | 'Checkbox' | 'StaticDropdown' | 'StaticMultiSelectDropdown' | 'MarkDown'}`;

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const COMMON = ['displayName', 'description', 'required', 'defaultValue'];

/** Auth types: the builder, and the keys of a definition it takes (as our types declare them). */
const AUTH_BUILDERS = {
  SECRET_TEXT: ['PieceAuth.SecretText', COMMON],
  // `required` is always true for a basic auth: the builder sets it.
  BASIC_AUTH: ['PieceAuth.BasicAuth', ['displayName', 'description', 'required', 'username', 'password', 'defaultValue']],
  CUSTOM_AUTH: ['PieceAuth.CustomAuth', [...COMMON, 'props']],
  OAUTH2: [
    'PieceAuth.OAuth2',
    [...COMMON, 'authUrl', 'tokenUrl', 'scope', 'props', 'pkce', 'pkceMethod', 'authorizationMethod', 'grantType', 'prompt', 'extra'],
  ],
} as const;

/** Prop types the form has a control for: the builder and the keys it takes. */
const PROP_BUILDERS: Record<string, readonly [BuilderCall['builder'], readonly string[]]> = {
  SHORT_TEXT: ['Property.ShortText', COMMON],
  LONG_TEXT: ['Property.LongText', COMMON],
  NUMBER: ['Property.Number', COMMON],
  CHECKBOX: ['Property.Checkbox', COMMON],
  SECRET_TEXT: ['PieceAuth.SecretText', COMMON],
  STATIC_DROPDOWN: ['Property.StaticDropdown', [...COMMON, 'options']],
  STATIC_MULTI_SELECT_DROPDOWN: ['Property.StaticMultiSelectDropdown', [...COMMON, 'options']],
};

/** Keys that are part of every definition's runtime form, written by the builders themselves. */
const BUILT = ['type', 'valueSchema'];

/** The keys the builder takes; the others (the old framework's processors, ...) are noted as ignored. */
function pick(raw: Obj, keys: readonly string[], path: string, ignored: string[]): Obj {
  const out: Obj = {};
  for (const [key, value] of Object.entries(raw)) {
    if (keys.includes(key)) {
      if (value !== undefined) out[key] = value;
    } else if (!BUILT.includes(key) && typeof value !== 'function') ignored.push(`${path}.${key}`);
  }
  return out;
}

function prop(raw: unknown, path: string, ignored: string[]): BuilderCall {
  if (!isObject(raw))
    throw new CliError(`${path} is not a property object`, 'Check the piece: its auth props must be Property.* definitions.');
  const type = String(raw.type);
  if (type === 'MARKDOWN') {
    const request: Obj = { value: String(raw.description ?? '') };
    if (raw.variant !== undefined) request.variant = raw.variant;
    return { builder: 'Property.MarkDown', request };
  }
  const entry = PROP_BUILDERS[type];
  if (!entry) {
    throw new CliError(
      `${path} is a ${type} prop, which the kit has no control for (its options or shape come from code)`,
      'Leave this piece out, or write its auth by hand with the props the form supports.',
    );
  }
  const request = pick(raw, entry[1], path, ignored);
  request.required ??= false;
  if (isObject(request.options))
    request.options = pick(request.options, ['options', 'placeholder', 'disabled'], `${path}.options`, ignored);
  return { builder: entry[0], request };
}

function method(raw: unknown, path: string, ignored: string[]): BuilderCall {
  if (!isObject(raw) || !Object.hasOwn(AUTH_BUILDERS, String(raw.type))) {
    // checkAuthDefinition, run before this, already reported it with a fix.
    throw new CliError(`${path} is not an auth definition the kit supports`, 'See the errors above.');
  }
  const [builder, keys] = AUTH_BUILDERS[raw.type as keyof typeof AUTH_BUILDERS];
  const request = pick(raw, keys, path, ignored);
  if (builder !== 'PieceAuth.BasicAuth') request.required ??= false;
  else {
    delete request.required;
    for (const part of ['username', 'password']) {
      if (isObject(request[part])) request[part] = pick(request[part], ['displayName', 'description'], `${path}.${part}`, ignored);
    }
  }
  if (isObject(request.props)) {
    request.props = Object.fromEntries(Object.entries(request.props).map(([key, p]) => [key, prop(p, `${path}.props.${key}`, ignored)]));
  }
  return { builder, request };
}

/**
 * The builder calls for a piece's auth (already stripped of functions and checked): one call, an
 * array of them, or `undefined` for PieceAuth.None(). `ignored` collects the paths of keys the
 * kit's builders do not take, which the written definition leaves out.
 */
export function normalizeAuth(auth: unknown, ignored: string[]): BuilderCall | (BuilderCall | undefined)[] | undefined {
  if (auth === undefined) return undefined;
  if (Array.isArray(auth)) return auth.map((m, i) => (m === undefined ? undefined : method(m, `auth[${i}]`, ignored)));
  return method(auth, 'auth', ignored);
}

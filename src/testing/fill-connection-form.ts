import { screen, within, type BoundFunctions, type queries } from '@testing-library/dom';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { AuthDefinition, AuthInput } from '../definitions/auth-types';
import type { PropsValue } from '../definitions/props-value';
import { defaultMessages, type Messages } from '../messages/messages';
import { describeFields, kindOf } from '../schema/auth-kinds';
import type { FieldModel, FieldModelOf } from '../schema/field-model';
import { sameValue } from '../schema/same-value';
import { settleMockedPopups } from './mock-oauth2-popup';

/**
 * Options every testing helper takes.
 *
 * @example
 * ```tsx
 * const user = userEvent.setup();
 * const { container } = render(<ConnectionForm auth={auth} messages={fr} onConnect={saved.onConnect} />);
 * await fillConnectionForm(auth, { apiKey: 'sk-test' }, { user, container, messages: fr });
 * await submitConnectionForm({ user, container, messages: fr });
 * ```
 */
export interface TestingOptions {
  /**
   * The user-event instance to act with; a fresh `userEvent.setup()` by default. Pass your own
   * to share its clock and pointer state with the rest of your test (or one made with
   * `advanceTimers` when you use fake timers).
   */
  user?: UserEvent | undefined;
  /**
   * Where the form is: the element `render()` returned as `container`, or any ancestor of the
   * form. The whole document by default; pass it when the page holds more than one form.
   */
  container?: HTMLElement | undefined;
  /**
   * The `messages` you gave `<ConnectionForm>`, if any: the helpers find the kit's own controls
   * (Client ID, Client Secret, Connection name, the method and grant pickers, the dropdown's
   * "None") by their text.
   */
  messages?: Partial<Messages> | undefined;
}

/**
 * Options of {@link fillConnectionForm}.
 *
 * @example
 * ```tsx
 * // auth = [PieceAuth.OAuth2(...), PieceAuth.CustomAuth(...)]: fill the bot-token method.
 * await fillConnectionForm(auth, { botToken: 'xoxb-1' }, { method: 'CUSTOM_AUTH' });
 * ```
 */
export interface FillConnectionFormOptions extends TestingOptions {
  /**
   * When `auth` is an array: the method to fill, as its index in the array or its `type`
   * (`'OAUTH2'`, `'SECRET_TEXT'`, ...). The helper picks it in the "Authentication method"
   * radio group first. By default the method the form shows now (the first, on a fresh form).
   */
  method?: number | 'SECRET_TEXT' | 'BASIC_AUTH' | 'CUSTOM_AUTH' | 'OAUTH2' | undefined;
}

type TypeTag<A> = A extends { type: infer T extends string } ? `${T}` : never;
// biome-ignore lint/complexity/noBannedTypes: `{}` is the identity of `&`: no props adds no keys.
type PropsOf<A> = A extends { props?: infer P } ? (unknown extends P ? {} : NonNullable<P>) : {};
type Nullable<T> = { [K in keyof T]?: T[K] | null };

/**
 * The connection name, for a form given `connectionName`; it reaches `onConnect` as
 * `details.displayName`.
 *
 * @example
 * ```tsx
 * render(<ConnectionForm auth={auth} connectionName onConnect={saved.onConnect} />);
 * await fillConnectionForm(auth, { displayName: 'Production', apiKey: 'sk-live' });
 * ```
 */
export interface ConnectionNameFillValue {
  /** Typed into "Connection name". */
  displayName?: string | undefined;
}

/**
 * The kit's own OAuth2 controls, filled from the keys the emitted value uses for them.
 *
 * @example
 * ```tsx
 * // No oauth2.clientId from the host: the user brings their own app.
 * await fillConnectionForm(oauthAuth, { client_id: 'my-app', client_secret: 's3cret', region: 'eu' });
 * ```
 */
export interface OAuth2FillValues {
  /** Typed into "Client ID" (shown when the host passes no `oauth2.clientId`, or for client credentials). */
  client_id?: string | undefined;
  /** Typed into "Client Secret" (shown with "Client ID"). */
  client_secret?: string | undefined;
  /** Picked in the "Grant type" radio group (definitions with `grantType: 'both_…'`). */
  grant_type?: 'authorization_code' | 'client_credentials' | undefined;
}

/**
 * What {@link fillConnectionForm} accepts for a definition: a plain object keyed like the
 * emitted value, every key optional (a key left out leaves its control as it is).
 *
 * - SecretText: `{ secret_text }`; BasicAuth: `{ username, password }`.
 * - CustomAuth: the props, by key: strings, numbers, booleans, a dropdown's option value, an
 *   array of option values for a multi-select. `null` (or `''`) empties a control.
 * - OAuth2: its props, plus `client_id`, `client_secret` and `grant_type` for the kit's own
 *   controls (a prop of the same name wins).
 * - Any of them: `displayName` for the "Connection name" field of a form given `connectionName`.
 * - An array of definitions: any one method's object (pick it with the `method` option).
 *
 * @example
 * ```ts
 * const values: FillValues<typeof awsAuth> = { accessKeyId: 'AKIA1', secretAccessKey: 's3cret', region: 'eu-west-1' };
 * await fillConnectionForm(awsAuth, values);
 * ```
 */
export type FillValues<A> = A extends readonly (infer E)[] ? FillValues<E> : MethodFillValues<A> & ConnectionNameFillValue;

type MethodFillValues<A> = A extends undefined
  ? // biome-ignore lint/complexity/noBannedTypes: no definition, no keys (the identity of `&`).
    {}
  : TypeTag<A> extends 'SECRET_TEXT'
    ? { secret_text?: string | null | undefined }
    : TypeTag<A> extends 'BASIC_AUTH'
      ? { username?: string | null | undefined; password?: string | null }
      : TypeTag<A> extends 'CUSTOM_AUTH'
        ? Nullable<PropsValue<PropsOf<A>>>
        : TypeTag<A> extends 'OAUTH2'
          ? Nullable<PropsValue<PropsOf<A>>> & OAuth2FillValues
          : Record<string, unknown>;

type Queries = BoundFunctions<typeof queries>;
type Grant = NonNullable<OAuth2FillValues['grant_type']>;

/** Marks the kit's own root element (a class the kit sets on every form it renders). */
const KIT_ROOT = '.ck-root';

/**
 * Where to look: the container, or the document when it holds one connection form. Two forms
 * and no container is refused: the helpers would fill or submit one of them at random. The usual
 * cause is an earlier test's form still mounted, so the error says how to clean up.
 */
function scope(helper: string, container?: HTMLElement): Queries {
  if (container) return within(container);
  const forms = document.querySelectorAll(KIT_ROOT).length;
  if (forms > 1) throw new Error(`${helper}: ${manyForms(forms)}`);
  return screen;
}

function manyForms(count: number): string {
  return (
    `found ${count} connection forms on the page. If this test renders one, an earlier test's form is still mounted: ` +
    "with vitest's default `globals: false` Testing Library does not clean up after each test. Add " +
    '`afterEach(cleanup)`, with `cleanup` imported from @testing-library/react (or set `test.globals: true`). ' +
    'If the page really holds several forms, pass the one to use as `container`.'
  );
}
const messagesOf = (options: TestingOptions): Messages => ({ ...defaultMessages, ...options.messages });
function fail(message: string): never {
  throw new Error(`fillConnectionForm: ${message}`);
}
const show = (value: unknown) => JSON.stringify(value) ?? String(value);

/**
 * Fills a `<ConnectionForm>` the way a user would, with user-event, from a plain value object
 * keyed like the emitted value (see {@link FillValues}): it types into text, secret and number
 * inputs, ticks checkboxes, opens a dropdown and clicks the option whose value matches (Radix
 * Select's listbox is portalled to `document.body`), ticks a multi-select's options, fills
 * BasicAuth's username and password, for OAuth2 its props plus Client ID, Client Secret and
 * the grant type, and the connection name (`displayName`). With an array of definitions it can
 * pick the method first (`method`).
 *
 * It knows each control from the definition, so a key that names no field, a dropdown value
 * that is no option, a disabled control or a property type the form cannot edit throws an error
 * that says so, instead of leaving the form half filled. Keys left out are not touched.
 *
 * In jsdom it adds the no-op `Element.prototype.hasPointerCapture` and `scrollIntoView` that
 * Radix Select calls, when they are missing.
 *
 * @param auth The definition the form was rendered with (the same object, or an equal one).
 * @param values The values to enter, keyed like the emitted value.
 *
 * @example
 * ```tsx
 * import { render } from '@testing-library/react';
 * import { ConnectionForm } from 'connection-kit';
 * import { captureConnection, fillConnectionForm, submitConnectionForm } from 'connection-kit/testing';
 *
 * const connection = captureConnection<ConnectionValue<typeof awsAuth>>();
 * render(<ConnectionForm auth={awsAuth} onConnect={connection.onConnect} />);
 * await fillConnectionForm(awsAuth, { accessKeyId: 'AKIA1', secretAccessKey: 's3cret', region: 'eu-west-1' });
 * await submitConnectionForm();
 * expect(await connection.value()).toEqual({
 *   type: 'CUSTOM_AUTH',
 *   props: { accessKeyId: 'AKIA1', secretAccessKey: 's3cret', region: 'eu-west-1' },
 * });
 * ```
 */
export async function fillConnectionForm<A extends AuthInput>(
  auth: A,
  values: FillValues<A>,
  options: FillConnectionFormOptions = {},
): Promise<void> {
  const user = options.user ?? userEvent.setup();
  const messages = messagesOf(options);
  const root = scope('fillConnectionForm', options.container);
  const entries = Object.entries(values as Record<string, unknown>);
  const definition = await chooseMethod(auth, root, user, messages, options.method);
  const fields = describeFields(definition);
  const fillable = new Map(fields.filter((f) => f.type !== 'MARKDOWN').map((f) => [f.key, f]));
  // The kit's own controls, keyed as where their values go; a prop of the same name wins.
  const kitKeys = ['displayName', ...kindOf(definition).kitKeys];
  const own = (key: string) => kitKeys.includes(key) && !fillable.has(key);

  for (const [key] of entries) {
    if (fillable.has(key) || own(key)) continue;
    // Only what this form shows: the connection name only when it is on screen.
    const named = root.queryAllByLabelText(messages.connectionName, { selector: 'input' }).length > 0;
    const names = [...fillable.keys(), ...kitKeys.filter((k) => own(k) && (k !== 'displayName' || named))];
    fail(`"${key}" is not a field of this definition (its keys: ${names.join(', ')}).`);
  }
  const given = new Map(entries);

  if (own('displayName') && given.has('displayName')) {
    const [input] = root.queryAllByLabelText(messages.connectionName, { selector: 'input' });
    if (!input) fail(`there is no "${messages.connectionName}" field: the form shows it only with the connectionName prop.`);
    await typeInto(user, input, messages.connectionName, given.get('displayName'));
  }

  // The grant decides whether Client ID and Client Secret exist: pick it first.
  if (own('grant_type') && given.has('grant_type')) {
    await chooseGrant(definition as AuthDefinition & { type: 'OAUTH2' }, given.get('grant_type'), root, user, messages);
  }
  for (const key of ['client_id', 'client_secret'] as const) {
    if (!own(key) || !given.has(key)) continue;
    const label = key === 'client_id' ? messages.clientId : messages.clientSecret;
    const [input] = root.queryAllByLabelText(label, { selector: 'input' });
    if (!input) {
      fail(`there is no "${label}" field: the form shows it only when the host passes no oauth2.clientId, or for client credentials.`);
    }
    await typeInto(user, input, label, given.get(key));
  }

  for (const field of fields) {
    if (!given.has(field.key) || !fillable.has(field.key)) continue;
    const sameLabel = fields.filter((f) => f.label === field.label);
    await fillField(field, given.get(field.key), { root, user, messages, nth: sameLabel.indexOf(field) });
  }
}

/** The definition to fill: `auth` itself, or the method of an array, picked in the form first. */
async function chooseMethod(
  auth: AuthInput,
  root: Queries,
  user: UserEvent,
  messages: Messages,
  method: FillConnectionFormOptions['method'],
): Promise<AuthDefinition | undefined> {
  if (!Array.isArray(auth)) {
    const single = auth as AuthDefinition | undefined;
    if (method !== undefined && method !== 0 && method !== single?.type) {
      fail(`method ${show(method)} was given, but the definition is a single ${single?.type ?? 'NO_AUTH'} method.`);
    }
    return single;
  }
  const methods = auth as readonly AuthDefinition[];
  const picker = root.queryByRole('group', { name: messages.authMethod });
  const radios = picker ? (within(picker).getAllByRole('radio') as HTMLInputElement[]) : [];
  let index: number;
  if (method === undefined)
    index = Math.max(
      0,
      radios.findIndex((radio) => radio.checked),
    );
  else if (typeof method === 'number') index = method;
  else index = methods.findIndex((m) => m?.type === method);
  if (!(index >= 0 && index < methods.length)) {
    fail(`method ${show(method)} is not one of the definition's methods (${methods.map((m) => m?.type).join(', ')}).`);
  }
  const radio = radios[index];
  if (radio && !radio.checked) await user.click(radio);
  return methods[index];
}

async function chooseGrant(auth: AuthDefinition & { type: 'OAUTH2' }, grant: unknown, root: Queries, user: UserEvent, messages: Messages) {
  if (grant !== 'authorization_code' && grant !== 'client_credentials') {
    fail(`grant_type must be 'authorization_code' or 'client_credentials', not ${show(grant)}.`);
  }
  if (auth.grantType !== 'both_client_credentials_and_authorization_code') {
    const fixed: Grant = auth.grantType === 'client_credentials' ? 'client_credentials' : 'authorization_code';
    if (grant !== fixed) fail(`grant_type ${show(grant)} was given, but the definition only offers ${fixed}.`);
    return;
  }
  const group = root.getByRole('group', { name: messages.grantType });
  const label = grant === 'client_credentials' ? messages.clientCredentials : messages.authorizationCode;
  const radio = within(group).getByRole('radio', { name: label }) as HTMLInputElement;
  if (!radio.checked) await user.click(radio);
}

/**
 * The control labelled with a field's label. A method radio named like the field is not found:
 * its label reads "Authenticate with …" (messages.methodChoice).
 */
function controlFor(root: Queries, field: FieldModel, nth: number): HTMLElement {
  const found = root.queryAllByLabelText(field.label, { selector: 'input, textarea, button, select' });
  const control = found[nth];
  if (!control)
    fail(`found no control labelled "${field.label}" for "${field.key}": is the form rendered, and with this definition (and method)?`);
  if (control.matches(':disabled')) fail(`"${field.label}" is disabled.`);
  return control;
}

async function typeInto(user: UserEvent, input: HTMLElement, label: string, value: unknown) {
  if (input.matches(':disabled')) fail(`"${label}" is disabled.`);
  if (value !== null && value !== undefined && typeof value !== 'string' && typeof value !== 'number') {
    fail(`"${label}" takes a string${input.getAttribute('type') === 'number' ? ' or a number' : ''}, not ${show(value)}.`);
  }
  await user.clear(input);
  // user-event reads `{` and `[` as the start of a key name: doubled, they are typed as they are.
  if (value !== null && value !== undefined && value !== '') await user.type(input, String(value).replace(/[{[]/g, '$&$&'));
}

async function fillField(field: FieldModel, value: unknown, ctx: { root: Queries; user: UserEvent; messages: Messages; nth: number }) {
  const { root, user, messages, nth } = ctx;
  switch (field.type) {
    case 'SHORT_TEXT':
    case 'LONG_TEXT':
    case 'SECRET_TEXT':
    case 'NUMBER':
      return typeInto(user, controlFor(root, field, nth), field.label, value);
    case 'CHECKBOX': {
      if (typeof value !== 'boolean' && value !== null) fail(`"${field.label}" is a checkbox: give true or false, not ${show(value)}.`);
      const box = controlFor(root, field, nth) as HTMLInputElement;
      if (box.checked !== Boolean(value)) await user.click(box);
      return;
    }
    case 'STATIC_DROPDOWN':
      return pickOption(field, value, controlFor(root, field, nth), user, messages);
    case 'STATIC_MULTI_SELECT_DROPDOWN':
      return tickOptions(field, value, root, user, messages, nth);
    case 'UNSUPPORTED':
      fail(`"${field.label}" is a ${field.rawType} property, which the form shows as unsupported: nothing can be entered.`);
  }
}

/** Opens a Radix Select and clicks the option at the index of the first option with `value`. */
async function pickOption(
  field: FieldModelOf<'STATIC_DROPDOWN'>,
  value: unknown,
  trigger: HTMLElement,
  user: UserEvent,
  messages: Messages,
) {
  const { options } = field;
  const empty = value === null || value === undefined || value === '';
  let index: number;
  if (empty) {
    if (field.required) fail(`"${field.label}" is required: it has no "${messages.none}" item to pick.`);
    index = 0;
  } else {
    const at = options.findIndex((option) => sameValue(option.value, value));
    if (at < 0)
      fail(`${field.label} has no option with value ${show(value)} (its values: ${options.map((o) => show(o.value)).join(', ')}).`);
    // An optional dropdown lists "None" first.
    index = at + (field.required ? 0 : 1);
  }
  stubPointerApisForRadix();
  await user.click(trigger);
  // Radix portals the listbox to document.body, outside any container.
  const listbox = await screen.findByRole('listbox');
  const item = within(listbox).getAllByRole('option')[index];
  if (!item) fail(`the listbox of "${field.label}" has no option at position ${index + 1}.`);
  await user.click(item);
}

/** Ticks exactly the options whose values are listed (a repeated value ticks its next option). */
async function tickOptions(
  field: FieldModelOf<'STATIC_MULTI_SELECT_DROPDOWN'>,
  value: unknown,
  root: Queries,
  user: UserEvent,
  messages: Messages,
  nth: number,
) {
  const wanted = value === null || value === undefined ? [] : value;
  if (!Array.isArray(wanted)) fail(`"${field.label}" is a multi-select: give an array of option values, not ${show(value)}.`);
  const { options } = field;
  const chosen = new Set<number>();
  for (const item of wanted as unknown[]) {
    const at = options.findIndex((option, i) => !chosen.has(i) && sameValue(option.value, item));
    if (at < 0)
      fail(
        `${field.label} has no${chosen.size ? ' other' : ''} option with value ${show(item)} (its values: ${options.map((o) => show(o.value)).join(', ')}).`,
      );
    chosen.add(at);
  }
  // The group's name is the label, plus " (required)" read out for a required one (jsdom's
  // name computation drops the space).
  const named = (name: string) =>
    name.startsWith(field.label) && ['', `(${messages.requiredMarker})`].includes(name.slice(field.label.length).trim());
  const group = root.queryAllByRole('group', { name: named })[nth];
  if (!group) fail(`found no group of checkboxes named "${field.label}" for "${field.key}".`);
  const boxes = within(group).getAllByRole('checkbox') as HTMLInputElement[];
  for (const [i, box] of boxes.entries()) {
    if (box.checked === chosen.has(i)) continue;
    if (box.matches(':disabled')) fail(`"${field.label}" is disabled.`);
    await user.click(box);
  }
}

/** Radix Select calls these on pointer events and when it opens; jsdom has neither. */
function stubPointerApisForRadix() {
  const proto = typeof window === 'undefined' ? undefined : (window.Element?.prototype as Partial<Element> | undefined);
  if (!proto) return;
  proto.hasPointerCapture ??= () => false;
  proto.releasePointerCapture ??= () => {};
  proto.scrollIntoView ??= () => {};
}

/**
 * Clicks the form's submit button, whatever it reads (Connect, Try again, Reconnect, Save, or
 * your `messages`); for an OAuth2 definition that opens the popup (see `mockOAuth2Popup`, whose
 * `url()` is then the authorization URL). It throws when the page has more than one form: pass
 * `container` then.
 *
 * @example
 * ```tsx
 * await fillConnectionForm(apiKeyAuth, { secret_text: 'sk-1' });
 * await submitConnectionForm();
 * expect(await screen.findByRole('status')).toHaveTextContent('Connected.');
 * ```
 */
export async function submitConnectionForm(options: TestingOptions = {}): Promise<void> {
  const user = options.user ?? userEvent.setup();
  const root = scope('submitConnectionForm', options.container);
  const submits = root
    .queryAllByRole('button')
    .filter((b): b is HTMLButtonElement => b instanceof HTMLButtonElement && b.type === 'submit' && b.form !== null);
  // The kit's own form first, when the page has other forms too.
  const ours = submits.filter((button) => button.closest(KIT_ROOT));
  const candidates = ours.length > 0 ? ours : submits;
  if (candidates.length !== 1) {
    const where = options.container ? ' in the container' : '';
    throw new Error(
      candidates.length === 0
        ? `submitConnectionForm: found no submit button${where}; is the form rendered?`
        : `submitConnectionForm: found ${candidates.length} submit buttons${where}; pass the form's container.`,
    );
  }
  await user.click(candidates[0]!);
  // An OAuth2 click may open a mocked popup blank (PKCE not ready): let it reach its URL.
  await settleMockedPopups();
}

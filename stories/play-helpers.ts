// Small steps shared by the stories' play functions. Queries go by role and label, as a user
// (or a screen reader) finds things; the Select listbox is looked up on <body> (Radix portal).
import { expect, userEvent, waitFor, within } from 'storybook/test';

export type Canvas = ReturnType<typeof within>;

/** The page body, where portalled content (the Select listbox) lives. */
export const page = (canvasElement: HTMLElement): Canvas => within(canvasElement.ownerDocument.body);

/** Clicks the visible Connect button. */
export async function submit(canvas: Canvas) {
  await userEvent.click(canvas.getByRole('button', { name: 'Connect' }));
}

/** Waits until the visible form's live region says `text`. */
export async function expectStatus(canvas: Canvas, text: string | RegExp) {
  await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(text));
}

/** The control labelled `label` is marked invalid and described by `message`. */
export async function expectFieldError(canvas: Canvas, label: string, message: string) {
  const control = canvas.getByLabelText(label);
  await expect(control).toHaveAttribute('aria-invalid', 'true');
  await expect(control).toHaveAccessibleDescription(expect.stringContaining(message));
}

/** Opens the dropdown labelled `label` and picks `option`. */
export async function choose(canvasElement: HTMLElement, label: string, option: string) {
  const canvas = within(canvasElement);
  const trigger = canvas.getByRole('combobox', { name: label });
  await userEvent.click(trigger);
  await userEvent.click(await page(canvasElement).findByRole('option', { name: option }));
  await waitFor(() => expect(trigger).toHaveTextContent(option));
}

/** A `validate` that never settles, to show the busy state. */
export const neverSettles = () => new Promise<never>(() => {});

/** A prop as a definition (or a fixture's JSON) describes it. */
type PropShape = { type: string; displayName?: unknown; required?: unknown; options?: unknown };
type MethodShape = PropShape & { props?: unknown; username?: PropShape; password?: PropShape };

/**
 * The props a method shows, keyed as in Activepieces: a SecretText is one required secret, a
 * BasicAuth a required username and password (with its own labels), others their `props`.
 */
function propsShownBy(method: MethodShape): [string, PropShape][] {
  switch (method.type) {
    case 'SECRET_TEXT':
      return [['secret_text', { type: 'SECRET_TEXT', displayName: method.displayName, required: true }]];
    case 'BASIC_AUTH':
      return [
        ['username', { ...method.username, type: 'SHORT_TEXT', required: true }],
        ['password', { ...method.password, type: 'SECRET_TEXT', required: true }],
      ];
    default:
      return Object.entries((method.props ?? {}) as Record<string, PropShape>);
  }
}

/** The label a prop's control has: its display name, or its key when it has none. */
const labelOf = (key: string, prop: PropShape) => (typeof prop.displayName === 'string' && prop.displayName ? prop.displayName : key);

const optionCount = (prop: PropShape) => ((prop.options as { options?: unknown[] } | undefined)?.options ?? []).length;

/** Finds, by role and label, the control a prop must get, and checks its required mark. */
async function expectControlFor(form: Canvas, key: string, prop: PropShape) {
  const name = labelOf(key, prop);
  const required = prop.required === true;
  let control: HTMLElement;
  switch (prop.type) {
    case 'SHORT_TEXT':
    case 'LONG_TEXT':
      control = form.getByRole('textbox', { name });
      await expect(control.tagName).toBe(prop.type === 'SHORT_TEXT' ? 'INPUT' : 'TEXTAREA');
      break;
    case 'SECRET_TEXT':
      // A password input has no ARIA role: its label is how it is found (a method radio may share it).
      control = form.getByLabelText(name, { selector: 'input[type="password"]' });
      break;
    case 'NUMBER':
      control = form.getByRole('spinbutton', { name });
      break;
    case 'CHECKBOX':
      // Unchecked is a value (false), so a checkbox is never marked required, as in Activepieces.
      await expect(form.getByRole('checkbox', { name })).not.toBeRequired();
      return;
    case 'STATIC_DROPDOWN':
      control = form.getByRole('combobox', { name });
      break;
    case 'STATIC_MULTI_SELECT_DROPDOWN': {
      // A group cannot be aria-required: its legend says "(required)".
      const group = form.getByRole('group', { name: required ? `${name} (required)` : name });
      await expect(within(group).getAllByRole('checkbox')).toHaveLength(optionCount(prop));
      return;
    }
    default:
      throw new Error(`no expectation for a ${prop.type} prop (${key})`);
  }
  if (required) await expect(control).toBeRequired();
  else await expect(control).not.toBeRequired();
}

/**
 * For each method of `auth` (picked with the method radios when there are several): the form
 * has a control for every prop, found by role and label, with its required mark, its markdown
 * notes, and no control that no prop asked for.
 */
export async function expectControlsForEveryProp(canvasElement: HTMLElement, auth: unknown) {
  const canvas = within(canvasElement);
  const methods = (Array.isArray(auth) ? auth : [auth]) as MethodShape[];
  for (const [index, method] of methods.entries()) {
    if (methods.length > 1) {
      const radio = within(canvas.getByRole('group', { name: 'Authentication method' })).getAllByRole('radio')[index]!;
      await userEvent.click(radio);
      await expect(radio).toBeChecked();
    }
    // Only the chosen method's form is rendered.
    const formElement = canvasElement.querySelector('form')!;
    const form = within(formElement);
    const props = propsShownBy(method);
    const count = (type: string) => props.filter(([, p]) => p.type === type).length;
    for (const [key, prop] of props) if (prop.type !== 'MARKDOWN') await expectControlFor(form, key, prop);
    await expect(form.queryAllByRole('note')).toHaveLength(count('MARKDOWN'));
    // Nothing else: no stray inputs (an OAuth2 method with the host's app asks for no client id).
    await expect(form.queryAllByRole('textbox')).toHaveLength(count('SHORT_TEXT') + count('LONG_TEXT'));
    await expect(formElement.querySelectorAll('input[type="password"]')).toHaveLength(count('SECRET_TEXT'));
    await expect(form.queryAllByRole('spinbutton')).toHaveLength(count('NUMBER'));
    await expect(form.queryAllByRole('combobox')).toHaveLength(count('STATIC_DROPDOWN'));
    const multiOptions = props.filter(([, p]) => p.type === 'STATIC_MULTI_SELECT_DROPDOWN').reduce((n, [, p]) => n + optionCount(p), 0);
    await expect(form.queryAllByRole('checkbox')).toHaveLength(count('CHECKBOX') + multiOptions);
    await expect(form.getByRole('button', { name: 'Connect' })).toBeEnabled();
  }
}

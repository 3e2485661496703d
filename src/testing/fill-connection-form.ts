import { screen, within } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import type { AuthDefinition } from '../definitions/auth-types';
import { describeFields } from '../schema/field-model';
import { sameValue } from '../schema/same-value';

type User = ReturnType<typeof userEvent.setup>;

/** Options of the testing helpers. */
export interface TestingOptions {
  /** A user-event instance; a fresh `userEvent.setup()` by default. */
  user?: User;
  /** Where the form is; the whole document by default. */
  container?: HTMLElement;
}

const scope = (container?: HTMLElement) => (container ? within(container) : screen);

/** The control labelled with a field's label (skipping radios that share the name). */
function controlFor(container: HTMLElement | undefined, label: string): HTMLElement {
  return scope(container).getByLabelText(label, { selector: 'input:not([type="radio"]), textarea, button, select' });
}

/**
 * Fills a `<ConnectionForm>` the way a user would, from a plain object keyed like the
 * definition's props (`{ secret_text }` for SecretText, `{ username, password }` for BasicAuth).
 * Dropdown values are matched by value and picked by their label.
 *
 * @example
 * ```ts
 * await fillConnectionForm(awsAuth, { accessKeyId: 'AKIA…', secretAccessKey: 's', region: 'eu-west-1' });
 * ```
 */
export async function fillConnectionForm(
  auth: AuthDefinition,
  values: Record<string, unknown>,
  options: TestingOptions = {},
): Promise<void> {
  const user = options.user ?? userEvent.setup();
  for (const field of describeFields(auth)) {
    if (!(field.key in values)) continue;
    const value = values[field.key];
    const options_ = (field.property.options as { options?: { label: string; value: unknown }[] } | undefined)?.options ?? [];
    switch (field.type) {
      case 'CHECKBOX': {
        const box = controlFor(options.container, field.label) as HTMLInputElement;
        if (box.checked !== Boolean(value)) await user.click(box);
        break;
      }
      case 'STATIC_DROPDOWN': {
        const option = options_.find((o) => sameValue(o.value, value));
        if (!option) throw new Error(`fillConnectionForm: ${field.label} has no option with value ${JSON.stringify(value)}.`);
        await user.click(controlFor(options.container, field.label));
        // Radix renders the listbox in a portal on document.body.
        await user.click(await screen.findByRole('option', { name: option.label }));
        break;
      }
      case 'STATIC_MULTI_SELECT_DROPDOWN': {
        const group = scope(options.container).getByRole('group', { name: new RegExp(`^${escape(field.label)}`) });
        const wanted = Array.isArray(value) ? value : [];
        for (const option of options_) {
          const box = within(group).getByRole('checkbox', { name: option.label }) as HTMLInputElement;
          if (box.checked !== wanted.some((w) => sameValue(w, option.value))) await user.click(box);
        }
        break;
      }
      default: {
        const input = controlFor(options.container, field.label);
        await user.clear(input);
        if (value !== undefined && value !== '') await user.type(input, String(value));
      }
    }
  }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Clicks the form's submit button (Connect, Try again or Reconnect). */
export async function submitConnectionForm(options: TestingOptions = {}): Promise<void> {
  const user = options.user ?? userEvent.setup();
  await user.click(scope(options.container).getByRole('button', { name: /^(Connect|Try again|Reconnect)$/ }));
}

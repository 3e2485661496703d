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

import * as Dialog from '@radix-ui/react-dialog';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useRef, useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ConnectionForm } from '../src';
import { awsAuth } from './fixtures/auth-definitions';
import { page } from './play-helpers';

/**
 * The form inside a host's modal: a native `<dialog>` opened with `showModal()` (top layer, the
 * rest of the page inert) and a Radix Dialog. The dropdown's listbox must be drawn above the
 * modal and take clicks, and Escape must close only the listbox, never the modal with it
 * (with the browser's real key handling: test/browser/dialogs.browser.test.tsx).
 */
const meta = {
  title: 'ConnectionForm/Dialogs',
  component: ConnectionForm,
  args: { auth: awsAuth, onConnect: fn() },
} satisfies Meta<typeof ConnectionForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Escape presses that reached the host's own keydown handler on the document. */
const hostEscapes: KeyboardEvent[] = [];
function useHostEscapeHandler() {
  useEffect(() => {
    hostEscapes.length = 0;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') hostEscapes.push(event);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}

/** The element a user's click at the centre of `el` would hit. */
function hitAtCentre(el: Element): Element | null {
  const box = el.getBoundingClientRect();
  return el.ownerDocument.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
}

/** Opens Region, checks the option is what a click hits, picks it; then Escape on a reopened listbox. */
async function pickRegionAndEscape(canvasElement: HTMLElement, modal: () => HTMLElement) {
  const body = page(canvasElement);
  const trigger = body.getByRole('combobox', { name: /^Region/ });
  await userEvent.click(trigger);
  const listbox = await body.findByRole('listbox');
  const option = body.getByRole('option', { name: 'EU (Ireland)' });
  await expect(option.contains(hitAtCentre(option))).toBe(true);
  await userEvent.click(option);
  await waitFor(() => expect(trigger).toHaveTextContent('EU (Ireland)'));
  await expect(listbox.isConnected).toBe(false);

  await userEvent.click(trigger);
  await body.findByRole('listbox');
  await userEvent.keyboard('{Escape}');
  await waitFor(() => expect(body.queryByRole('listbox')).toBeNull());
  await expect(modal()).toBeVisible();
  await expect(hostEscapes).toHaveLength(0);
}

function NativeDialogHost(args: Meta<typeof ConnectionForm>['args']) {
  useHostEscapeHandler();
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()}>
        Add connection
      </button>
      <dialog ref={dialog} aria-label="New AWS connection" style={{ padding: '1rem', border: 0, borderRadius: 8 }}>
        <ConnectionForm {...(args as { auth: typeof awsAuth; onConnect: () => void })} />
      </dialog>
    </>
  );
}

/** A native `<dialog>` opened with `showModal()`: the listbox renders inside it, in the top layer. */
export const NativeModalDialog: Story = {
  name: 'Native <dialog> (showModal)',
  render: (args) => <NativeDialogHost {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Add connection' }));
    const dialog = await page(canvasElement).findByRole('dialog', { name: 'New AWS connection' });
    await expect(dialog).toHaveAttribute('open');
    await pickRegionAndEscape(canvasElement, () => dialog);
    await expect((dialog as HTMLDialogElement).open).toBe(true);
    // A play function's key presses are synthetic, which a native dialog ignores: that Escape
    // closes the listbox and not the dialog is proven with real presses in
    // test/browser/dialogs.browser.test.tsx.
  },
};

function RadixDialogHost(args: Meta<typeof ConnectionForm>['args']) {
  useHostEscapeHandler();
  const [open, setOpen] = useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <button type="button">Add connection</button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay style={{ position: 'fixed', inset: 0, background: 'rgb(0 0 0 / 0.5)' }} />
        <Dialog.Content
          aria-describedby={undefined}
          style={{
            position: 'fixed',
            top: '50%',
            left: '50%',
            transform: 'translate(-50%, -50%)',
            background: 'white',
            borderRadius: 8,
            padding: '1rem',
          }}
        >
          <Dialog.Title>New AWS connection</Dialog.Title>
          <ConnectionForm {...(args as { auth: typeof awsAuth; onConnect: () => void })} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** A Radix Dialog (modal, transformed): the listbox stays on `<body>`, above the overlay, and takes clicks. */
export const RadixDialog: Story = {
  name: 'Radix Dialog',
  render: (args) => <RadixDialogHost {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Add connection' }));
    const dialog = await page(canvasElement).findByRole('dialog', { name: 'New AWS connection' });
    await pickRegionAndEscape(canvasElement, () => page(canvasElement).getByRole('dialog', { name: 'New AWS connection' }));
    await expect(dialog.isConnected).toBe(true);
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(page(canvasElement).queryByRole('dialog')).toBeNull());
  },
};

// The form inside a host's modal, driven with trusted input (vitest/browser's userEvent goes
// through Playwright): a native <dialog> opened with showModal() and a Radix Dialog. The listbox
// must be drawn above the modal and take real clicks, and Escape must close the listbox only.
import * as Dialog from '@radix-ui/react-dialog';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { ConnectionForm } from '../../src';
import '../../src/styles/connection-kit.css';
import { awsAuth } from '../../stories/fixtures/auth-definitions';

/** The element a real click at the centre of `el` lands on. */
function hitAtCentre(el: Element): Element | null {
  const box = el.getBoundingClientRect();
  return document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
}

let hostEscapes: number;
const onHostKeyDown = (event: KeyboardEvent) => {
  if (event.key === 'Escape') hostEscapes++;
};
beforeEach(() => {
  hostEscapes = 0;
  document.addEventListener('keydown', onHostKeyDown);
});
afterEach(() => {
  document.removeEventListener('keydown', onHostKeyDown);
  cleanup();
});

/** Picks EU (Ireland) with a real click at the option's centre; returns where the open listbox was. */
async function pickRegion() {
  const trigger = screen.getByRole('combobox', { name: /^Region/ });
  await userEvent.click(trigger);
  const listbox = await screen.findByRole('listbox');
  const parent = listbox.closest('[data-radix-popper-content-wrapper]')?.parentElement;
  const option = screen.getByRole('option', { name: 'EU (Ireland)' });
  expect(option.contains(hitAtCentre(option))).toBe(true);
  await userEvent.click(option);
  await waitFor(() => expect(trigger).toHaveTextContent('EU (Ireland)'));
  return { trigger, parent };
}

function NativeDialogHost() {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()}>
        Add connection
      </button>
      <dialog ref={dialog} aria-label="New AWS connection">
        <ConnectionForm auth={awsAuth} onConnect={vi.fn()} />
      </dialog>
    </>
  );
}

describe('inside a native <dialog> opened with showModal()', () => {
  it('renders the listbox inside the dialog, where a real click reaches its options', async () => {
    render(<NativeDialogHost />);
    await userEvent.click(screen.getByRole('button', { name: 'Add connection' }));
    const dialog = screen.getByRole('dialog', { name: 'New AWS connection' }) as HTMLDialogElement;
    const { parent } = await pickRegion();
    expect(parent).toBe(dialog);
  });

  it('closes only the listbox on Escape: the dialog stays open and the host hears nothing; the next Escape closes the dialog', async () => {
    render(<NativeDialogHost />);
    await userEvent.click(screen.getByRole('button', { name: 'Add connection' }));
    const dialog = screen.getByRole('dialog', { name: 'New AWS connection' }) as HTMLDialogElement;
    const { trigger } = await pickRegion();
    await userEvent.click(trigger);
    await screen.findByRole('listbox');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
    expect(dialog.open).toBe(true);
    expect(hostEscapes).toBe(0);
    // Proves the presses are real: the browser's own Escape handling closes the modal.
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(dialog.open).toBe(false));
    expect(hostEscapes).toBe(1);
  });

  it('uses the portalContainer the host passes instead', async () => {
    const target = document.createElement('div');
    target.setAttribute('data-testid', 'host-layer');
    document.body.append(target);
    render(<ConnectionForm auth={awsAuth} onConnect={vi.fn()} portalContainer={target} />);
    const { parent } = await pickRegion();
    expect(parent).toBe(target);
    target.remove();
  });
});

function RadixDialogHost({ onOpenChange }: { onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog.Root onOpenChange={onOpenChange}>
      <Dialog.Trigger>Add connection</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay style={{ position: 'fixed', inset: 0, background: 'rgb(0 0 0 / 0.5)' }} />
        <Dialog.Content
          aria-describedby={undefined}
          style={{ position: 'fixed', top: '50%', left: '50%', transform: 'translate(-50%, -50%)', background: 'white', padding: 16 }}
        >
          <Dialog.Title>New AWS connection</Dialog.Title>
          <ConnectionForm auth={awsAuth} onConnect={vi.fn()} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

describe('inside a Radix Dialog', () => {
  it('takes real clicks on the options above the overlay, and Escape closes the listbox, not the dialog', async () => {
    const onOpenChange = vi.fn();
    render(<RadixDialogHost onOpenChange={onOpenChange} />);
    await userEvent.click(screen.getByRole('button', { name: 'Add connection' }));
    const { trigger } = await pickRegion();
    await userEvent.click(trigger);
    await screen.findByRole('listbox');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
    expect(screen.getByRole('dialog', { name: 'New AWS connection' })).toBeVisible();
    expect(onOpenChange).toHaveBeenCalledTimes(1);
    expect(hostEscapes).toBe(0);
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});

// Issue 16 item 3: every part of the form carries data-slot="<part>", and `classNames` adds the
// host's classes to exactly that part (the portalled listbox included), after the kit's ck-*
// class; `icons` replaces the glyphs the form draws.
import { render, screen, waitFor, within } from '@testing-library/react';
import type { AuthInput, ConnectionFormClassNames, ConnectionFormPart, ConnectionFormProps } from '../../src';
import { ConnectionForm, KEPT_SECRET } from '../../src';
import {
  apiKeyAuth,
  apiKeyOrBasicAuth,
  eitherGrantOAuth2Auth,
  everyPropertyAuth,
  helpTextAuth,
  malformedAuth,
  regionalOAuth2Auth,
  unsupportedPropAuth,
} from '../../stories/fixtures/auth-definitions';
import { REDIRECT_URL } from '../oauth/fake-window';
import { HOST_APP, pkceReady, renderOAuth2Form, stubWindowOpen, submitButton } from '../oauth/oauth2-form-kit';
import { chooseOption, connectButton, deferred, renderForm } from './render-form';

/** Every part, once. `satisfies` and the check below fail to compile if one is added or left out. */
const PARTS = [
  'root',
  'definition-error',
  'definition-error-title',
  'method-picker',
  'grant-picker',
  'picker-legend',
  'picker-option',
  'radio',
  'picker-label',
  'picker-hint',
  'form',
  'description',
  'redirect-url',
  'redirect-url-value',
  'copy-button',
  'fields',
  'field',
  'label',
  'input',
  'textarea',
  'input-group',
  'reveal-button',
  'saved-secret',
  'select-trigger',
  'select-value',
  'select-icon',
  'select-content',
  'select-viewport',
  'select-item',
  'select-item-indicator',
  'choice-group',
  'checkbox-row',
  'checkbox',
  'checkbox-control',
  'checkbox-indicator',
  'checkbox-label',
  'field-description',
  'error',
  'note',
  'unsupported',
  'actions',
  'submit-button',
  'cancel-button',
  'open-in-new-tab-button',
  'status',
  'status-icon',
] as const satisfies readonly ConnectionFormPart[];
const everyPartListed: [Exclude<ConnectionFormPart, (typeof PARTS)[number]>] extends [never] ? true : false = true;

/** A host class for every part: `host-<part>`. */
const HOST_CLASSES = Object.fromEntries(PARTS.map((p) => [p, `host-${p}`])) as ConnectionFormClassNames;
const ICONS = { checkbox: '✔' };

const seen = new Set<string>();
/**
 * Records the parts on the page now, checking each as it goes: its data-slot is a known part,
 * and its element has that part's host class (and no other part's).
 */
function recordParts() {
  for (const el of document.querySelectorAll('[data-slot]')) {
    const slot = el.getAttribute('data-slot')!;
    expect(PARTS).toContain(slot);
    const hostClasses = [...el.classList].filter((c) => c.startsWith('host-'));
    expect(hostClasses, `the ${slot} part`).toEqual([`host-${slot}`]);
    seen.add(slot);
  }
}

function renderWithParts<A extends AuthInput>(auth: A, props: Partial<Omit<ConnectionFormProps<A>, 'auth'>> = {}) {
  return renderForm(auth, { classNames: HOST_CLASSES, icons: ICONS, ...props });
}

describe('the parts of the form', () => {
  afterAll(() => {
    // Every part showed up in one of the forms below, with its host class.
    expect(everyPartListed).toBe(true);
    expect([...seen].sort()).toEqual([...PARTS].sort());
  });

  it('name the fields of every property type, the help, the error, the actions and the status', async () => {
    const { user } = renderWithParts(everyPropertyAuth);
    await user.click(connectButton());
    await screen.findByText('Fix the 2 highlighted fields.');
    recordParts();
    // What a user sees is the part it says it is.
    expect(screen.getByRole('textbox', { name: 'Host' })).toHaveAttribute('data-slot', 'input');
    expect(screen.getByRole('textbox', { name: 'Notes' })).toHaveAttribute('data-slot', 'textarea');
    expect(screen.getByRole('spinbutton', { name: 'Port' })).toHaveAttribute('data-slot', 'input');
    expect(screen.getByRole('checkbox', { name: 'Use SSL' })).toHaveAttribute('data-slot', 'checkbox');
    expect(screen.getByRole('group', { name: 'Scopes' })).toHaveAttribute('data-slot', 'choice-group');
    expect(screen.getByRole('note')).toHaveAttribute('data-slot', 'note');
    expect(screen.getByRole('button', { name: 'Connect' })).toHaveAttribute('data-slot', 'submit-button');
    expect(screen.getByRole('button', { name: 'Show Token' })).toHaveAttribute('data-slot', 'reveal-button');
    expect(screen.getByRole('status')).toHaveAttribute('data-slot', 'status');
    expect(screen.getByText('Token is required.')).toHaveAttribute('data-slot', 'error');
  });

  it('name the dropdown, its portalled listbox, options and the chosen mark', async () => {
    const { user, container } = renderWithParts(everyPropertyAuth);
    await chooseOption(user, 'Environment', 'Production');
    const trigger = screen.getByRole('combobox', { name: 'Environment' });
    await user.click(trigger);
    const listbox = await screen.findByRole('listbox');
    recordParts();
    expect(container.contains(listbox)).toBe(false);
    expect(listbox).toHaveAttribute('data-slot', 'select-content');
    expect(listbox).toHaveClass('ck-select-content', 'host-select-content');
    expect(trigger).toHaveAttribute('data-slot', 'select-trigger');
    expect(trigger).toHaveClass('ck-input', 'ck-select-trigger', 'host-select-trigger');
    const chosen = screen.getByRole('option', { name: 'Production' });
    expect(chosen).toHaveAttribute('data-slot', 'select-item');
    expect(chosen.querySelector('[data-slot="select-item-indicator"]')).not.toBeNull();
    expect(screen.getByRole('option', { name: 'Sandbox' }).querySelector('[data-slot="select-item-indicator"]')).toBeNull();
    await user.keyboard('{Escape}');
  });

  it('name the connected status icon, and make Reconnect a secondary action', async () => {
    const { user } = renderWithParts(apiKeyAuth);
    await user.type(screen.getByLabelText('API Key'), 'sk-ok');
    await user.click(connectButton());
    await screen.findByText('Connected.');
    recordParts();
    const icon = screen.getByRole('status').querySelector('[data-slot="status-icon"]');
    expect(icon).toHaveAttribute('aria-hidden', 'true');
    expect(screen.getByRole('button', { name: 'Reconnect' })).toHaveAttribute('data-variant', 'secondary');
  });

  it('name the method picker, its options and radios', () => {
    renderWithParts(apiKeyOrBasicAuth);
    recordParts();
    expect(screen.getByRole('group', { name: 'Authentication method' })).toHaveAttribute('data-slot', 'method-picker');
    const radio = screen.getAllByRole('radio')[0]!;
    expect(radio).toHaveAttribute('data-slot', 'radio');
    expect(radio.closest('[data-slot="picker-option"]')).toHaveAttribute('data-state', 'checked');
  });

  it('name the OAuth2 grant picker and the redirect URL to register', () => {
    renderWithParts(eitherGrantOAuth2Auth, { oauth2: { redirectUrl: REDIRECT_URL } });
    recordParts();
    expect(screen.getByRole('button', { name: 'Copy' })).toHaveAttribute('data-slot', 'copy-button');
    expect(screen.getByText(REDIRECT_URL)).toHaveAttribute('data-slot', 'redirect-url-value');
  });

  it('name the help text, an unsupported field and a saved secret', () => {
    renderWithParts(helpTextAuth);
    recordParts();
    expect(screen.getByText(/Where to find it/).closest('[data-slot]')).toHaveAttribute('data-slot', 'field-description');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    renderWithParts(unsupportedPropAuth);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('auth.props.payload.type is JSON'));
    warn.mockRestore();
    recordParts();
    expect(screen.getByText(/Payload/)).toHaveAttribute('data-slot', 'unsupported');
    render(
      <ConnectionForm
        auth={apiKeyAuth}
        initialValue={{ type: 'SECRET_TEXT', secret_text: KEPT_SECRET }}
        classNames={HOST_CLASSES}
        onConnect={vi.fn()}
      />,
    );
    recordParts();
    expect(screen.getByText(/saved/i, { selector: 'p' })).toHaveAttribute('data-slot', 'saved-secret');
  });

  it('name the Cancel button while validate runs', async () => {
    const pending = deferred<{ valid: true }>();
    const { user } = renderWithParts(apiKeyAuth, { validate: () => pending.promise });
    await user.type(screen.getByLabelText('API Key'), 'sk-1');
    await user.click(connectButton());
    const cancel = await screen.findByRole('button', { name: 'Cancel' });
    recordParts();
    expect(cancel).toHaveAttribute('data-slot', 'cancel-button');
    expect(cancel).toHaveClass('ck-button', 'ck-cancel', 'host-cancel-button');
    await user.click(cancel);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull());
  });

  it('name the "open in a new tab" button after a blocked popup', async () => {
    stubWindowOpen(null);
    const { user } = renderOAuth2Form(regionalOAuth2Auth, { oauth2: HOST_APP, classNames: HOST_CLASSES });
    await user.type(screen.getByRole('textbox', { name: 'Region' }), 'eu');
    await pkceReady();
    await user.click(submitButton());
    const newTab = await screen.findByRole('button', { name: 'Open the sign-in page in a new tab' });
    recordParts();
    expect(newTab).toHaveAttribute('data-slot', 'open-in-new-tab-button');
    vi.restoreAllMocks();
  });

  it('name the panel shown for a definition that cannot be rendered', () => {
    renderWithParts(malformedAuth);
    recordParts();
    expect(screen.getByRole('alert')).toHaveAttribute('data-slot', 'definition-error');
    expect(screen.getByRole('alert').parentElement).toHaveAttribute('data-slot', 'root');
  });
});

describe('classNames', () => {
  it("keeps the kit's classes and the root's className beside the host's", () => {
    const { container } = renderForm(apiKeyAuth, {
      className: 'card',
      classNames: { root: 'p-6', input: 'h-9 rounded-md', label: undefined },
    });
    const root = container.firstElementChild!;
    expect(root).toHaveAttribute('data-slot', 'root');
    expect(root.className).toBe('ck-root card p-6');
    expect(screen.getByLabelText('API Key').className).toBe('ck-input h-9 rounded-md');
    // A part given `undefined`, or not given, has the kit's class alone.
    expect(screen.getByText('API Key', { selector: 'label' }).className).toBe('ck-label');
    expect(screen.getByRole('button', { name: 'Connect' }).className).toBe('ck-button ck-submit');
  });
});

describe('icons', () => {
  it("are the kit's by default: ▾ on the trigger, the ✓ left to the stylesheet, native checkboxes", async () => {
    const { user } = renderForm(everyPropertyAuth);
    const trigger = screen.getByRole('combobox', { name: 'Environment' });
    expect(within(trigger).getByText('▾')).toHaveAttribute('aria-hidden', 'true');
    await chooseOption(user, 'Environment', 'Sandbox');
    await user.click(trigger);
    expect(screen.getByRole('option', { name: 'Sandbox' })).toHaveTextContent(/^Sandbox$/);
    await user.keyboard('{Escape}');
    expect(document.querySelector('[data-slot="checkbox-indicator"]')).toBeNull();
  });

  it("replace the trigger's arrow, the chosen option's mark and the checkbox mark, hidden from assistive tech", async () => {
    const { user } = renderForm(everyPropertyAuth, {
      icons: {
        chevron: <svg aria-label="chevron icon" />,
        check: <svg aria-label="check icon" />,
        checkbox: <svg aria-label="tick icon" />,
      },
    });
    const trigger = screen.getByRole('combobox', { name: 'Environment' });
    expect(trigger).not.toHaveTextContent('▾');
    expect(within(trigger).getByLabelText('chevron icon').closest('[aria-hidden="true"]')).not.toBeNull();
    await chooseOption(user, 'Environment', 'Production');
    await user.click(trigger);
    // Still named by its label alone: the icon is decorative.
    const chosen = screen.getByRole('option', { name: 'Production' });
    expect(within(chosen).getByLabelText('check icon').closest('[aria-hidden="true"]')).not.toBeNull();
    expect(within(screen.getByRole('option', { name: 'Sandbox' })).queryByLabelText('check icon')).toBeNull();
    await user.keyboard('{Escape}');

    // The checkbox stays the real control, named by its label, next to the icon.
    const ssl = screen.getByRole('checkbox', { name: 'Use SSL' });
    const box = ssl.closest('[data-slot="checkbox-control"]')!;
    expect(
      within(box as HTMLElement)
        .getByLabelText('tick icon')
        .closest('[aria-hidden="true"]'),
    ).not.toBeNull();
    expect(ssl).toBeChecked();
    await user.click(screen.getByText('Use SSL'));
    expect(ssl).not.toBeChecked();
    // One per option of the multi-select too.
    const scopes = screen.getByRole('group', { name: 'Scopes' });
    expect(within(scopes).getAllByLabelText('tick icon')).toHaveLength(3);
  });

  it('work inside the listbox when it renders in a portal outside the form', async () => {
    const { user, container } = renderForm(everyPropertyAuth, { icons: { check: <svg aria-label="check icon" /> } });
    await chooseOption(user, 'Environment', 'Sandbox');
    await user.click(screen.getByRole('combobox', { name: 'Environment' }));
    const listbox = await screen.findByRole('listbox');
    expect(container.contains(listbox)).toBe(false);
    expect(within(listbox).getAllByLabelText('check icon')).toHaveLength(1);
    await waitFor(() => expect(screen.getByRole('option', { name: 'Sandbox' })).toHaveAttribute('data-state', 'checked'));
    await user.keyboard('{Escape}');
  });
});

// Unstyled use: a host that brings its own design system does not load connection-kit/styles.css
// and styles the form through its className, ARIA attributes and these data-* attributes (README,
// Theming). Every state a stylesheet needs is on the DOM, and nothing the kit renders in the
// form is styled inline, so without the stylesheet the form is plain, host-stylable markup.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ConnectionForm, type AuthInput } from '../../src';
import { everyPropertyAuth, regionalOAuth2Auth } from '../../stories/fixtures/auth-definitions';

function renderForm(auth: AuthInput, props: Record<string, unknown> = {}) {
  const user = userEvent.setup();
  const view = render(<ConnectionForm auth={auth} onConnect={() => {}} className="acme-connection" {...props} />);
  const root = view.container.firstElementChild as HTMLElement;
  return { ...view, user, root };
}

/** The row (data-type element) of the control labelled `label`. */
const rowOf = (control: HTMLElement) => control.closest<HTMLElement>('[data-type]')!;
const labelFor = (control: HTMLElement) => document.querySelector(`label[for="${CSS.escape(control.id)}"]`)!;

describe('the root', () => {
  it("carries the host's class and the auth type", () => {
    const { root } = renderForm(everyPropertyAuth);
    expect(root).toHaveClass('acme-connection');
    expect(root).toHaveAttribute('data-auth-type', 'CUSTOM_AUTH');
    expect(root).not.toHaveAttribute('data-disabled');
  });

  it('says OAUTH2 for an OAuth2 definition, and data-disabled when disabled', () => {
    const { root } = renderForm(regionalOAuth2Auth, {
      disabled: true,
      oauth2: { clientId: 'c', redirectUrl: 'https://app.example.com/cb' },
    });
    expect(root).toHaveAttribute('data-auth-type', 'OAUTH2');
    expect(root).toHaveAttribute('data-disabled');
  });
});

describe('each field row', () => {
  it('says its property type, and whether it is required, on the row and on its label', () => {
    renderForm(everyPropertyAuth);
    const host = screen.getByRole('textbox', { name: 'Host' });
    expect(rowOf(host)).toHaveAttribute('data-type', 'SHORT_TEXT');
    expect(rowOf(host)).toHaveAttribute('data-required');
    expect(labelFor(host)).toHaveAttribute('data-required');
    const notes = screen.getByRole('textbox', { name: 'Notes' });
    expect(rowOf(notes)).toHaveAttribute('data-type', 'LONG_TEXT');
    expect(rowOf(notes)).not.toHaveAttribute('data-required');
    expect(labelFor(notes)).not.toHaveAttribute('data-required');
    expect(rowOf(screen.getByRole('spinbutton', { name: 'Port' }))).toHaveAttribute('data-type', 'NUMBER');
    expect(rowOf(screen.getByRole('checkbox', { name: 'Use SSL' }))).toHaveAttribute('data-type', 'CHECKBOX');
    expect(rowOf(screen.getByLabelText('Token'))).toHaveAttribute('data-type', 'SECRET_TEXT');
    expect(rowOf(screen.getByRole('combobox', { name: 'Environment' }))).toHaveAttribute('data-type', 'STATIC_DROPDOWN');
    expect(rowOf(screen.getByRole('group', { name: 'Scopes' }))).toHaveAttribute('data-type', 'STATIC_MULTI_SELECT_DROPDOWN');
  });

  it('gives a markdown note its variant', () => {
    renderForm(everyPropertyAuth);
    const note = screen.getByRole('note');
    expect(note).toHaveAttribute('data-variant', 'WARNING');
    expect(rowOf(note)).toHaveAttribute('data-type', 'MARKDOWN');
  });

  it('is marked data-invalid only while its field is invalid', async () => {
    const { user } = renderForm(everyPropertyAuth);
    const token = screen.getByLabelText('Token');
    expect(rowOf(token)).not.toHaveAttribute('data-invalid');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(rowOf(token)).toHaveAttribute('data-invalid'));
    expect(token).toHaveAttribute('aria-invalid', 'true');
    expect(rowOf(screen.getByRole('textbox', { name: 'Host' }))).not.toHaveAttribute('data-invalid');
    await user.type(token, 'tok');
    await waitFor(() => expect(rowOf(token)).not.toHaveAttribute('data-invalid'));
  });
});

describe('the form and its status line', () => {
  it('go from idle to fields-invalid, then validating (aria-busy), then connected', async () => {
    let finish!: () => void;
    const validate = () => new Promise<{ valid: true }>((resolve) => (finish = () => resolve({ valid: true })));
    const { user, container } = renderForm(everyPropertyAuth, { validate });
    const form = container.querySelector('form')!;
    const status = screen.getByRole('status');
    const expectState = (state: string) => {
      expect(form).toHaveAttribute('data-state', state);
      expect(status).toHaveAttribute('data-state', state);
    };
    expectState('idle');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expectState('fields-invalid'));

    await user.type(screen.getByLabelText('Token'), 'tok');
    await user.click(screen.getByRole('combobox', { name: 'Environment' }));
    await user.click(screen.getByRole('option', { name: 'Sandbox' }));
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expectState('validating'));
    expect(form).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('button', { name: 'Checking connection…' })).toHaveAttribute('aria-disabled', 'true');

    finish();
    await waitFor(() => expectState('connected'));
    expect(form).not.toHaveAttribute('aria-busy');
  });
});

describe('the dropdown', () => {
  it('marks the placeholder, the highlighted option and the chosen one (Radix data-*)', async () => {
    const { user } = renderForm(everyPropertyAuth);
    const trigger = screen.getByRole('combobox', { name: 'Environment' });
    expect(trigger).toHaveAttribute('data-placeholder');
    await user.click(trigger);
    await user.click(within(screen.getByRole('listbox')).getByRole('option', { name: 'Sandbox' }));
    expect(trigger).not.toHaveAttribute('data-placeholder');
    await user.click(trigger);
    const listbox = screen.getByRole('listbox');
    expect(listbox).toHaveClass('ck-select-content');
    const sandbox = within(listbox).getByRole('option', { name: 'Sandbox' });
    expect(sandbox).toHaveAttribute('data-state', 'checked');
    expect(within(listbox).getByRole('option', { name: 'Production' })).toHaveAttribute('data-state', 'unchecked');
    await user.keyboard('{ArrowUp}');
    await waitFor(() => expect(within(listbox).getByRole('option', { name: 'Production' })).toHaveAttribute('data-highlighted'));
  });
});

describe('without the stylesheet', () => {
  it('the form is styled inline nowhere (only Radix’s hidden native select and value span are)', () => {
    const { root } = renderForm(everyPropertyAuth);
    const inline = Array.from(root.querySelectorAll('[style]')).filter(
      // Radix Select's own: the native <select> kept for forms (aria-hidden, visually hidden) and
      // pointer-events on the value text. Neither gives the form a look.
      (el) =>
        !(el.tagName === 'SELECT' && el.getAttribute('aria-hidden') === 'true') && el.getAttribute('style') !== 'pointer-events: none;',
    );
    expect(inline.map((el) => el.outerHTML.slice(0, 120))).toEqual([]);
  });
});

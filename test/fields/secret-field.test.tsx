import { screen, waitFor } from '@testing-library/react';
import { apiKeyAuth, basicAuth, everyPropertyAuth } from '../../stories/fixtures/auth-definitions';
import { connectButton, renderForm } from '../connection-form/render-form';

const SECRET = 'sk-live-7f3a9c';

describe('a SecretText auth', () => {
  it('renders a masked input named after the auth’s display name', () => {
    renderForm(apiKeyAuth);
    const input = screen.getByLabelText('API Key');
    expect(input).toHaveAttribute('type', 'password');
    expect(input).toBeRequired();
  });

  it('asks browsers not to fill in, spell-check or capitalise it', () => {
    renderForm(apiKeyAuth);
    const input = screen.getByLabelText('API Key');
    expect(input).toHaveAttribute('autocomplete', 'new-password');
    expect(input).toHaveAttribute('spellcheck', 'false');
    expect(input).toHaveAttribute('autocapitalize', 'off');
  });

  it('has a real reveal button named "Show <label>" that is not pressed at first', () => {
    renderForm(apiKeyAuth);
    const toggle = screen.getByRole('button', { name: 'Show API Key' });
    expect(toggle.tagName).toBe('BUTTON');
    expect(toggle).toHaveAttribute('type', 'button');
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
  });

  it('unmasks on the first press and masks again on the second, keeping what was typed', async () => {
    const { user } = renderForm(apiKeyAuth);
    const input = screen.getByLabelText('API Key');
    const toggle = screen.getByRole('button', { name: 'Show API Key' });
    await user.type(input, SECRET);
    await user.click(toggle);
    expect(input).toHaveAttribute('type', 'text');
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(input).toHaveValue(SECRET);
    await user.click(toggle);
    expect(input).toHaveAttribute('type', 'password');
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(input).toHaveValue(SECRET);
  });

  it('can be toggled from the keyboard without submitting the form', async () => {
    const { user, onConnect } = renderForm(apiKeyAuth);
    await user.type(screen.getByLabelText('API Key'), SECRET);
    await user.tab();
    expect(screen.getByRole('button', { name: 'Show API Key' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByLabelText('API Key')).toHaveAttribute('type', 'text');
    expect(onConnect).not.toHaveBeenCalled();
  });

  it('accepts a pasted secret', async () => {
    const { user, onConnect } = renderForm(apiKeyAuth);
    await user.click(screen.getByLabelText('API Key'));
    await user.paste(SECRET);
    await user.click(connectButton());
    await waitFor(() => expect(onConnect).toHaveBeenCalledWith({ type: 'SECRET_TEXT', secret_text: SECRET }, {}));
  });

  it('never writes the typed secret into the DOM while masked', async () => {
    const { user, container } = renderForm(apiKeyAuth);
    await user.type(screen.getByLabelText('API Key'), SECRET);
    expect(container.outerHTML).not.toContain(SECRET);
    expect(document.body.outerHTML).not.toContain(SECRET);
  });

  it('never writes the typed secret into the DOM while revealed', async () => {
    const { user, container } = renderForm(apiKeyAuth);
    await user.type(screen.getByLabelText('API Key'), SECRET);
    await user.click(screen.getByRole('button', { name: 'Show API Key' }));
    expect(screen.getByLabelText('API Key')).toHaveAttribute('type', 'text');
    expect(container.outerHTML).not.toContain(SECRET);
    expect(document.body.outerHTML).not.toContain(SECRET);
  });

  it('never writes the secret into the DOM after a submit, successful or not', async () => {
    const { user, onConnect } = renderForm(apiKeyAuth);
    await user.type(screen.getByLabelText('API Key'), 'not-a-key-123');
    await user.click(connectButton());
    expect(await screen.findByRole('status')).toHaveTextContent('Invalid API key');
    expect(document.body.outerHTML).not.toContain('not-a-key-123');
    await user.clear(screen.getByLabelText('API Key'));
    await user.type(screen.getByLabelText('API Key'), SECRET);
    await user.click(connectButton());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(document.body.outerHTML).not.toContain(SECRET);
  });
});

describe('a SecretText prop inside a custom auth', () => {
  it('is masked, has its own reveal button and stays out of the DOM', async () => {
    const { user } = renderForm(everyPropertyAuth);
    const token = screen.getByLabelText('Token');
    expect(token).toHaveAttribute('type', 'password');
    await user.type(token, SECRET);
    await user.click(screen.getByRole('button', { name: 'Show Token' }));
    expect(token).toHaveAttribute('type', 'text');
    expect(document.body.outerHTML).not.toContain(SECRET);
  });
});

describe('a BasicAuth password', () => {
  it('is masked, with a reveal button named after its label, and stays out of the DOM', async () => {
    const { user } = renderForm(basicAuth);
    const password = screen.getByLabelText('Password');
    expect(password).toHaveAttribute('type', 'password');
    expect(password).toHaveAttribute('autocomplete', 'new-password');
    await user.type(password, SECRET);
    await user.click(screen.getByRole('button', { name: 'Show Password' }));
    expect(document.body.outerHTML).not.toContain(SECRET);
  });
});

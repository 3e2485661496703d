import { act, screen, waitFor, within } from '@testing-library/react';
import type { ValidationResult } from '../../src';
import { PieceAuth } from '../../src';
import { apiKeyAuth, awsAuth, basicAuth, everyPropertyAuth } from '../../stories/fixtures/auth-definitions';
import { chooseOption, connectButton, deferred, renderForm } from './render-form';

describe('every control', () => {
  it('has an accessible name equal to its property’s display name, with no required marker in it', () => {
    renderForm(everyPropertyAuth);
    expect(screen.getByRole('textbox', { name: 'Host' })).toHaveAccessibleName('Host');
    expect(screen.getByRole('textbox', { name: 'Notes' })).toHaveAccessibleName('Notes');
    expect(screen.getByRole('spinbutton', { name: 'Port' })).toHaveAccessibleName('Port');
    expect(screen.getByRole('checkbox', { name: 'Use SSL' })).toHaveAccessibleName('Use SSL');
    expect(screen.getByLabelText('Token')).toHaveAccessibleName('Token');
    expect(screen.getByRole('combobox', { name: 'Environment' })).toHaveAccessibleName('Environment');
    const scopes = screen.getByRole('group', { name: 'Scopes' });
    for (const name of ['Read', 'Write', 'Admin']) expect(within(scopes).getByRole('checkbox', { name })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Show Token' })).toBeInTheDocument();
    expect(connectButton()).toHaveAttribute('type', 'submit');
  });

  it('is named after the auth’s display name for a SecretText auth', () => {
    renderForm(apiKeyAuth);
    expect(screen.getByLabelText('API Key')).toHaveAccessibleName('API Key');
  });

  it('exposes required with required or aria-required, and only on required fields', () => {
    renderForm(everyPropertyAuth);
    expect(screen.getByRole('textbox', { name: 'Host' })).toBeRequired();
    expect(screen.getByRole('spinbutton', { name: 'Port' })).toBeRequired();
    expect(screen.getByLabelText('Token')).toBeRequired();
    expect(screen.getByRole('combobox', { name: 'Environment' })).toHaveAttribute('aria-required', 'true');
    expect(screen.getByRole('textbox', { name: 'Notes' })).not.toBeRequired();
    expect(screen.getByRole('checkbox', { name: 'Use SSL' })).not.toBeRequired();
  });

  it('marks both BasicAuth fields required', () => {
    renderForm(basicAuth);
    expect(screen.getByRole('textbox', { name: 'Username' })).toBeRequired();
    expect(screen.getByLabelText('Password')).toBeRequired();
  });

  it('is disabled, with the submit button, when the form is disabled', () => {
    renderForm(everyPropertyAuth, { disabled: true });
    for (const control of [
      screen.getByRole('textbox', { name: 'Host' }),
      screen.getByRole('spinbutton', { name: 'Port' }),
      screen.getByLabelText('Token'),
      screen.getByRole('combobox', { name: 'Environment' }),
      screen.getByRole('checkbox', { name: 'Read' }),
      connectButton(),
    ]) {
      expect(control).toBeDisabled();
    }
  });
});

describe('help text and errors', () => {
  it('ties a field’s help to its control through aria-describedby', () => {
    renderForm(awsAuth);
    expect(screen.getByRole('textbox', { name: 'Access Key ID' })).toHaveAccessibleDescription('AWS Access Key ID');
    expect(screen.getByLabelText('Secret Access Key')).toHaveAccessibleDescription('AWS Secret Access Key');
    expect(screen.getByRole('combobox', { name: 'Region' })).toHaveAccessibleDescription('AWS Region');
  });

  it('adds the error after the help on a failed submit and marks the control aria-invalid', async () => {
    const { user } = renderForm(awsAuth);
    const keyId = screen.getByRole('textbox', { name: 'Access Key ID' });
    expect(keyId).not.toHaveAttribute('aria-invalid');
    await user.click(connectButton());
    await waitFor(() => expect(keyId).toHaveAttribute('aria-invalid', 'true'));
    expect(keyId).toHaveAccessibleDescription('AWS Access Key ID Access Key ID is required.');
    expect(screen.getByLabelText('Secret Access Key')).toHaveAccessibleDescription('AWS Secret Access Key Secret Access Key is required.');
    const region = screen.getByRole('combobox', { name: 'Region' });
    expect(region).toHaveAttribute('aria-invalid', 'true');
    expect(region).toHaveAccessibleDescription('AWS Region Choose a value for Region.');
  });

  it('ties the error alone when the field has no help', async () => {
    const { user } = renderForm(everyPropertyAuth);
    await user.click(connectButton());
    const token = screen.getByLabelText('Token');
    await waitFor(() => expect(token).toHaveAccessibleDescription('Token is required.'));
    expect(token).toHaveAttribute('aria-invalid', 'true');
  });

  it('removes the error and aria-invalid as soon as the field is fixed', async () => {
    const { user } = renderForm(awsAuth);
    await user.click(connectButton());
    const keyId = screen.getByRole('textbox', { name: 'Access Key ID' });
    await waitFor(() => expect(keyId).toHaveAttribute('aria-invalid', 'true'));
    await user.type(keyId, 'AKIA1');
    await waitFor(() => expect(keyId).not.toHaveAttribute('aria-invalid'));
    expect(keyId).toHaveAccessibleDescription('AWS Access Key ID');
    // The other fields stay invalid.
    expect(screen.getByLabelText('Secret Access Key')).toHaveAttribute('aria-invalid', 'true');
  });
});

describe('a failed submit', () => {
  it('moves focus to the first invalid field in form order', async () => {
    const { user } = renderForm(awsAuth);
    await user.click(connectButton());
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Access Key ID' })).toHaveFocus());
  });

  it('moves focus to a masked field when it is the first invalid one', async () => {
    const { user } = renderForm(awsAuth);
    await user.type(screen.getByRole('textbox', { name: 'Access Key ID' }), 'AKIA1');
    await user.click(connectButton());
    await waitFor(() => expect(screen.getByLabelText('Secret Access Key')).toHaveFocus());
  });

  it('moves focus to a dropdown when it is the first invalid one', async () => {
    const { user } = renderForm(awsAuth);
    await user.type(screen.getByRole('textbox', { name: 'Access Key ID' }), 'AKIA1');
    await user.type(screen.getByLabelText('Secret Access Key'), 'sak');
    await user.click(connectButton());
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Region' })).toHaveFocus());
  });

  it('moves focus past valid defaulted fields to the first one that is invalid', async () => {
    const { user } = renderForm(everyPropertyAuth);
    await chooseOption(user, 'Environment', 'Sandbox');
    await user.click(connectButton());
    await waitFor(() => expect(screen.getByLabelText('Token')).toHaveFocus());
  });
});

describe('the status region', () => {
  it('is in the page, empty and polite, before anything is submitted', () => {
    renderForm(apiKeyAuth);
    const region = screen.getByRole('status');
    expect(region).toBeEmptyDOMElement();
    expect(region).toHaveAttribute('aria-live', 'polite');
  });

  it('announces how many fields to fix after a failed submit', async () => {
    const { user } = renderForm(awsAuth);
    const region = screen.getByRole('status');
    await user.click(connectButton());
    await waitFor(() => expect(region).toHaveTextContent('Fix the 3 highlighted fields.'));
  });

  it('announces validating, then failed, then connected, in the same element', async () => {
    const answers = [deferred<ValidationResult>(), deferred<ValidationResult>()];
    let call = 0;
    const auth = PieceAuth.SecretText({ ...apiKeyAuth, validate: () => answers[call++]!.promise });
    const { user } = renderForm(auth);
    const region = screen.getByRole('status');
    await user.type(screen.getByLabelText('API Key'), 'sk-1');
    await user.click(connectButton());
    await waitFor(() => expect(region).toHaveTextContent('Checking connection…'));
    await act(async () => answers[0]!.resolve({ valid: false, error: 'Key revoked' }));
    await waitFor(() => expect(region).toHaveTextContent('Connection failed: Key revoked'));
    await user.click(connectButton());
    await waitFor(() => expect(region).toHaveTextContent('Checking connection…'));
    await act(async () => answers[1]!.resolve({ valid: true }));
    await waitFor(() => expect(region).toHaveTextContent('Connected.'));
    expect(screen.getByRole('status')).toBe(region);
  });
});

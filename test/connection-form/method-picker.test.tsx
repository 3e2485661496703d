import { screen, waitFor, within } from '@testing-library/react';
import { apiKeyOrBasicAuth } from '../../stories/fixtures/auth-definitions';
import { connectButton, renderForm } from './render-form';

// The radio for the API Key method shares the secret input's label text.
const apiKeyInput = () => screen.getByLabelText('API Key');

describe('an auth given as an array of alternatives', () => {
  it('shows a radio group "Authentication method" with one radio per method, the first chosen', () => {
    renderForm(apiKeyOrBasicAuth);
    const group = screen.getByRole('group', { name: 'Authentication method' });
    expect(within(group).getAllByRole('radio')).toHaveLength(2);
    expect(within(group).getByRole('radio', { name: 'Authenticate with API Key' })).toBeChecked();
    expect(within(group).getByRole('radio', { name: 'Authenticate with Credentials' })).not.toBeChecked();
  });

  it('shows each method as a card saying what it asks for, tied to its radio as a description', () => {
    renderForm(apiKeyOrBasicAuth);
    expect(screen.getByRole('radio', { name: 'Authenticate with API Key' })).toHaveAccessibleDescription('Paste an API key or token');
    expect(screen.getByRole('radio', { name: 'Authenticate with Credentials' })).toHaveAccessibleDescription(
      'Sign in with a username and password',
    );
  });

  it('says who is connected when the value names the account (a Basic auth’s username)', async () => {
    const { user, onConnect } = renderForm(apiKeyOrBasicAuth);
    await user.click(screen.getByRole('radio', { name: 'Authenticate with Credentials' }));
    await user.type(screen.getByRole('textbox', { name: 'Username' }), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'pw-secret');
    await user.click(connectButton());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(screen.getByRole('status')).toHaveTextContent('Connected as ada@example.com.');
  });

  it('shows only the chosen method’s fields', async () => {
    const { user } = renderForm(apiKeyOrBasicAuth);
    expect(apiKeyInput()).toBeVisible();
    expect(screen.queryByRole('textbox', { name: 'Username' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Authenticate with Credentials' }));
    expect(screen.getByRole('textbox', { name: 'Username' })).toBeVisible();
    // Only the chosen method's fields exist at all: nothing a host's CSS could reveal.
    expect(screen.queryByLabelText('API Key')).not.toBeInTheDocument();
  });

  it('keeps what was typed in each method when switching back and forth', async () => {
    const { user } = renderForm(apiKeyOrBasicAuth);
    await user.type(apiKeyInput(), 'sk-kept');
    await user.click(screen.getByRole('radio', { name: 'Authenticate with Credentials' }));
    await user.type(screen.getByRole('textbox', { name: 'Username' }), 'ada');
    await user.click(screen.getByRole('radio', { name: 'Authenticate with API Key' }));
    expect(apiKeyInput()).toHaveValue('sk-kept');
    await user.click(screen.getByRole('radio', { name: 'Authenticate with Credentials' }));
    expect(screen.getByRole('textbox', { name: 'Username' })).toHaveValue('ada');
  });

  it('emits the chosen method’s value only', async () => {
    const { user, onConnect } = renderForm(apiKeyOrBasicAuth);
    await user.type(apiKeyInput(), 'sk-unused');
    await user.click(screen.getByRole('radio', { name: 'Authenticate with Credentials' }));
    await user.type(screen.getByRole('textbox', { name: 'Username' }), 'ada');
    await user.type(screen.getByLabelText('Password'), 'pw');
    await user.click(connectButton());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect.mock.calls[0]![0]).toStrictEqual({ type: 'BASIC_AUTH', username: 'ada', password: 'pw' });
  });

  it('emits the first method’s value after switching away and back', async () => {
    const { user, onConnect } = renderForm(apiKeyOrBasicAuth);
    await user.click(screen.getByRole('radio', { name: 'Authenticate with Credentials' }));
    await user.type(screen.getByRole('textbox', { name: 'Username' }), 'ada');
    await user.click(screen.getByRole('radio', { name: 'Authenticate with API Key' }));
    await user.type(apiKeyInput(), 'sk-chosen');
    await user.click(connectButton());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect.mock.calls[0]![0]).toStrictEqual({ type: 'SECRET_TEXT', secret_text: 'sk-chosen' });
  });

  it('shows one status region and one Connect button at a time', async () => {
    const { user } = renderForm(apiKeyOrBasicAuth);
    expect(screen.getAllByRole('status')).toHaveLength(1);
    expect(screen.getAllByRole('button', { name: 'Connect' })).toHaveLength(1);
    await user.click(screen.getByRole('radio', { name: 'Authenticate with Credentials' }));
    expect(screen.getAllByRole('status')).toHaveLength(1);
    expect(screen.getAllByRole('button', { name: 'Connect' })).toHaveLength(1);
  });
});

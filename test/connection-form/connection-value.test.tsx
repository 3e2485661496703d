import { screen, waitFor } from '@testing-library/react';
import { PieceAuth, Property } from '../../src';
import { apiKeyAuth, awsAuth, basicAuth, everyPropertyAuth } from '../../stories/fixtures/auth-definitions';
import { chooseOption, connectButton, fillEveryPropertyRequired, renderForm } from './render-form';

// Activepieces' upsert shapes (packages/shared app-connection): exact keys, nothing more.
describe('submitting a SecretText auth', () => {
  it('emits exactly { type: "SECRET_TEXT", secret_text }', async () => {
    const { user, onConnect } = renderForm(apiKeyAuth);
    await user.type(screen.getByLabelText('API Key'), 'sk-abc');
    await user.click(connectButton());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect.mock.calls[0]![0]).toStrictEqual({ type: 'SECRET_TEXT', secret_text: 'sk-abc' });
  });

  it('emits nothing while the secret is empty', async () => {
    const { user, onConnect } = renderForm(apiKeyAuth);
    await user.click(connectButton());
    expect(await screen.findByText('API Key is required.')).toBeVisible();
    expect(onConnect).not.toHaveBeenCalled();
  });
});

describe('submitting a BasicAuth', () => {
  it('emits exactly { type: "BASIC_AUTH", username, password }', async () => {
    const { user, onConnect } = renderForm(basicAuth);
    await user.type(screen.getByRole('textbox', { name: 'Username' }), 'ada');
    await user.type(screen.getByLabelText('Password'), 'hunter2');
    await user.click(connectButton());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect.mock.calls[0]![0]).toStrictEqual({ type: 'BASIC_AUTH', username: 'ada', password: 'hunter2' });
  });

  it('requires both the username and the password', async () => {
    const { user, onConnect } = renderForm(basicAuth);
    await user.type(screen.getByRole('textbox', { name: 'Username' }), 'ada');
    await user.click(connectButton());
    expect(await screen.findByText('Password is required.')).toBeVisible();
    expect(onConnect).not.toHaveBeenCalled();
  });
});

describe('submitting a CustomAuth', () => {
  it('emits exactly { type: "CUSTOM_AUTH", props } with every prop under its key', async () => {
    const { user, onConnect } = renderForm(awsAuth);
    await user.type(screen.getByRole('textbox', { name: 'Access Key ID' }), 'AKIA123');
    await user.type(screen.getByLabelText('Secret Access Key'), 's3cr3t');
    await chooseOption(user, 'Region', 'EU (Ireland)');
    await user.click(connectButton());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect.mock.calls[0]![0]).toStrictEqual({
      type: 'CUSTOM_AUTH',
      props: { accessKeyId: 'AKIA123', secretAccessKey: 's3cr3t', region: 'eu-west-1' },
    });
  });

  it('prefills defaults, emits them, and leaves empty optional props out entirely', async () => {
    const { user, onConnect } = renderForm(everyPropertyAuth);
    await fillEveryPropertyRequired(user, 'tok-9');
    await user.click(connectButton());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    // notes (LongText) and scopes (multi-select) are optional and empty; the note has no value.
    expect(onConnect.mock.calls[0]![0]).toStrictEqual({
      type: 'CUSTOM_AUTH',
      props: { host: 'db.example.com', port: 5432, ssl: true, token: 'tok-9', environment: 'production' },
    });
  });

  it('leaves out an optional text prop the user typed into and then cleared', async () => {
    const { user, onConnect } = renderForm(everyPropertyAuth);
    const notes = screen.getByRole('textbox', { name: 'Notes' });
    await user.type(notes, 'temp');
    await user.clear(notes);
    await fillEveryPropertyRequired(user);
    await user.click(connectButton());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect.mock.calls[0]![0]).not.toHaveProperty('props.notes');
  });

  it('keeps prop keys that are not identifiers exactly as the author wrote them', async () => {
    const auth = PieceAuth.CustomAuth({
      required: true,
      props: {
        'base.url': Property.ShortText({ displayName: 'Base URL', required: true }),
        'x-api-key': PieceAuth.SecretText({ displayName: 'Key', required: true }),
      },
    });
    const { user, onConnect } = renderForm(auth);
    await user.type(screen.getByRole('textbox', { name: 'Base URL' }), 'https://api.example.com');
    await user.type(screen.getByLabelText('Key'), 'k1');
    await user.click(connectButton());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect.mock.calls[0]![0]).toStrictEqual({
      type: 'CUSTOM_AUTH',
      props: { 'base.url': 'https://api.example.com', 'x-api-key': 'k1' },
    });
  });
});

describe('submitting PieceAuth.None()', () => {
  it('says no credentials are needed and emits exactly { type: "NO_AUTH" }', async () => {
    const { user, onConnect } = renderForm(PieceAuth.None());
    expect(screen.getByText('This service needs no credentials.')).toBeVisible();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    await user.click(connectButton());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect.mock.calls[0]![0]).toStrictEqual({ type: 'NO_AUTH' });
  });
});

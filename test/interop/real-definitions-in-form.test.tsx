// Definitions built with the real `@activepieces/pieces-framework` builders, filled in and
// submitted through our form: what the form emits is what Activepieces' upsert endpoint accepts,
// and the definition's own `validate` is called the way Activepieces calls it.
import { PieceAuth, Property } from '@activepieces/pieces-framework';
import { UpsertAppConnectionRequestBody } from '@activepieces/shared';
import { render, screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ConnectionForm } from '../../src';
import { fillConnectionForm, submitConnectionForm } from '../../src/testing';

/** The body a host sends to Activepieces' `POST /v1/app-connections` with an emitted value. */
function upsertRequest(value: { type: string }) {
  return {
    type: value.type,
    value,
    externalId: 'x',
    displayName: 'x',
    pieceName: '@activepieces/piece-x',
    projectId: 'p',
  };
}

const SERVER = { apiUrl: 'https://api.example.com/', publicUrl: 'https://app.example.com/' };

// Typing and choosing through Radix take a few seconds in jsdom on a loaded machine.
const UI_TIMEOUT = 20_000;

function setup(ui: ReactElement) {
  const user = userEvent.setup({ delay: null });
  render(ui);
  return user;
}

async function submit(user: UserEvent) {
  await user.click(screen.getByRole('button', { name: 'Connect' }));
}

/** Connected: "Connected." or, when the value names its account (a Basic username), "Connected as …". */
async function connected() {
  expect(await screen.findByText(/^Connected( as .+)?\.$/)).toBeInTheDocument();
}

async function choose(user: UserEvent, label: string, option: string) {
  await user.click(screen.getByRole('combobox', { name: label }));
  // Radix renders the listbox in a portal on document.body.
  await user.click(await screen.findByRole('option', { name: option }));
}

describe('a real SecretText definition', () => {
  const validate = vi.fn(async ({ auth }: { auth: string }) =>
    auth.startsWith('sk-') ? { valid: true as const } : { valid: false as const, error: 'Keys start with sk-' },
  );
  const auth = PieceAuth.SecretText({
    displayName: 'API Key',
    description: 'Find it under **Settings**',
    required: true,
    validate,
  });

  it(
    'emits a value that Activepieces accepts as an upsert request',
    async () => {
      validate.mockClear();
      const onConnect = vi.fn();
      const user = setup(<ConnectionForm auth={auth} onConnect={onConnect} server={SERVER} />);
      await user.type(screen.getByLabelText('API Key'), 'sk-live-123');
      await submit(user);
      await connected();

      expect(onConnect).toHaveBeenCalledTimes(1);
      const value = onConnect.mock.calls[0]![0];
      expect(value).toEqual({ type: 'SECRET_TEXT', secret_text: 'sk-live-123' });
      expect(UpsertAppConnectionRequestBody.safeParse(upsertRequest(value)).success).toBe(true);
      // The check can fail: the same request with an empty secret, or the wrong tag, is refused.
      expect(UpsertAppConnectionRequestBody.safeParse(upsertRequest({ ...value, secret_text: '' })).success).toBe(false);
      expect(UpsertAppConnectionRequestBody.safeParse({ ...upsertRequest(value), type: 'BASIC_AUTH' }).success).toBe(false);
    },
    UI_TIMEOUT,
  );

  it(
    'calls its validate with the secret string and the server, as Activepieces does',
    async () => {
      validate.mockClear();
      const onConnect = vi.fn();
      const user = setup(<ConnectionForm auth={auth} onConnect={onConnect} server={SERVER} />);
      await user.type(screen.getByLabelText('API Key'), 'sk-live-123');
      await submit(user);
      await connected();

      expect(validate).toHaveBeenCalledTimes(1);
      const params = validate.mock.calls[0]![0] as Record<string, unknown>;
      expect(params).toMatchObject({ auth: 'sk-live-123', server: SERVER });
      // Activepieces passes `{ auth, server }`; the kit adds only an AbortSignal.
      expect(Object.keys(params).sort()).toEqual(['auth', 'server', 'signal']);
      expect(params.signal).toBeInstanceOf(AbortSignal);
    },
    UI_TIMEOUT,
  );

  it(
    "does not emit when its validate refuses, and shows the definition's error",
    async () => {
      validate.mockClear();
      const onConnect = vi.fn();
      const user = setup(<ConnectionForm auth={auth} onConnect={onConnect} server={SERVER} />);
      await user.type(screen.getByLabelText('API Key'), 'pk-wrong');
      await submit(user);
      expect(await screen.findByText(/Keys start with sk-/)).toBeInTheDocument();
      expect(validate).toHaveBeenCalledTimes(1);
      expect(onConnect).not.toHaveBeenCalled();
    },
    UI_TIMEOUT,
  );
});

describe('a real BasicAuth definition', () => {
  const validate = vi.fn(async (_: { auth: { username: string; password: string } }) => ({ valid: true as const }));
  const auth = PieceAuth.BasicAuth({
    displayName: 'Credentials',
    description: 'Your login',
    required: true,
    username: { displayName: 'Username', description: 'The e-mail you sign in with' },
    password: { displayName: 'Password' },
    validate,
  });

  it(
    "emits a value that Activepieces accepts, after calling validate with Activepieces' { username, password }",
    async () => {
      const onConnect = vi.fn();
      const user = setup(<ConnectionForm auth={auth} onConnect={onConnect} server={SERVER} />);
      await user.type(screen.getByLabelText('Username'), 'ann@example.com');
      await user.type(screen.getByLabelText('Password'), 'hunter2');
      await submit(user);
      await connected();

      expect(validate).toHaveBeenCalledTimes(1);
      expect(validate.mock.calls[0]![0]).toMatchObject({
        auth: { username: 'ann@example.com', password: 'hunter2' },
        server: SERVER,
      });
      const value = onConnect.mock.calls[0]![0];
      expect(value).toEqual({ type: 'BASIC_AUTH', username: 'ann@example.com', password: 'hunter2' });
      expect(UpsertAppConnectionRequestBody.safeParse(upsertRequest(value)).success).toBe(true);
      const { password: _, ...withoutPassword } = value;
      expect(UpsertAppConnectionRequestBody.safeParse(upsertRequest(withoutPassword)).success).toBe(false);
    },
    UI_TIMEOUT,
  );
});

describe('a real CustomAuth definition with every property type', () => {
  const validate = vi.fn(async (_: { auth: unknown }) => ({ valid: true as const }));
  const auth = PieceAuth.CustomAuth({
    displayName: 'Database',
    description: 'Connect your database',
    required: true,
    props: {
      intro: Property.MarkDown({ value: 'Use a **read-only** user.' }),
      host: Property.ShortText({ displayName: 'Host', required: true }),
      notes: Property.LongText({ displayName: 'Notes', required: false }),
      token: PieceAuth.SecretText({ displayName: 'Token', required: true }),
      port: Property.Number({ displayName: 'Port', required: true, defaultValue: 5432 }),
      timeout: Property.Number({ displayName: 'Timeout', required: false }),
      ssl: Property.Checkbox({ displayName: 'Use SSL', required: false }),
      env: Property.StaticDropdown({
        displayName: 'Environment',
        required: true,
        options: {
          options: [
            { label: 'Production', value: 'production' },
            { label: 'Sandbox', value: 'sandbox' },
          ],
        },
      }),
      retries: Property.StaticDropdown({
        displayName: 'Retries',
        required: false,
        options: {
          options: [
            { label: 'None', value: 0 },
            { label: 'Three', value: 3 },
          ],
        },
      }),
      scopes: Property.StaticMultiSelectDropdown({
        displayName: 'Scopes',
        required: true,
        options: {
          options: [
            { label: 'Read', value: 'read' },
            { label: 'Write', value: 'write' },
            { label: 'Admin', value: 'admin' },
          ],
        },
      }),
    },
    validate,
  });

  it(
    'is filled in and submitted through the UI, and emits a value Activepieces accepts',
    async () => {
      const onConnect = vi.fn();
      const user = setup(<ConnectionForm auth={auth} onConnect={onConnect} server={SERVER} />);

      expect(screen.getByRole('note')).toHaveTextContent('Use a read-only user.');
      await user.type(screen.getByRole('textbox', { name: 'Host' }), 'db.example.com');
      await user.type(screen.getByRole('textbox', { name: 'Notes' }), 'first line{Enter}second line');
      await user.type(screen.getByLabelText('Token'), 'tok-1');
      const port = screen.getByRole('spinbutton', { name: 'Port' });
      expect(port).toHaveValue(5432);
      await user.clear(port);
      await user.type(port, '6543');
      await user.type(screen.getByRole('spinbutton', { name: 'Timeout' }), '2.5');
      await user.click(screen.getByRole('checkbox', { name: 'Use SSL' }));
      await choose(user, 'Environment', 'Sandbox');
      await choose(user, 'Retries', 'Three');
      const scopes = screen.getByRole('group', { name: /Scopes/ });
      await user.click(within(scopes).getByRole('checkbox', { name: 'Admin' }));
      await user.click(within(scopes).getByRole('checkbox', { name: 'Read' }));
      await submit(user);
      await connected();

      const props = {
        host: 'db.example.com',
        notes: 'first line\nsecond line',
        token: 'tok-1',
        port: 6543,
        timeout: 2.5,
        ssl: true,
        env: 'sandbox',
        retries: 3,
        scopes: ['read', 'admin'],
      };
      expect(validate).toHaveBeenCalledTimes(1);
      expect(validate.mock.calls[0]![0]).toMatchObject({ auth: props, server: SERVER });
      expect(Object.keys(validate.mock.calls[0]![0] as object).sort()).toEqual(['auth', 'server', 'signal']);

      expect(onConnect).toHaveBeenCalledTimes(1);
      const value = onConnect.mock.calls[0]![0];
      expect(value).toEqual({ type: 'CUSTOM_AUTH', props });
      expect(UpsertAppConnectionRequestBody.safeParse(upsertRequest(value)).success).toBe(true);
      expect(UpsertAppConnectionRequestBody.safeParse(upsertRequest({ type: 'CUSTOM_AUTH' })).success).toBe(false);
      expect(UpsertAppConnectionRequestBody.safeParse({ ...upsertRequest(value), projectId: undefined }).success).toBe(false);
    },
    UI_TIMEOUT,
  );

  it(
    'emits only the required props when the optional ones are left empty',
    async () => {
      const onConnect = vi.fn();
      const user = setup(<ConnectionForm auth={auth} onConnect={onConnect} server={SERVER} />);
      // connection-kit/testing's helpers, on a definition typed by Activepieces' own builders.
      await fillConnectionForm(auth, { host: 'h', token: 't', env: 'production', scopes: ['write'] }, { user });
      await submitConnectionForm({ user });
      await connected();

      const value = onConnect.mock.calls[0]![0];
      // An unchecked checkbox is a value (false), as in Activepieces.
      expect(value).toEqual({
        type: 'CUSTOM_AUTH',
        props: { host: 'h', token: 't', port: 5432, ssl: false, env: 'production', scopes: ['write'] },
      });
      expect(UpsertAppConnectionRequestBody.safeParse(upsertRequest(value)).success).toBe(true);
    },
    UI_TIMEOUT,
  );

  it(
    'refuses to submit with required props missing, and names them',
    async () => {
      const onConnect = vi.fn();
      validate.mockClear();
      const user = setup(<ConnectionForm auth={auth} onConnect={onConnect} server={SERVER} />);
      await submit(user);
      expect(await screen.findByText('Host is required.')).toBeInTheDocument();
      expect(screen.getByText('Token is required.')).toBeInTheDocument();
      expect(screen.getByText('Choose a value for Environment.')).toBeInTheDocument();
      expect(screen.getByText('Choose at least one value for Scopes.')).toBeInTheDocument();
      expect(validate).not.toHaveBeenCalled();
      expect(onConnect).not.toHaveBeenCalled();
    },
    UI_TIMEOUT,
  );
});

describe('an array of real definitions', () => {
  it(
    'emits the value of the method the user picked, accepted by Activepieces',
    async () => {
      const onConnect = vi.fn();
      const auth = [
        PieceAuth.SecretText({ displayName: 'Bot token', required: true }),
        PieceAuth.BasicAuth({ required: true, username: { displayName: 'User' }, password: { displayName: 'Pass' } }),
      ];
      const user = setup(<ConnectionForm auth={auth} onConnect={onConnect} server={SERVER} />);
      await user.click(screen.getByRole('radio', { name: 'Authenticate with Username and password' }));
      await user.type(screen.getByLabelText('User'), 'u');
      await user.type(screen.getByLabelText('Pass'), 'p');
      const visibleConnect = screen.getAllByRole('button', { name: 'Connect' }).find((b) => !b.closest('form')?.hidden);
      await user.click(visibleConnect!);
      await connected();
      const value = onConnect.mock.calls[0]![0];
      expect(value).toEqual({ type: 'BASIC_AUTH', username: 'u', password: 'p' });
      expect(UpsertAppConnectionRequestBody.safeParse(upsertRequest(value)).success).toBe(true);
    },
    UI_TIMEOUT,
  );
});

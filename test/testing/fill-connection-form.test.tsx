// fillConnectionForm and submitConnectionForm against real <ConnectionForm>s, one auth type at a
// time. Every test checks what the form then emits (or holds), so a helper that typed into the
// wrong control, picked the wrong option or skipped a key fails here. How the values are typed
// from the definition is checked by tsc in test/types/fill-values.test-d.ts.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConnectionForm, KEPT_SECRET, PieceAuth, Property, type ConnectionValue } from '../../src';
import { fr } from '../../src/messages/locales/fr';
import { captureConnection, fillConnectionForm, submitConnectionForm } from '../../src/testing';
import {
  apiKeyAuth,
  apiKeyOrBasicAuth,
  awkwardDropdownAuth,
  basicAuth,
  clientCredentialsOAuth2Auth,
  eitherGrantOAuth2Auth,
  everyPropertyAuth,
  slackLikeAuth,
  teamAccessAuth,
  unsupportedPropAuth,
} from '../../stories/fixtures/auth-definitions';

const redirectUrl = 'http://localhost:3000/callback';

describe('fillConnectionForm: SecretText', () => {
  it('types the secret; filling again replaces it, and submitting again resubmits', async () => {
    const user = userEvent.setup();
    const connection = captureConnection<ConnectionValue<typeof apiKeyAuth>>();
    render(<ConnectionForm auth={apiKeyAuth} onConnect={connection.onConnect} />);
    await fillConnectionForm(apiKeyAuth, { secret_text: 'nope' }, { user });
    expect(screen.getByLabelText('API Key', { selector: 'input' })).toHaveValue('nope');
    await submitConnectionForm({ user });
    expect(await screen.findByText(/Invalid API key/)).toBeInTheDocument();
    await fillConnectionForm(apiKeyAuth, { secret_text: 'sk-live' }, { user });
    expect(screen.getByLabelText('API Key', { selector: 'input' })).toHaveValue('sk-live');
    await submitConnectionForm({ user });
    expect(await connection.value()).toEqual({ type: 'SECRET_TEXT', secret_text: 'sk-live' });
    expect(connection.values).toHaveLength(1);
  });
});

describe('fillConnectionForm: BasicAuth', () => {
  it('fills the username and password by the labels the definition gives them', async () => {
    const connection = captureConnection<ConnectionValue<typeof basicAuth>>();
    render(<ConnectionForm auth={basicAuth} onConnect={connection.onConnect} />);
    await fillConnectionForm(basicAuth, { username: 'ada', password: 'pw' });
    expect(screen.getByRole('textbox', { name: 'Username' })).toHaveValue('ada');
    await submitConnectionForm();
    expect(await connection.value()).toEqual({ type: 'BASIC_AUTH', username: 'ada', password: 'pw' });
  });
});

describe('fillConnectionForm: CustomAuth, every property type', () => {
  it('fills text, long text, number, checkbox, secret, dropdown and multi-select, and the form emits exactly that', async () => {
    const user = userEvent.setup();
    const connection = captureConnection<ConnectionValue<typeof everyPropertyAuth>>();
    render(<ConnectionForm auth={everyPropertyAuth} onConnect={connection.onConnect} />);
    await fillConnectionForm(
      everyPropertyAuth,
      { host: 'db.local', notes: 'hi', port: 6543, ssl: false, token: 'tok', environment: 'sandbox', scopes: ['write', 'read'] },
      { user },
    );
    // The controls hold it, before any submit.
    expect(screen.getByRole('textbox', { name: 'Host' })).toHaveValue('db.local');
    expect(screen.getByRole('spinbutton', { name: 'Port' })).toHaveValue(6543);
    expect(screen.getByRole('checkbox', { name: 'Use SSL' })).not.toBeChecked();
    expect(screen.getByRole('combobox', { name: 'Environment' })).toHaveTextContent('Sandbox');
    const scopes = screen.getByRole('group', { name: 'Scopes' });
    expect(within(scopes).getByRole('checkbox', { name: 'Read' })).toBeChecked();
    expect(within(scopes).getByRole('checkbox', { name: 'Admin' })).not.toBeChecked();
    await submitConnectionForm({ user });
    expect(await connection.value()).toEqual({
      type: 'CUSTOM_AUTH',
      props: { host: 'db.local', notes: 'hi', port: 6543, ssl: false, token: 'tok', environment: 'sandbox', scopes: ['read', 'write'] },
    });
  });

  it('changes what is there: unticks, switches the option, empties with null, and leaves keys not given alone', async () => {
    const user = userEvent.setup();
    const connection = captureConnection<ConnectionValue<typeof everyPropertyAuth>>();
    render(<ConnectionForm auth={everyPropertyAuth} onConnect={connection.onConnect} />);
    await fillConnectionForm(
      everyPropertyAuth,
      { notes: 'first', token: 't', environment: 'sandbox', scopes: ['read', 'admin'] },
      { user },
    );
    await fillConnectionForm(everyPropertyAuth, { notes: null, environment: 'production', scopes: ['write'], ssl: true }, { user });
    await submitConnectionForm({ user });
    // host and port keep their defaults, token what was typed first.
    expect(await connection.value()).toEqual({
      type: 'CUSTOM_AUTH',
      props: { host: 'db.example.com', port: 5432, ssl: true, token: 't', environment: 'production', scopes: ['write'] },
    });
  });

  it('types braces and brackets as they are, and newlines into a long text', async () => {
    const connection = captureConnection<ConnectionValue<typeof everyPropertyAuth>>();
    render(<ConnectionForm auth={everyPropertyAuth} onConnect={connection.onConnect} />);
    await fillConnectionForm(everyPropertyAuth, {
      host: '{tenant}.example.com',
      notes: 'line 1\nline [2]',
      token: '{"k":[1]}',
      environment: 'sandbox',
    });
    await submitConnectionForm();
    expect(await connection.value()).toMatchObject({
      props: { host: '{tenant}.example.com', notes: 'line 1\nline [2]', token: '{"k":[1]}' },
    });
  });

  it('picks dropdown options by value: numbers, booleans, a repeated value, and "No selection" for null', async () => {
    const connection = captureConnection<ConnectionValue<typeof awkwardDropdownAuth>>();
    render(<ConnectionForm auth={awkwardDropdownAuth} onConnect={connection.onConnect} />);
    await fillConnectionForm(awkwardDropdownAuth, { region: 'eu-west-1', retries: 0, verbose: false });
    expect(screen.getByRole('combobox', { name: 'Retries' })).toHaveTextContent('None');
    await fillConnectionForm(awkwardDropdownAuth, { region: 'us-east-1', retries: null });
    // 'us-east-1' is on two options: the first one with that value is picked.
    expect(screen.getByRole('combobox', { name: 'Region' })).toHaveTextContent('Default');
    await submitConnectionForm();
    expect(await connection.value()).toEqual({ type: 'CUSTOM_AUTH', props: { region: 'us-east-1', verbose: false } });
  });

  it('picks options by position, so two options with one label are told apart', async () => {
    const auth = PieceAuth.CustomAuth({
      displayName: 'Twins',
      required: true,
      props: {
        plan: Property.StaticDropdown({
          displayName: 'Plan',
          required: true,
          options: {
            options: [
              { label: 'Pro', value: 'pro-monthly' },
              { label: 'Pro', value: 'pro-yearly' },
            ],
          },
        }),
        tags: Property.StaticMultiSelectDropdown({
          displayName: 'Tags',
          required: false,
          options: {
            options: [
              { label: 'A', value: 'x' },
              { label: 'A', value: 'x' },
              { label: 'B', value: 'y' },
            ],
          },
        }),
      },
    });
    const connection = captureConnection<ConnectionValue<typeof auth>>();
    render(<ConnectionForm auth={auth} onConnect={connection.onConnect} />);
    await fillConnectionForm(auth, { plan: 'pro-yearly', tags: ['x', 'x'] });
    const boxes = within(screen.getByRole('group', { name: 'Tags' })).getAllByRole('checkbox');
    expect(boxes.map((box) => (box as HTMLInputElement).checked)).toEqual([true, true, false]);
    await submitConnectionForm();
    expect(await connection.value()).toEqual({ type: 'CUSTOM_AUTH', props: { plan: 'pro-yearly', tags: ['x', 'x'] } });
  });

  it('finds a required multi-select, whose group name says "(required)"', async () => {
    const connection = captureConnection<ConnectionValue<typeof teamAccessAuth>>();
    render(<ConnectionForm auth={teamAccessAuth} onConnect={connection.onConnect} />);
    await fillConnectionForm(teamAccessAuth, { roles: ['owner', 'viewer'], timeout: 30 });
    await submitConnectionForm();
    expect(await connection.value()).toEqual({ type: 'CUSTOM_AUTH', props: { roles: ['viewer', 'owner'], timeout: 30 } });
  });

  it('lists the connection name among the keys only when the form shows it', async () => {
    render(<ConnectionForm auth={apiKeyAuth} connectionName onConnect={() => {}} />);
    await expect(fillConnectionForm(apiKeyAuth, { apiKey: 'x' } as never)).rejects.toThrow(
      '"apiKey" is not a field of this definition (its keys: secret_text, displayName)',
    );
  });

  it('says what is wrong instead of half filling the form', async () => {
    render(<ConnectionForm auth={everyPropertyAuth} onConnect={() => {}} />);
    await expect(fillConnectionForm(everyPropertyAuth, { environment: 'staging' as 'sandbox' })).rejects.toThrow(
      'fillConnectionForm: Environment has no option with value "staging" (its values: "production", "sandbox")',
    );
    await expect(fillConnectionForm(everyPropertyAuth, { hots: 'x' } as never)).rejects.toThrow(
      '"hots" is not a field of this definition (its keys: host, notes, port, ssl, token, environment, scopes)',
    );
    await expect(fillConnectionForm(everyPropertyAuth, { note: 'x' } as never)).rejects.toThrow('"note" is not a field');
    await expect(fillConnectionForm(everyPropertyAuth, { scopes: ['delete'] as never })).rejects.toThrow(
      'Scopes has no option with value "delete"',
    );
    await expect(fillConnectionForm(everyPropertyAuth, { scopes: 'read' as never })).rejects.toThrow('give an array of option values');
    await expect(fillConnectionForm(everyPropertyAuth, { ssl: 'yes' as never })).rejects.toThrow('"Use SSL" is a checkbox');
    await expect(fillConnectionForm(everyPropertyAuth, { environment: null })).rejects.toThrow('"Environment" is required');
    // Nothing was typed by the failing calls.
    expect(screen.getByRole('textbox', { name: 'Host' })).toHaveValue('db.example.com');
  });

  it('refuses a disabled dropdown and a property type the form cannot edit', async () => {
    const { unmount } = render(<ConnectionForm auth={awkwardDropdownAuth} onConnect={() => {}} />);
    await expect(fillConnectionForm(awkwardDropdownAuth, { locked: 'pro' })).rejects.toThrow('"Plan" is disabled');
    unmount();
    render(<ConnectionForm auth={unsupportedPropAuth} onConnect={() => {}} />);
    await expect(fillConnectionForm(unsupportedPropAuth, { payload: '{}' })).rejects.toThrow(
      '"Payload" is a JSON property, which the form shows as unsupported',
    );
  });

  it('fails clearly when the form is not there', async () => {
    await expect(fillConnectionForm(basicAuth, { username: 'ada' })).rejects.toThrow('found no control labelled "Username"');
    await expect(submitConnectionForm()).rejects.toThrow('found no submit button');
  });
});

describe('fillConnectionForm: OAuth2 without a popup', () => {
  it('fills Client ID and Client Secret for client credentials; no popup opens', async () => {
    const open = vi.spyOn(window, 'open');
    const connection = captureConnection<ConnectionValue<typeof clientCredentialsOAuth2Auth>>();
    render(<ConnectionForm auth={clientCredentialsOAuth2Auth} oauth2={{ redirectUrl }} onConnect={connection.onConnect} />);
    await fillConnectionForm(clientCredentialsOAuth2Auth, { client_id: 'm2m', client_secret: 'shh' });
    await submitConnectionForm();
    expect(await connection.value()).toMatchObject({
      type: 'OAUTH2',
      client_id: 'm2m',
      client_secret: 'shh',
      grant_type: 'client_credentials',
    });
    expect(open).not.toHaveBeenCalled();
    open.mockRestore();
  });

  it('picks the grant first when the definition offers both, so the client fields exist to fill', async () => {
    const connection = captureConnection<ConnectionValue<typeof eitherGrantOAuth2Auth>>();
    render(<ConnectionForm auth={eitherGrantOAuth2Auth} oauth2={{ clientId: 'platform', redirectUrl }} onConnect={connection.onConnect} />);
    expect(screen.queryByLabelText('Client ID')).not.toBeInTheDocument();
    await fillConnectionForm(eitherGrantOAuth2Auth, { grant_type: 'client_credentials', client_id: 'm2m', client_secret: 'shh' });
    expect(screen.getByRole('radio', { name: 'Client credentials' })).toBeChecked();
    await submitConnectionForm();
    expect(await connection.value()).toMatchObject({
      type: 'OAUTH2',
      client_id: 'm2m',
      client_secret: 'shh',
      grant_type: 'client_credentials',
    });
  });

  it('says when a client field is not shown, or the grant is not offered', async () => {
    render(<ConnectionForm auth={eitherGrantOAuth2Auth} oauth2={{ clientId: 'platform', redirectUrl }} onConnect={() => {}} />);
    await expect(fillConnectionForm(eitherGrantOAuth2Auth, { client_id: 'x' })).rejects.toThrow('there is no "Client ID" field');
    await expect(fillConnectionForm(clientCredentialsOAuth2Auth, { grant_type: 'authorization_code' })).rejects.toThrow(
      'the definition only offers client_credentials',
    );
  });
});

describe('fillConnectionForm: an array of methods', () => {
  it('picks the method by type, and fills its fields (a radio named like a field is not the field)', async () => {
    const connection = captureConnection<ConnectionValue<typeof slackLikeAuth>>();
    render(<ConnectionForm auth={slackLikeAuth} oauth2={{ clientId: 'cid', redirectUrl }} onConnect={connection.onConnect} />);
    await fillConnectionForm(slackLikeAuth, { botToken: 'xoxb-1' }, { method: 'CUSTOM_AUTH' });
    expect(screen.getByRole('radio', { name: 'Authenticate with Bot token' })).toBeChecked();
    await submitConnectionForm();
    expect(await connection.value()).toEqual({ type: 'CUSTOM_AUTH', props: { botToken: 'xoxb-1' } });
  });

  it('picks the method by index, or fills the one the form shows', async () => {
    const user = userEvent.setup();
    const connection = captureConnection<ConnectionValue<typeof apiKeyOrBasicAuth>>();
    render(<ConnectionForm auth={apiKeyOrBasicAuth} onConnect={connection.onConnect} />);
    await fillConnectionForm(apiKeyOrBasicAuth, { username: 'ada' }, { method: 1, user });
    // No method given: the one shown now (Credentials), not the first.
    await fillConnectionForm(apiKeyOrBasicAuth, { password: 'pw' }, { user });
    await submitConnectionForm({ user });
    expect(await connection.value()).toEqual({ type: 'BASIC_AUTH', username: 'ada', password: 'pw' });
    await expect(fillConnectionForm(apiKeyOrBasicAuth, {}, { method: 'OAUTH2' })).rejects.toThrow(
      'method "OAUTH2" is not one of the definition\'s methods (SECRET_TEXT, BASIC_AUTH)',
    );
  });
});

describe('fillConnectionForm: the connection name, and editing a saved connection', () => {
  it('types displayName into "Connection name"; captureConnection keeps it in details', async () => {
    const connection = captureConnection<ConnectionValue<typeof basicAuth>>();
    render(<ConnectionForm auth={basicAuth} connectionName onConnect={connection.onConnect} />);
    await fillConnectionForm(basicAuth, { displayName: 'Prod DB', username: 'ada', password: 'pw' });
    await submitConnectionForm();
    expect(await connection.value()).toEqual({ type: 'BASIC_AUTH', username: 'ada', password: 'pw' });
    expect(connection.details).toEqual([{ displayName: 'Prod DB' }]);
  });

  it('says when the form has no name field', async () => {
    render(<ConnectionForm auth={basicAuth} onConnect={() => {}} />);
    await expect(fillConnectionForm(basicAuth, { displayName: 'x' })).rejects.toThrow('there is no "Connection name" field');
  });

  it('replaces a saved secret when given one, and keeps it when left out', async () => {
    const initialValue = {
      type: 'CUSTOM_AUTH',
      props: { host: 'db.local', token: KEPT_SECRET, port: 5432, environment: 'sandbox' },
    } as const;
    const connection = captureConnection();
    const { unmount } = render(<ConnectionForm auth={everyPropertyAuth} initialValue={initialValue} onConnect={connection.onConnect} />);
    await fillConnectionForm(everyPropertyAuth, { host: 'db2.local' });
    await submitConnectionForm();
    expect(await connection.value()).toMatchObject({ props: { host: 'db2.local', token: KEPT_SECRET } });
    unmount();
    const replaced = captureConnection();
    render(<ConnectionForm auth={everyPropertyAuth} initialValue={initialValue} onConnect={replaced.onConnect} />);
    await fillConnectionForm(everyPropertyAuth, { token: 'new-token' });
    await submitConnectionForm();
    expect(await replaced.value()).toMatchObject({ props: { host: 'db.local', token: 'new-token' } });
  });
});

describe('TestingOptions: messages and container', () => {
  it('finds the kit’s own controls by the host’s messages', async () => {
    const connection = captureConnection<ConnectionValue<typeof eitherGrantOAuth2Auth>>();
    render(<ConnectionForm auth={eitherGrantOAuth2Auth} oauth2={{ redirectUrl }} messages={fr} onConnect={connection.onConnect} />);
    await fillConnectionForm(
      eitherGrantOAuth2Auth,
      { grant_type: 'client_credentials', client_id: 'm2m', client_secret: 'shh' },
      { messages: fr },
    );
    expect(screen.getByRole('button', { name: fr.submit })).toBeInTheDocument();
    await submitConnectionForm();
    expect(await connection.value()).toMatchObject({ client_id: 'm2m', client_secret: 'shh', grant_type: 'client_credentials' });
  });

  it('works inside one container when the page has two forms', async () => {
    const first = captureConnection();
    const second = captureConnection();
    const one = render(<ConnectionForm auth={basicAuth} onConnect={first.onConnect} />);
    const two = render(<ConnectionForm auth={basicAuth} onConnect={second.onConnect} />);
    // Without a container the helpers refuse, and say what usually causes it (a test before
    // this one left its form mounted: vitest's globals: false) and what to add.
    await expect(submitConnectionForm()).rejects.toThrow('submitConnectionForm: found 2 connection forms on the page');
    await expect(submitConnectionForm()).rejects.toThrow('`afterEach(cleanup)`, with `cleanup` imported from @testing-library/react');
    await expect(fillConnectionForm(basicAuth, { username: 'x' })).rejects.toThrow(
      'fillConnectionForm: found 2 connection forms on the page',
    );
    await fillConnectionForm(basicAuth, { username: 'two', password: 'p2' }, { container: two.container });
    await submitConnectionForm({ container: two.container });
    expect(await second.value()).toEqual({ type: 'BASIC_AUTH', username: 'two', password: 'p2' });
    expect(within(one.container).getByRole('textbox', { name: 'Username' })).toHaveValue('');
    expect(first.values).toEqual([]);
  });
});

import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConnectionForm, type AuthInput, type ConnectionValue } from '../../src';
import { FieldRow, useConnectionForm } from '../../src/headless-entry';
import { apiKeyAuth, awkwardDropdownAuth, awsAuth, everyPropertyAuth } from '../../stories/fixtures/auth-definitions';
import { HostSwitch, HostToggleGroup, NativeSelect } from '../../stories/fixtures/native-select';

/** A host's own UI on the headless hook: plain markup, the kit's FieldRow for the fields. */
function HostForm<A extends AuthInput>(props: { auth: A; onConnect: (v: ConnectionValue<A>) => void }) {
  const cf = useConnectionForm(props.auth, { onConnect: props.onConnect });
  return (
    <form onSubmit={cf.submit} noValidate aria-label="Host form">
      {cf.fields.map((field) => (
        <FieldRow key={field.name} field={field} control={cf.control} messages={cf.messages} />
      ))}
      <button type="submit" aria-disabled={cf.busy}>
        Save connection
      </button>
      <p role="status">{cf.status.message}</p>
    </form>
  );
}

describe('a host rendering its own UI with useConnectionForm', () => {
  it('gets the fields, runs validate and emits the typed value', async () => {
    const onConnect = vi.fn();
    render(<HostForm auth={apiKeyAuth} onConnect={onConnect} />);
    await userEvent.type(screen.getByLabelText('API Key'), 'bad');
    await userEvent.click(screen.getByRole('button', { name: 'Save connection' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Connection failed: Invalid API key');
    await userEvent.clear(screen.getByLabelText('API Key'));
    await userEvent.type(screen.getByLabelText('API Key'), 'sk-ok');
    await userEvent.click(screen.getByRole('button', { name: 'Save connection' }));
    await waitFor(() => expect(onConnect).toHaveBeenCalledWith({ type: 'SECRET_TEXT', secret_text: 'sk-ok' }, {}));
    expect(screen.getByRole('status')).toHaveTextContent('Connected.');
  });

  it('reports schema errors through the same fields', async () => {
    const onConnect = vi.fn();
    render(<HostForm auth={awsAuth} onConnect={onConnect} />);
    await userEvent.click(screen.getByRole('button', { name: 'Save connection' }));
    expect(await screen.findByText('Access Key ID is required.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Access Key ID' })).toHaveFocus();
    expect(onConnect).not.toHaveBeenCalled();
  });
});

describe('a components override', () => {
  it('renders the host widget for its property type and emits through it', async () => {
    const onConnect = vi.fn();
    render(<ConnectionForm auth={awsAuth} onConnect={onConnect} components={{ STATIC_DROPDOWN: NativeSelect }} />);
    expect(screen.getByRole('combobox', { name: 'Region' }).tagName).toBe('SELECT');
    await userEvent.type(screen.getByRole('textbox', { name: 'Access Key ID' }), 'AKIA');
    await userEvent.type(screen.getByLabelText('Secret Access Key'), 'shh');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Region' }), 'EU (Ireland)');
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() =>
      expect(onConnect).toHaveBeenCalledWith(
        {
          type: 'CUSTOM_AUTH',
          props: { accessKeyId: 'AKIA', secretAccessKey: 'shh', region: 'eu-west-1' },
        },
        {},
      ),
    );
  });

  it('binds host widgets, none of which imports react-hook-form, to the definition’s own values', async () => {
    const onConnect = vi.fn();
    render(
      <ConnectionForm
        auth={everyPropertyAuth}
        onConnect={onConnect}
        components={{ CHECKBOX: HostSwitch, STATIC_MULTI_SELECT_DROPDOWN: HostToggleGroup, STATIC_DROPDOWN: NativeSelect }}
      />,
    );
    const ssl = screen.getByRole('switch', { name: 'Use SSL' });
    // The default (true) is what the switch starts from.
    expect(ssl).toHaveAttribute('aria-checked', 'true');
    await userEvent.click(ssl);
    expect(ssl).toHaveAttribute('aria-checked', 'false');
    const scopes = screen.getByRole('group', { name: 'Scopes' });
    await userEvent.click(within(scopes).getByRole('button', { name: 'Admin' }));
    await userEvent.click(within(scopes).getByRole('button', { name: 'Read' }));
    expect(within(scopes).getByRole('button', { name: 'Read' })).toHaveAttribute('aria-pressed', 'true');
    await userEvent.type(screen.getByLabelText('Token'), 't0k');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Environment' }), 'Sandbox');
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    // The kit keeps the options' order, whatever order they were picked in.
    expect(onConnect.mock.calls[0]![0].props).toMatchObject({ ssl: false, scopes: ['read', 'admin'], environment: 'sandbox', port: 5432 });
  });

  it('keeps equal option values apart by index, and emits numbers and booleans as the definition wrote them', async () => {
    const onConnect = vi.fn();
    render(<ConnectionForm auth={awkwardDropdownAuth} onConnect={onConnect} components={{ STATIC_DROPDOWN: NativeSelect }} />);
    const region = screen.getByRole('combobox', { name: 'Region' });
    await userEvent.selectOptions(region, 'US East (N. Virginia)');
    // Two options share 'us-east-1': the one picked stays picked.
    expect(within(region).getByRole<HTMLOptionElement>('option', { name: 'US East (N. Virginia)' }).selected).toBe(true);
    expect(
      within(screen.getByRole('combobox', { name: 'Retries' })).getByRole<HTMLOptionElement>('option', { name: 'Three' }).selected,
    ).toBe(true);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Verbose' }), 'No');
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect.mock.calls[0]![0].props).toEqual({ region: 'us-east-1', retries: 3, verbose: false });
  });

  it('keeps the built-in widgets for the other types', () => {
    render(<ConnectionForm auth={awsAuth} onConnect={() => {}} components={{ STATIC_DROPDOWN: NativeSelect }} />);
    expect(screen.getByLabelText('Secret Access Key')).toHaveAttribute('type', 'password');
    expect(screen.getByRole('button', { name: 'Show Secret Access Key' })).toBeInTheDocument();
  });
});

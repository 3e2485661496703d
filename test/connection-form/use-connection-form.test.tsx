import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConnectionForm, type AuthInput, type ConnectionValue } from '../../src';
import { FieldRow, useConnectionForm } from '../../src/headless-entry';
import { apiKeyAuth, awsAuth } from '../../stories/fixtures/auth-definitions';
import { NativeSelect } from '../../stories/fixtures/native-select';

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

  it('keeps the built-in widgets for the other types', () => {
    render(<ConnectionForm auth={awsAuth} onConnect={() => {}} components={{ STATIC_DROPDOWN: NativeSelect }} />);
    expect(screen.getByLabelText('Secret Access Key')).toHaveAttribute('type', 'password');
    expect(screen.getByRole('button', { name: 'Show Secret Access Key' })).toBeInTheDocument();
  });
});

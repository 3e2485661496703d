import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConnectionForm, type ConnectionValue } from '../../src';
import { captureConnection, fillConnectionForm, submitConnectionForm } from '../../src/testing';
import { basicAuth } from '../../stories/fixtures/auth-definitions';

describe('captureConnection', () => {
  it('resolves every waiter with the first value, and keeps each value emitted', async () => {
    const user = userEvent.setup();
    const connection = captureConnection<ConnectionValue<typeof basicAuth>>();
    render(<ConnectionForm auth={basicAuth} onConnect={connection.onConnect} />);
    const early = [connection.value(), connection.value()];
    await fillConnectionForm(basicAuth, { username: 'ada', password: 'one' }, { user });
    await submitConnectionForm({ user });
    const first = { type: 'BASIC_AUTH', username: 'ada', password: 'one' };
    expect(await Promise.all(early)).toEqual([first, first]);
    // Reconnect with another password: both values kept, value() still the first.
    await fillConnectionForm(basicAuth, { password: 'two' }, { user });
    await submitConnectionForm({ user });
    await vi.waitFor(() => expect(connection.values).toHaveLength(2));
    expect(connection.values[1]).toEqual({ ...first, password: 'two' });
    expect(await connection.value()).toEqual(first);
  });

  it('rejects when nothing is emitted in time', async () => {
    await expect(captureConnection({ timeoutMs: 20 }).value()).rejects.toThrow('captureConnection: onConnect was not called within 20 ms.');
  });

  it('rejects when the form refuses to emit (a required field left empty)', async () => {
    const connection = captureConnection({ timeoutMs: 300 });
    render(<ConnectionForm auth={basicAuth} onConnect={connection.onConnect} />);
    await fillConnectionForm(basicAuth, { username: 'ada' });
    await submitConnectionForm();
    await expect(connection.value()).rejects.toThrow('onConnect was not called');
  });
});

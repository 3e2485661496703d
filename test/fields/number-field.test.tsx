import { screen, waitFor } from '@testing-library/react';
import { everyPropertyAuth, teamAccessAuth } from '../../stories/fixtures/auth-definitions';
import { connectButton, emittedProps, fillEveryPropertyRequired, renderForm } from '../connection-form/render-form';

describe('a Number property', () => {
  it('renders a spinbutton named after the property, prefilled with its default', () => {
    renderForm(everyPropertyAuth);
    expect(screen.getByRole('spinbutton', { name: 'Port' })).toHaveValue(5432);
  });

  it('emits the typed value as a number, not a string', async () => {
    const { user, onConnect } = renderForm(everyPropertyAuth);
    const port = screen.getByRole('spinbutton', { name: 'Port' });
    await user.clear(port);
    await user.type(port, '6543.5');
    await fillEveryPropertyRequired(user);
    await user.click(connectButton());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(emittedProps(onConnect).port).toBe(6543.5);
  });

  it('emits its untouched default as a number', async () => {
    const { user, onConnect } = renderForm(everyPropertyAuth);
    await fillEveryPropertyRequired(user);
    await user.click(connectButton());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(emittedProps(onConnect).port).toBe(5432);
  });

  it('blocks submit with "<label> is required." when a required one is empty', async () => {
    const { user, onConnect } = renderForm(everyPropertyAuth);
    await user.clear(screen.getByRole('spinbutton', { name: 'Port' }));
    await fillEveryPropertyRequired(user);
    await user.click(connectButton());
    expect(await screen.findByText('Port is required.')).toBeVisible();
    expect(onConnect).not.toHaveBeenCalled();
  });

  it('does not accept letters typed into a required one: submit is blocked with an error', async () => {
    const { user, onConnect } = renderForm(everyPropertyAuth);
    const port = screen.getByRole('spinbutton', { name: 'Port' });
    await user.clear(port);
    await user.type(port, 'abc');
    await fillEveryPropertyRequired(user);
    await user.click(connectButton());
    await waitFor(() => expect(port).toHaveAttribute('aria-invalid', 'true'));
    expect(port).toHaveAccessibleDescription(/Port/);
    expect(onConnect).not.toHaveBeenCalled();
  });

  it('is left out of the props when optional and empty', async () => {
    const { user, onConnect } = renderForm(teamAccessAuth);
    await user.click(screen.getByRole('checkbox', { name: 'Viewer' }));
    await user.click(connectButton());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(emittedProps(onConnect)).not.toHaveProperty('timeout');
  });
});

describe('a number input holding text the browser cannot parse', () => {
  // Browsers report such an input's value as "" and set validity.badInput; jsdom never sets it,
  // so the test gives the input the validity a browser would.
  it('shows "must be a number" instead of silently leaving the optional value out', async () => {
    const { render, screen } = await import('@testing-library/react');
    const { default: userEvent } = await import('@testing-library/user-event');
    const { ConnectionForm, PieceAuth, Property } = await import('../../src');
    const onConnect = vi.fn();
    const auth = PieceAuth.CustomAuth({
      required: true,
      props: { port: Property.Number({ displayName: 'Port', required: false }) },
    });
    render(<ConnectionForm auth={auth} onConnect={onConnect} />);
    const input = screen.getByRole('spinbutton', { name: 'Port' }) as HTMLInputElement;
    Object.defineProperty(input, 'validity', { value: { ...input.validity, badInput: true, valid: false } });
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByText('Port must be a number.')).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(onConnect).not.toHaveBeenCalled();
  });
});

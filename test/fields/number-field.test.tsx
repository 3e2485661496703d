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

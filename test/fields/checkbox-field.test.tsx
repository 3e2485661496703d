import { screen, waitFor } from '@testing-library/react';
import { PieceAuth, Property } from '../../src';
import { everyPropertyAuth } from '../../stories/fixtures/auth-definitions';
import { connectButton, emittedProps, fillEveryPropertyRequired, renderForm } from '../connection-form/render-form';

describe('a Checkbox property', () => {
  it('renders a checkbox named after the property, checked when its default is true', () => {
    renderForm(everyPropertyAuth);
    expect(screen.getByRole('checkbox', { name: 'Use SSL' })).toBeChecked();
  });

  it('emits true for its untouched default of true', async () => {
    const { user, onConnect } = renderForm(everyPropertyAuth);
    await fillEveryPropertyRequired(user);
    await user.click(connectButton());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(emittedProps(onConnect).ssl).toBe(true);
  });

  it('emits false (a boolean, not undefined) once the user unticks it', async () => {
    const { user, onConnect } = renderForm(everyPropertyAuth);
    await user.click(screen.getByRole('checkbox', { name: 'Use SSL' }));
    await fillEveryPropertyRequired(user);
    await user.click(connectButton());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(emittedProps(onConnect)).toHaveProperty('ssl', false);
  });

  it('starts unticked without a default and emits true once ticked', async () => {
    const auth = PieceAuth.CustomAuth({
      required: true,
      props: { sandbox: Property.Checkbox({ displayName: 'Sandbox mode', required: false }) },
    });
    const { user, onConnect } = renderForm(auth);
    const box = screen.getByRole('checkbox', { name: 'Sandbox mode' });
    expect(box).not.toBeChecked();
    await user.click(box);
    await user.click(connectButton());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect).toHaveBeenCalledWith({ type: 'CUSTOM_AUTH', props: { sandbox: true } }, {});
  });
});

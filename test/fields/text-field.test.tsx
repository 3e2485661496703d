import { screen, waitFor } from '@testing-library/react';
import { everyPropertyAuth } from '../../stories/fixtures/auth-definitions';
import { connectButton, emittedProps, fillEveryPropertyRequired, renderForm } from '../connection-form/render-form';

describe('a ShortText property', () => {
  it('renders a single-line textbox named after the property, prefilled with its default', () => {
    renderForm(everyPropertyAuth);
    const host = screen.getByRole('textbox', { name: 'Host' });
    expect(host.tagName).toBe('INPUT');
    expect(host).toHaveValue('db.example.com');
  });

  it('emits what the user typed as a string', async () => {
    const { user, onConnect } = renderForm(everyPropertyAuth);
    const host = screen.getByRole('textbox', { name: 'Host' });
    await user.clear(host);
    await user.type(host, 'pg.internal');
    await fillEveryPropertyRequired(user);
    await user.click(connectButton());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(emittedProps(onConnect).host).toBe('pg.internal');
  });

  it('blocks submit with "<label> is required." when a required one is cleared', async () => {
    const { user, onConnect } = renderForm(everyPropertyAuth);
    await user.clear(screen.getByRole('textbox', { name: 'Host' }));
    await fillEveryPropertyRequired(user);
    await user.click(connectButton());
    expect(await screen.findByText('Host is required.')).toBeVisible();
    expect(onConnect).not.toHaveBeenCalled();
  });

  it('treats whitespace only as empty when required', async () => {
    const { user, onConnect } = renderForm(everyPropertyAuth);
    const host = screen.getByRole('textbox', { name: 'Host' });
    await user.clear(host);
    await user.type(host, '   ');
    await fillEveryPropertyRequired(user);
    await user.click(connectButton());
    expect(await screen.findByText('Host is required.')).toBeVisible();
    expect(onConnect).not.toHaveBeenCalled();
  });
});

describe('a LongText property', () => {
  it('renders a multi-line textbox (a textarea) named after the property', () => {
    renderForm(everyPropertyAuth);
    const notes = screen.getByRole('textbox', { name: 'Notes' });
    expect(notes.tagName).toBe('TEXTAREA');
  });

  it('keeps Enter as a line break instead of submitting, and emits every line', async () => {
    const { user, onConnect } = renderForm(everyPropertyAuth);
    await fillEveryPropertyRequired(user);
    const notes = screen.getByRole('textbox', { name: 'Notes' });
    await user.type(notes, 'first line{Enter}second line');
    expect(onConnect).not.toHaveBeenCalled();
    expect(notes).toHaveValue('first line\nsecond line');
    await user.click(connectButton());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(emittedProps(onConnect).notes).toBe('first line\nsecond line');
  });
});

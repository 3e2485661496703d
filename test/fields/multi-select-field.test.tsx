import { screen, waitFor, within } from '@testing-library/react';
import { everyPropertyAuth, teamAccessAuth } from '../../stories/fixtures/auth-definitions';
import { connectButton, emittedProps, fillEveryPropertyRequired, renderForm } from '../connection-form/render-form';

describe('a StaticMultiSelectDropdown property', () => {
  it('renders a group named after the property with one checkbox per option', () => {
    renderForm(everyPropertyAuth);
    const group = screen.getByRole('group', { name: 'Scopes' });
    const boxes = within(group).getAllByRole('checkbox');
    expect(boxes).toHaveLength(3);
    for (const [i, name] of ['Read', 'Write', 'Admin'].entries()) expect(boxes[i]).toHaveAccessibleName(name);
    for (const box of boxes) expect(box).not.toBeChecked();
  });

  it('emits the chosen values in option order, whatever order they were ticked in', async () => {
    const { user, onConnect } = renderForm(everyPropertyAuth);
    await user.click(screen.getByRole('checkbox', { name: 'Admin' }));
    await user.click(screen.getByRole('checkbox', { name: 'Read' }));
    await fillEveryPropertyRequired(user);
    await user.click(connectButton());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(emittedProps(onConnect).scopes).toEqual(['read', 'admin']);
  });

  it('drops an option the user unticks again', async () => {
    const { user, onConnect } = renderForm(everyPropertyAuth);
    await user.click(screen.getByRole('checkbox', { name: 'Write' }));
    await user.click(screen.getByRole('checkbox', { name: 'Admin' }));
    await user.click(screen.getByRole('checkbox', { name: 'Write' }));
    await fillEveryPropertyRequired(user);
    await user.click(connectButton());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(emittedProps(onConnect).scopes).toEqual(['admin']);
  });

  it('is left out of the props when optional and nothing is ticked', async () => {
    const { user, onConnect } = renderForm(everyPropertyAuth);
    await fillEveryPropertyRequired(user);
    await user.click(connectButton());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(emittedProps(onConnect)).not.toHaveProperty('scopes');
  });

  it('says in its name that it is required, since a group cannot carry aria-required', () => {
    renderForm(teamAccessAuth);
    // dom-accessibility-api drops the space a browser keeps before "(required)".
    expect(screen.getByRole('group', { name: /^Roles ?\(required\)$/ })).toBeInTheDocument();
  });

  it('blocks submit when required and nothing is ticked, and focuses its first checkbox', async () => {
    const { user, onConnect } = renderForm(teamAccessAuth);
    await user.click(connectButton());
    const group = screen.getByRole('group', { name: /^Roles/ });
    await waitFor(() => expect(group).toHaveAttribute('aria-invalid', 'true'));
    expect(group).toHaveAccessibleDescription('Choose at least one value for Roles.');
    expect(screen.getByRole('checkbox', { name: 'Viewer' })).toHaveFocus();
    expect(onConnect).not.toHaveBeenCalled();
  });

  it('accepts a required one with a single tick', async () => {
    const { user, onConnect } = renderForm(teamAccessAuth);
    await user.click(screen.getByRole('checkbox', { name: 'Owner' }));
    await user.click(connectButton());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect).toHaveBeenCalledWith({ type: 'CUSTOM_AUTH', props: { roles: ['owner'] } }, {});
  });
});

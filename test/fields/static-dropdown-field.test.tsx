import { screen, waitFor, within } from '@testing-library/react';
import { defaultMessages } from '../../src';
import { awkwardDropdownAuth, everyPropertyAuth } from '../../stories/fixtures/auth-definitions';
import { chooseOption, connectButton, emittedProps, renderForm } from '../connection-form/render-form';

async function submitAndGetProps(user: ReturnType<typeof renderForm>['user'], onConnect: ReturnType<typeof renderForm>['onConnect']) {
  await user.click(connectButton());
  await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
  return emittedProps(onConnect);
}

describe('a StaticDropdown property', () => {
  it('renders a combobox named after the property that shows the definition’s placeholder', () => {
    renderForm(everyPropertyAuth);
    const env = screen.getByRole('combobox', { name: 'Environment' });
    expect(env).toHaveTextContent('Pick an environment');
    expect(env).toHaveAttribute('aria-expanded', 'false');
  });

  it('shows a default placeholder when the definition gives none', () => {
    renderForm(awkwardDropdownAuth);
    expect(screen.getByRole('combobox', { name: 'Region' })).toHaveTextContent('Select an option');
  });

  it('opens a listbox of the options on click and emits the one chosen with the mouse', async () => {
    const { user, onConnect } = renderForm(everyPropertyAuth);
    await user.type(screen.getByLabelText('Token'), 'tok');
    await user.click(screen.getByRole('combobox', { name: 'Environment' }));
    const listbox = screen.getByRole('listbox');
    expect(
      within(listbox)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Production', 'Sandbox']);
    await user.click(within(listbox).getByRole('option', { name: 'Sandbox' }));
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Environment' })).toHaveTextContent('Sandbox');
    expect((await submitAndGetProps(user, onConnect)).environment).toBe('sandbox');
  });

  it('can be opened and chosen from with the keyboard alone', async () => {
    const { user, onConnect } = renderForm(everyPropertyAuth);
    await user.type(screen.getByLabelText('Token'), 'tok');
    const env = screen.getByRole('combobox', { name: 'Environment' });
    env.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('listbox')).toBeInTheDocument();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('option', { name: 'Sandbox' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(env).toHaveTextContent('Sandbox');
    expect(env).toHaveFocus();
    expect((await submitAndGetProps(user, onConnect)).environment).toBe('sandbox');
  });

  it('emits the shared value and shows the picked label when two options share a value', async () => {
    const { user, onConnect } = renderForm(awkwardDropdownAuth);
    await chooseOption(user, 'Region', 'US East (N. Virginia)');
    const region = screen.getByRole('combobox', { name: 'Region' });
    expect(region).toHaveTextContent('US East (N. Virginia)');
    expect(region).not.toHaveTextContent('Default');
    expect((await submitAndGetProps(user, onConnect)).region).toBe('us-east-1');
  });

  it('marks the picked one of two same-valued options as selected when reopened', async () => {
    const { user } = renderForm(awkwardDropdownAuth);
    await chooseOption(user, 'Region', 'US East (N. Virginia)');
    await user.click(screen.getByRole('combobox', { name: 'Region' }));
    expect(screen.getByRole('option', { name: 'US East (N. Virginia)' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('option', { name: 'Default' })).toHaveAttribute('aria-selected', 'false');
  });

  it('preselects the option matching defaultValue and emits it with its number type', async () => {
    const { user, onConnect } = renderForm(awkwardDropdownAuth);
    expect(screen.getByRole('combobox', { name: 'Retries' })).toHaveTextContent('Three');
    await chooseOption(user, 'Region', 'EU (Ireland)');
    expect((await submitAndGetProps(user, onConnect)).retries).toBe(3);
  });

  it('emits a number option value as a number, including 0', async () => {
    const { user, onConnect } = renderForm(awkwardDropdownAuth);
    await chooseOption(user, 'Region', 'EU (Ireland)');
    // The author's own option labelled "None" carries the value 0.
    await chooseOption(user, 'Retries', 'None');
    expect((await submitAndGetProps(user, onConnect)).retries).toBe(0);
  });

  it('emits boolean option values as booleans, including false', async () => {
    const { user, onConnect } = renderForm(awkwardDropdownAuth);
    await chooseOption(user, 'Region', 'EU (Ireland)');
    await chooseOption(user, 'Verbose', 'No');
    expect((await submitAndGetProps(user, onConnect)).verbose).toBe(false);
  });

  it('is disabled when the definition’s options say disabled, and shows their placeholder', () => {
    renderForm(awkwardDropdownAuth);
    const plan = screen.getByRole('combobox', { name: 'Plan' });
    expect(plan).toBeDisabled();
    expect(plan).toHaveTextContent('Set by your admin');
  });

  it('offers no clearing item when required', async () => {
    const { user } = renderForm(everyPropertyAuth);
    await user.click(screen.getByRole('combobox', { name: 'Environment' }));
    expect(screen.queryByRole('option', { name: defaultMessages.none })).not.toBeInTheDocument();
  });

  it('offers a first "no selection" item when optional that clears the choice, which is then left out of the props', async () => {
    const { user, onConnect } = renderForm(awkwardDropdownAuth);
    await chooseOption(user, 'Region', 'EU (Ireland)');
    await chooseOption(user, 'Verbose', 'Yes');
    await user.click(screen.getByRole('combobox', { name: 'Verbose' }));
    const options = screen.getAllByRole('option');
    expect(options[0]).toHaveAccessibleName(defaultMessages.none);
    await user.click(options[0]!);
    expect(screen.getByRole('combobox', { name: 'Verbose' })).toHaveTextContent('Select an option');
    expect(await submitAndGetProps(user, onConnect)).not.toHaveProperty('verbose');
  });

  it('clears a defaulted optional choice through its "no selection" item, leaving it out of the props', async () => {
    const { user, onConnect } = renderForm(awkwardDropdownAuth);
    await chooseOption(user, 'Region', 'EU (Ireland)');
    await chooseOption(user, 'Retries', defaultMessages.none);
    expect(await submitAndGetProps(user, onConnect)).not.toHaveProperty('retries');
  });

  it('names its clearing item so that it cannot be mistaken for an author’s option labelled "None"', async () => {
    const { user } = renderForm(awkwardDropdownAuth);
    await user.click(screen.getByRole('combobox', { name: 'Retries' }));
    const names = screen.getAllByRole('option').map((o) => o.textContent);
    expect(names).toEqual([defaultMessages.none, 'None', 'Three']);
    expect(names).toEqual([...new Set(names)]);
  });

  it('blocks submit with "Choose a value for <label>." when required and unchosen', async () => {
    const { user, onConnect } = renderForm(everyPropertyAuth);
    await user.type(screen.getByLabelText('Token'), 'tok');
    await user.click(connectButton());
    const env = screen.getByRole('combobox', { name: 'Environment' });
    await waitFor(() => expect(env).toHaveAccessibleDescription('Choose a value for Environment.'));
    expect(env).toHaveAttribute('aria-invalid', 'true');
    expect(onConnect).not.toHaveBeenCalled();
  });

  it('clears its error as soon as a value is chosen after a failed submit', async () => {
    const { user } = renderForm(everyPropertyAuth);
    await user.click(connectButton());
    expect(await screen.findByText('Choose a value for Environment.')).toBeVisible();
    await chooseOption(user, 'Environment', 'Production');
    await waitFor(() => expect(screen.queryByText('Choose a value for Environment.')).not.toBeInTheDocument());
    expect(screen.getByRole('combobox', { name: 'Environment' })).not.toHaveAttribute('aria-invalid');
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { PieceAuth, Property } from '../../src';
import { apiKeyAuth, everyPropertyAuth, helpTextAuth } from '../../stories/fixtures/auth-definitions';
import { connectButton, renderForm } from '../connection-form/render-form';

describe('a MarkDown property', () => {
  it('renders a note with its markdown as formatted text', () => {
    renderForm(everyPropertyAuth);
    const note = screen.getByRole('note');
    expect(note).toHaveTextContent('Use a sandbox account while testing.');
    expect(within(note).getByText('sandbox').tagName).toBe('STRONG');
    expect(note).not.toHaveTextContent('**');
  });

  it('renders links in the note that open in a new tab without access to the opener', () => {
    renderForm(helpTextAuth);
    const link = within(screen.getByRole('note')).getByRole('link', { name: 'the guide' });
    expect(link).toHaveAttribute('href', 'https://example.com/guide');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('is no control and adds nothing to the emitted props', async () => {
    const { user, onConnect } = renderForm(helpTextAuth);
    await user.type(screen.getByRole('textbox', { name: 'Workspace' }), 'acme');
    await user.click(connectButton());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect).toHaveBeenCalledWith({ type: 'CUSTOM_AUTH', props: { workspace: 'acme' } }, {});
  });

  it('shows raw HTML from the author as text, never as markup', () => {
    const auth = PieceAuth.CustomAuth({
      required: true,
      props: { note: Property.MarkDown({ value: 'Hi <img src=x onerror="alert(1)"> <b>bold</b>' }) },
    });
    const { container } = renderForm(auth);
    expect(screen.getByRole('note')).toHaveTextContent('Hi <img src=x onerror="alert(1)"> <b>bold</b>');
    expect(container.querySelector('img, b')).toBeNull();
  });

  it('drops a javascript: link to plain text', () => {
    const auth = PieceAuth.CustomAuth({
      required: true,
      props: { note: Property.MarkDown({ value: '[click me](javascript:alert(1))' }) },
    });
    renderForm(auth);
    expect(within(screen.getByRole('note')).queryByRole('link')).not.toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent('click me');
  });
});

describe('a description written in markdown', () => {
  it('renders the auth’s description above the fields with list items, emphasis and a safe link', () => {
    renderForm(everyPropertyAuth);
    const items = screen.getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual(['Open Settings', 'Copy the token']);
    expect(within(items[0]!).getByText('Settings').tagName).toBe('STRONG');
    const link = screen.getByRole('link', { name: 'the docs' });
    expect(link).toHaveAttribute('href', 'https://example.com/docs');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('renders a field’s description as its help, with list items and a safe link', () => {
    renderForm(helpTextAuth);
    const input = screen.getByRole('textbox', { name: 'Workspace' });
    expect(input).toHaveAccessibleDescription(/^Where to find it:\s*open the dashboard\s*copy the slug\s*Docs$/);
    const list = screen.getByRole('list');
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['open the dashboard', 'copy the slug']);
    const link = screen.getByRole('link', { name: 'Docs' });
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('turns a bare https URL in a SecretText auth’s description into a new-tab link tied to the input', () => {
    renderForm(apiKeyAuth);
    const link = screen.getByRole('link', { name: 'https://example.com/settings/api' });
    expect(link).toHaveAttribute('href', 'https://example.com/settings/api');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(screen.getByLabelText('API Key')).toHaveAccessibleDescription('Find your API key at https://example.com/settings/api');
  });
});

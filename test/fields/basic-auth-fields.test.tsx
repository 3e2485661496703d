import { screen } from '@testing-library/react';
import { PieceAuth } from '../../src';
import { basicAuth } from '../../stories/fixtures/auth-definitions';
import { renderForm } from '../connection-form/render-form';

describe('a BasicAuth', () => {
  it('renders a required username textbox and password input labelled from the definition', () => {
    renderForm(basicAuth);
    const username = screen.getByRole('textbox', { name: 'Username' });
    const password = screen.getByLabelText('Password');
    expect(username).toBeRequired();
    expect(password).toBeRequired();
    expect(password).toHaveAttribute('type', 'password');
  });

  it('uses the author’s labels, whatever they are', () => {
    const auth = PieceAuth.BasicAuth({
      displayName: 'Jira',
      username: { displayName: 'Email address' },
      password: { displayName: 'API token', description: 'Create one under **Security**.' },
    });
    renderForm(auth);
    expect(screen.getByRole('textbox', { name: 'Email address' })).toBeInTheDocument();
    expect(screen.getByLabelText('API token')).toHaveAccessibleDescription('Create one under Security.');
    expect(screen.queryByLabelText('Username')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Password')).not.toBeInTheDocument();
  });

  it('ties each entry’s description to its input', () => {
    renderForm(basicAuth);
    expect(screen.getByRole('textbox', { name: 'Username' })).toHaveAccessibleDescription('The account you sign in with');
  });
});

import { screen } from '@testing-library/react';
import type { AuthInput } from '../../src';
import { apiKeyAuth, malformedAuth } from '../../stories/fixtures/auth-definitions';
import { renderForm } from './render-form';

describe('an auth definition the kit cannot render', () => {
  it('shows an alert naming the bad type and the accepted ones, instead of crashing', () => {
    renderForm(malformedAuth);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('This connection form cannot be shown');
    expect(alert).toHaveTextContent('auth.type is "NOPE"');
    expect(alert).toHaveTextContent('SECRET_TEXT, BASIC_AUTH, CUSTOM_AUTH, OAUTH2');
    expect(screen.queryByRole('button', { name: 'Connect' })).not.toBeInTheDocument();
  });

  it('points at the broken entry of an auth array', () => {
    renderForm([apiKeyAuth, malformedAuth] as unknown as AuthInput);
    expect(screen.getByRole('alert')).toHaveTextContent('auth[1].type is "NOPE"');
  });

  it('says auth[0] for a one-method array, as the host wrote it', () => {
    renderForm([{}] as unknown as AuthInput);
    expect(screen.getByRole('alert')).toHaveTextContent('auth[0].type is undefined');
  });

  it('names props that are not an object', () => {
    renderForm({ type: 'CUSTOM_AUTH', displayName: 'X', required: true, props: 'oops' } as unknown as AuthInput);
    expect(screen.getByRole('alert')).toHaveTextContent('auth.props must be an object');
  });

  it('names a definition that is not an object at all', () => {
    renderForm('SECRET_TEXT' as unknown as AuthInput);
    expect(screen.getByRole('alert')).toHaveTextContent('auth must be an auth definition object, got string.');
  });
});

import { screen, waitFor } from '@testing-library/react';
import { PieceAuth } from '../../src';
import { unsupportedPropAuth } from '../../stories/fixtures/auth-definitions';
import { connectButton, renderForm } from '../connection-form/render-form';

describe('a property type the kit has no widget for', () => {
  it('renders a visible message naming the type and the property instead of a guessed control', () => {
    renderForm(unsupportedPropAuth);
    const message = screen.getByText(/"JSON"/);
    expect(message).toBeVisible();
    expect(message).toHaveTextContent('Payload uses the property type "JSON", which connection-kit cannot render.');
    expect(screen.queryByRole('textbox', { name: 'Payload' })).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'URL' })).toBeInTheDocument();
  });

  it('blocks submit when the property is required, and the status names it as a field the form cannot fill in (not one to fix)', async () => {
    const { user, onConnect } = renderForm(unsupportedPropAuth);
    await user.type(screen.getByRole('textbox', { name: 'URL' }), 'https://hooks.example.com');
    await user.click(connectButton());
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        'This form cannot fill in Payload, so the connection cannot be saved until the piece is updated.',
      ),
    );
    expect(screen.getByRole('status')).not.toHaveTextContent(/highlighted/);
    expect(onConnect).not.toHaveBeenCalled();
  });

  it('counts only the fields the user can fix, and names the unsupported one beside them', async () => {
    const { user, onConnect } = renderForm(unsupportedPropAuth);
    await user.click(connectButton());
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        'Fix the highlighted field. This form cannot fill in Payload, so the connection cannot be saved until the piece is updated.',
      ),
    );
    expect(screen.getByRole('textbox', { name: 'URL' })).toHaveAttribute('aria-invalid', 'true');
    expect(onConnect).not.toHaveBeenCalled();
  });

  it('does not block submit, and emits nothing for it, when the property is optional', async () => {
    const auth = PieceAuth.CustomAuth({
      ...unsupportedPropAuth,
      props: { ...unsupportedPropAuth.props, payload: { ...unsupportedPropAuth.props.payload, required: false } },
    });
    const { user, onConnect } = renderForm(auth);
    expect(screen.getByText(/"JSON"/)).toBeVisible();
    await user.type(screen.getByRole('textbox', { name: 'URL' }), 'https://hooks.example.com');
    await user.click(connectButton());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect).toHaveBeenCalledWith({ type: 'CUSTOM_AUTH', props: { url: 'https://hooks.example.com' } }, {});
  });
});

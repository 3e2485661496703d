import { screen, waitFor } from '@testing-library/react';
import { PieceAuth, Property } from '../../src';
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

  it('blocks submit when the property is required', async () => {
    const { user, onConnect } = renderForm(unsupportedPropAuth);
    await user.type(screen.getByRole('textbox', { name: 'URL' }), 'https://hooks.example.com');
    await user.click(connectButton());
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Fix the highlighted field.'));
    expect(onConnect).not.toHaveBeenCalled();
  });

  it('does not block submit, and emits nothing for it, when the property is optional', async () => {
    const auth = PieceAuth.CustomAuth({
      required: true,
      props: {
        url: Property.ShortText({ displayName: 'URL', required: true }),
        payload: { type: 'JSON', displayName: 'Payload', required: false } as unknown as ReturnType<typeof Property.LongText>,
      },
    });
    const { user, onConnect } = renderForm(auth);
    expect(screen.getByText(/"JSON"/)).toBeVisible();
    await user.type(screen.getByRole('textbox', { name: 'URL' }), 'https://hooks.example.com');
    await user.click(connectButton());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect).toHaveBeenCalledWith({ type: 'CUSTOM_AUTH', props: { url: 'https://hooks.example.com' } }, {});
  });
});

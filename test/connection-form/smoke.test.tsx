import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConnectionForm } from '../../src';
import { apiKeyAuth } from '../../stories/fixtures/auth-definitions';

it('smoke', async () => {
  const onConnect = vi.fn();
  render(<ConnectionForm auth={apiKeyAuth} onConnect={onConnect} />);
  await userEvent.type(screen.getByLabelText('API Key'), 'sk-123');
  await userEvent.click(screen.getByRole('button', { name: 'Connect' }));
  expect(await screen.findByRole('status')).toHaveTextContent('Connected');
  expect(onConnect).toHaveBeenCalledWith({ type: 'SECRET_TEXT', secret_text: 'sk-123' });
});

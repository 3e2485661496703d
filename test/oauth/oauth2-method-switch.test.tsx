// a method switch away from a waiting OAuth2 flow, then back, must let Connect start a
// new flow (the cancelled one must not linger as "the pending flow" of the form).
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { slackLikeAuth } from '../../stories/fixtures/auth-definitions';
import { fakePopup } from './fake-window';
import { HOST_APP, openedState, pkceReady, renderOAuth2Form, stubWindowOpen } from './oauth2-form-kit';

afterEach(() => vi.restoreAllMocks());

it('Connect opens a new popup after switching away from a waiting flow and back', async () => {
  const first = fakePopup();
  const open = stubWindowOpen(first, fakePopup());
  renderOAuth2Form(slackLikeAuth, { oauth2: HOST_APP });
  await pkceReady();
  fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
  expect(open).toHaveBeenCalledTimes(1);
  fireEvent.click(screen.getByRole('radio', { name: 'Authenticate with Bot token' }));
  await waitFor(() => expect(first.close).toHaveBeenCalled());
  fireEvent.click(screen.getAllByRole('radio')[0]!);
  // The cancelled flow is forgotten in promise callbacks, and PKCE is hashed again: both are
  // done once every digest has settled (pkceReady also lets a macrotask pass).
  await pkceReady();
  fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
  expect(open).toHaveBeenCalledTimes(2);
  // A new flow, with a state of its own.
  expect(openedState(open, 1)).not.toBe(openedState(open, 0));
});

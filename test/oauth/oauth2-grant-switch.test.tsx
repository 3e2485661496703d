// a grant switched away from (like a method, security note 17) must not emit later.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { eitherGrantOAuth2Auth } from '../../stories/fixtures/auth-definitions';
import { callback, fakePopup } from './fake-window';
import { HOST_APP, deliver, formStatus, openedUrl, pkceReady, renderOAuth2Form, signInUrl, stubWindowOpen } from './oauth2-form-kit';

afterEach(() => vi.restoreAllMocks());

it('a popup flow left for the client credentials grant emits nothing when its callback comes late', async () => {
  const popup = fakePopup();
  const open = stubWindowOpen(popup, fakePopup());
  const { user, onConnect } = renderOAuth2Form(eitherGrantOAuth2Auth, { oauth2: HOST_APP });
  await pkceReady();
  fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
  const state = openedUrl(open).searchParams.get('state')!;
  // COOP makes `closed` read true while the user is still signing in: the form says "closed".
  popup.closed = true;
  await waitFor(() => expect(formStatus()).toHaveTextContent(/seems to be closed/), { timeout: 3000 });
  await user.click(screen.getByRole('radio', { name: 'Client credentials' }));
  // The user finishes in the popup they were still using: before the other grant's submit...
  deliver(callback(state, { code: 'late-code' }));
  await user.type(screen.getByRole('textbox', { name: /^Client ID/ }), 'cid');
  await user.type(screen.getByLabelText(/^Client Secret/), 'csecret');
  await user.click(screen.getByRole('button', { name: /^(Connect|Try again)$/ }));
  // ...so, had it been accepted, its value would have been the first emission.
  await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
  expect(onConnect.mock.calls[0]![0]).toMatchObject({ grant_type: 'client_credentials' });
  // And after it.
  deliver(callback(state, { code: 'late-code' }));
  // Then a new popup flow of the grant switched back to: its code is the one further emission.
  await user.click(screen.getByRole('radio', { name: 'Authorization code' }));
  await pkceReady();
  await user.click(screen.getByRole('button', { name: /^(Connect|Reconnect|Try again)$/ }));
  const next = (await signInUrl(open, 1)).searchParams.get('state')!;
  expect(next).not.toBe(state);
  deliver(callback(next, { code: 'next-code' }));
  await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(2));
  expect(onConnect.mock.calls[1]![0]).toMatchObject({ code: 'next-code' });
});

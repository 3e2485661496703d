// a grant switched away from (like a method, security note 17) must not emit later.
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { eitherGrantOAuth2Auth } from '../../stories/fixtures/auth-definitions';
import { callback, fakePopup } from './fake-window';
import { HOST_APP, deliver, formStatus, openedUrl, pkceReady, renderOAuth2Form, stubWindowOpen } from './oauth2-form-kit';

afterEach(() => vi.restoreAllMocks());

it('a popup flow left for the client credentials grant emits nothing when its callback comes late', async () => {
  const popup = fakePopup();
  const open = stubWindowOpen(popup);
  const { user, onConnect } = renderOAuth2Form(eitherGrantOAuth2Auth, { oauth2: HOST_APP });
  await pkceReady();
  fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
  const state = openedUrl(open).searchParams.get('state')!;
  // COOP makes `closed` read true while the user is still signing in: the form says "closed".
  popup.closed = true;
  await waitFor(() => expect(formStatus()).toHaveTextContent(/seems to be closed/), { timeout: 3000 });
  await user.click(screen.getByRole('radio', { name: 'Client credentials' }));
  await user.type(screen.getByRole('textbox', { name: /^Client ID/ }), 'cid');
  await user.type(screen.getByLabelText(/^Client Secret/), 'csecret');
  await user.click(screen.getByRole('button', { name: /^(Connect|Try again)$/ }));
  await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
  expect(onConnect.mock.calls[0]![0]).toMatchObject({ grant_type: 'client_credentials' });
  // The user finishes in the popup they were still using.
  deliver(callback(state, { code: 'late-code' }));
  await act(() => new Promise((resolve) => setTimeout(resolve, 40)));
  expect(onConnect).toHaveBeenCalledTimes(1);
});

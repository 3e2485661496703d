// Issue 12 item 9: `oauth2.clientId: ''` (or blank) is no client id, everywhere it is read: the
// form asks for the user's own app, and the URL, the exchange and the value carry what they typed,
// never an empty `client_id=`.
import { screen, waitFor } from '@testing-library/react';
import type { OAuth2HostConfig } from '../../src';
import { plainOAuth2Auth } from '../../stories/fixtures/auth-definitions';
import { REDIRECT_URL, callback, fakePopup } from './fake-window';
import { deliver, pkceReady, renderOAuth2Form, signInUrl, stubWindowOpen, submitButton } from './oauth2-form-kit';

afterEach(() => vi.restoreAllMocks());

describe.each(['', '   '])('oauth2.clientId %j', (clientId) => {
  it('shows the Client ID and Secret fields and sends what the user typed, in the URL, to exchange and in the value', async () => {
    const exchange = vi.fn<NonNullable<OAuth2HostConfig['exchange']>>(async () => ({ access_token: 'at' }));
    const open = stubWindowOpen(fakePopup());
    const view = renderOAuth2Form(plainOAuth2Auth, { oauth2: { clientId, redirectUrl: REDIRECT_URL, exchange } });
    await view.user.type(screen.getByLabelText(/^Client ID/), 'my-client');
    await view.user.type(screen.getByLabelText(/^Client Secret/), 'my-secret');
    await pkceReady();
    await view.user.click(submitButton());
    const url = await signInUrl(open);
    expect(url.searchParams.getAll('client_id')).toEqual(['my-client']);
    deliver(callback(url.searchParams.get('state')!, { code: 'code-1' }));
    await waitFor(() => expect(view.onConnect).toHaveBeenCalledTimes(1));
    expect(exchange.mock.calls[0]![0]).toMatchObject({ clientId: 'my-client', clientSecret: 'my-secret' });
    expect(view.onConnect.mock.calls[0]![0]).toMatchObject({ client_id: 'my-client', client_secret: 'my-secret' });
  });
});

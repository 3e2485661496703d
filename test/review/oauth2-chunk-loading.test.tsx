// Review: the click that comes while the OAuth2 chunk is still loading (blank popup path).
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ComponentType } from 'react';
import { regionalOAuth2Auth } from '../../stories/fixtures/auth-definitions';
import { fakePopup } from '../oauth/fake-window';
import { HOST_APP, formStatus, stubWindowOpen } from '../oauth/oauth2-form-kit';

const auth = { ...regionalOAuth2Auth, props: {}, authUrl: 'https://auth.example.com/a', tokenUrl: 'https://auth.example.com/t', scope: ['x'] };

let ConnectionForm: ComponentType<Record<string, unknown>>;
let flowLoaded: () => Promise<unknown>;

beforeEach(async () => {
  vi.resetModules();
  ConnectionForm = (await import('../../src')).ConnectionForm as unknown as ComponentType<Record<string, unknown>>;
  const hook = await import('../../src/connection-form/use-oauth2-flow');
  flowLoaded = () => act(() => hook.loadOAuth2Flow());
});
afterEach(() => vi.restoreAllMocks());

describe('two forms clicked while the chunk loads', () => {
  it('open two windows, not one window by a shared name (each form keeps its own popup)', async () => {
    const open = stubWindowOpen(fakePopup(), fakePopup());
    render(
      <>
        <ConnectionForm auth={auth} oauth2={HOST_APP} onConnect={vi.fn()} />
        <ConnectionForm auth={auth} oauth2={HOST_APP} onConnect={vi.fn()} />
      </>,
    );
    const [a, b] = screen.getAllByRole('button', { name: 'Connect' });
    fireEvent.click(a!);
    fireEvent.click(b!);
    expect(open).toHaveBeenCalledTimes(2);
    // A browser returns the SAME window for a repeated name, navigating the first form's popup.
    expect(open.mock.calls[0]![1]).not.toBe(open.mock.calls[1]![1]);
    await flowLoaded();
  });
});

describe('the blank popup closed by the user while the chunk loads', () => {
  it('is not reported as blocked by the browser, but as closed', async () => {
    const popup = fakePopup();
    stubWindowOpen(popup);
    render(<ConnectionForm auth={auth} oauth2={HOST_APP} onConnect={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    popup.closed = true; // the user closed it at once
    await flowLoaded();
    // Reported as blocked, the status would stay so (no window left to watch): wait for the real
    // outcome, then check that the blocked report and its new-tab link never came.
    await waitFor(() => expect(formStatus()).toHaveTextContent(/seems to be closed/), { timeout: 3000 });
    expect(formStatus()).not.toHaveTextContent(/blocked/);
    expect(screen.queryByRole('link', { name: 'Open the sign-in page in a new tab' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});

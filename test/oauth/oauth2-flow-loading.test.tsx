// The OAuth2 flow is a chunk of its own (src/connection-form/oauth2-flow-chunk.ts), loaded when a form
// first renders an OAuth2 definition. test/setup.ts loads it before every test file; here each
// test starts from a fresh module registry, so the click comes while the chunk is still loading:
// the popup must still open inside the click (blank), then be sent to the authorization URL.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ComponentType } from 'react';
import { FLOW_NONCE_KEY } from '../../src/oauth/callback-message';
import { s256Challenge } from '../../src/oauth/pkce';
import { awsAuth, regionalOAuth2Auth } from '../../stories/fixtures/auth-definitions';
import { REDIRECT_URL, callback, fakePopup } from './fake-window';
import { HOST_APP, deliver, formStatus, pkceReady, stubWindowOpen, submitButton, trackPkce } from './oauth2-form-kit';

/** An OAuth2 definition with nothing to type: the click can come right after mount. */
const auth = {
  ...regionalOAuth2Auth,
  props: {},
  authUrl: 'https://auth.example.com/a',
  tokenUrl: 'https://auth.example.com/t',
  scope: ['x'],
};

let ConnectionForm: ComponentType<Record<string, unknown>>;
let flowLoaded: () => Promise<unknown>;

beforeEach(async () => {
  vi.resetModules();
  ConnectionForm = (await import('../../src')).ConnectionForm as unknown as ComponentType<Record<string, unknown>>;
  const hook = await import('../../src/connection-form/use-oauth2-flow');
  flowLoaded = () => act(() => hook.loadOAuth2Flow());
});
afterEach(() => vi.restoreAllMocks());

describe('a click before the OAuth2 flow has loaded', () => {
  // Issue 12: the blank popup is opened by the main chunk, so it writes the flow's nonce itself
  // (FLOW_NONCE_KEY, a copy of the constant there) and names the window at random.
  it("opens the blank popup with the flow's nonce in sessionStorage and a random name; only that nonce completes the flow", async () => {
    const popup = fakePopup();
    const open = stubWindowOpen(popup);
    const during: (string | null)[] = [];
    const stubbed = open.getMockImplementation()!;
    open.mockImplementation((...args) => {
      during.push(sessionStorage.getItem(FLOW_NONCE_KEY));
      return stubbed(...args);
    });
    const onConnect = vi.fn();
    render(<ConnectionForm auth={auth} oauth2={HOST_APP} onConnect={onConnect} />);
    fireEvent.click(submitButton());
    expect(open.mock.calls[0]![0]).toBe('about:blank');
    expect(String(open.mock.calls[0]![1])).toMatch(/^ck-oauth2-[A-Za-z0-9_-]{16}$/);
    expect(during[0]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sessionStorage.getItem(FLOW_NONCE_KEY)).toBeNull();
    await waitFor(() => expect(popup.location.replace).toHaveBeenCalledTimes(1));
    const state = new URL(popup.location.replace.mock.calls[0]![0]).searchParams.get('state')!;
    expect(String(open.mock.calls[0]![1])).not.toContain(state.slice(0, 8));
    deliver(callback(state, { code: 'forged', nonce: 'another-nonce-0123456789abcdefghijklmnopq' }));
    deliver(callback(state, { code: 'abc', nonce: during[0] }));
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect.mock.calls[0]![0]).toMatchObject({ code: 'abc' });
  });

  it('opens a blank popup inside the click, sends it to the authorization URL once loaded, and completes', async () => {
    const popup = fakePopup();
    const open = stubWindowOpen(popup);
    const onConnect = vi.fn();
    render(<ConnectionForm auth={auth} oauth2={HOST_APP} onConnect={onConnect} />);
    fireEvent.click(submitButton());
    // No await since the click: the popup opened within the user's gesture, blank.
    expect(open).toHaveBeenCalledTimes(1);
    expect(open.mock.calls[0]![0]).toBe('about:blank');
    expect(formStatus()).toHaveTextContent(/Waiting for you to finish signing in/);
    await waitFor(() => expect(popup.location.replace).toHaveBeenCalledTimes(1));
    expect(open).toHaveBeenCalledTimes(1);
    const target = new URL(popup.location.replace.mock.calls[0]![0]);
    expect(target.origin + target.pathname).toBe('https://auth.example.com/a');
    expect(target.searchParams.get('redirect_uri')).toBe(REDIRECT_URL);
    expect(target.searchParams.get('code_challenge_method')).toBe('S256');
    deliver(callback(target.searchParams.get('state')!, { code: 'abc' }));
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    const verifier = (onConnect.mock.calls[0]![0] as { code_challenge: string }).code_challenge;
    await expect(s256Challenge(verifier)).resolves.toBe(target.searchParams.get('code_challenge'));
  });

  // Changed in issue 12: the URL used to be read from the new-tab link's href; it is now only
  // what the new-tab button opens.
  it('reports a blocked popup as blocked, and the new-tab button opens the authorization URL', async () => {
    const open = stubWindowOpen(null);
    render(<ConnectionForm auth={auth} oauth2={HOST_APP} onConnect={vi.fn()} />);
    fireEvent.click(submitButton());
    await waitFor(() => expect(formStatus()).toHaveTextContent(/blocked the sign-in window/));
    fireEvent.click(screen.getByRole('button', { name: 'Open the sign-in page in a new tab' }));
    const href = new URL(String(open.mock.calls.at(-1)![0]));
    expect(href.origin + href.pathname).toBe('https://auth.example.com/a');
    expect(href.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('opens no popup when the form is invalid, nor when OAuth2 is not configured', async () => {
    const open = stubWindowOpen(fakePopup());
    const { unmount } = render(<ConnectionForm auth={regionalOAuth2Auth} oauth2={HOST_APP} onConnect={vi.fn()} />);
    fireEvent.click(submitButton());
    expect(await screen.findByText(/Region is required/)).toBeInTheDocument();
    unmount();
    render(<ConnectionForm auth={auth} onConnect={vi.fn()} />);
    fireEvent.click(submitButton());
    expect(formStatus()).toHaveTextContent(/OAuth2 is not set up/);
    await flowLoaded();
    expect(open).not.toHaveBeenCalled();
  });

  it('Cancel while it loads closes the blank popup, and the flow never starts', async () => {
    const popup = fakePopup();
    const open = stubWindowOpen(popup);
    trackPkce();
    const onConnect = vi.fn();
    render(<ConnectionForm auth={auth} oauth2={HOST_APP} onConnect={onConnect} />);
    fireEvent.click(submitButton());
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(popup.close).toHaveBeenCalled();
    expect(formStatus()).not.toHaveTextContent(/Waiting/);
    await flowLoaded();
    // A flow started by the loaded chunk would say so at once, and send the popup on as soon as
    // its PKCE pair (hashed from the load on) exists: wait for exactly that hashing, not a delay.
    expect(formStatus()).not.toHaveTextContent(/Waiting/);
    expect(submitButton()).toBeInTheDocument();
    await pkceReady();
    expect(popup.location.replace).not.toHaveBeenCalled();
    expect(open).toHaveBeenCalledTimes(1);
    expect(onConnect).not.toHaveBeenCalled();
  });

  it('a second click while it loads opens no second popup', async () => {
    const open = stubWindowOpen(fakePopup(), fakePopup());
    render(<ConnectionForm auth={auth} oauth2={HOST_APP} onConnect={vi.fn()} />);
    fireEvent.click(submitButton());
    fireEvent.click(submitButton());
    await flowLoaded();
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('a custom-auth form does not load it', async () => {
    const loads = vi.fn();
    vi.doMock('../../src/connection-form/oauth2-flow-chunk', async (original) => {
      loads();
      return original();
    });
    render(<ConnectionForm auth={awsAuth} onConnect={vi.fn()} />);
    // Every import() started so far (the form's would start in its mount effect) has resolved.
    await act(() => vi.dynamicImportSettled());
    expect(loads).not.toHaveBeenCalled();
    vi.doUnmock('../../src/connection-form/oauth2-flow-chunk');
  });
});

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

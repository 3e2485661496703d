// Issue 12, items 1 and 2: a flow's `state` never leaves memory, and a delivery is accepted only
// from the window the flow opened, proven by the flow's nonce (FLOW_NONCE_KEY), which that window
// alone holds, in its copy of the opener's sessionStorage. The same in real Chromium:
// test/e2e/flow-binding.spec.ts.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ValidationStatus } from '../../src';
import { useConnectionForm } from '../../src/headless-entry';
import { FLOW_NONCE_KEY } from '../../src/oauth/callback-message';
import { regionalOAuth2Auth } from '../../stories/fixtures/auth-definitions';
import { broadcast, callback, fakePopup } from '../oauth/fake-window';
import {
  HOST_APP,
  deliver,
  formStatus,
  openedState,
  pkceReady,
  renderOAuth2Form,
  stubWindowOpen,
  submitButton,
} from '../oauth/oauth2-form-kit';

const WAITING = /Waiting for you to finish signing in/;
const NEW_TAB = { name: 'Open the sign-in page in a new tab' };

afterEach(() => {
  vi.restoreAllMocks();
  sessionStorage.clear();
  localStorage.clear();
});

/** Every place outside the flow's memory where a page, an extension or a tool could read state. */
function everywhereReadable(): string {
  const storage = (s: Storage) => Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i)!)}`).join('\n');
  return [
    document.documentElement.outerHTML,
    window.name,
    storage(sessionStorage),
    storage(localStorage),
    document.cookie,
    location.href,
    history.state,
  ].join('\n');
}

/** window.open, recording what sessionStorage held under FLOW_NONCE_KEY during each call. */
function recordNonces(...popups: (ReturnType<typeof fakePopup> | null)[]) {
  const open = stubWindowOpen(...popups);
  const during: (string | null)[] = [];
  const stubbed = open.getMockImplementation()!;
  open.mockImplementation((...args) => {
    during.push(sessionStorage.getItem(FLOW_NONCE_KEY));
    return stubbed(...args);
  });
  return { open, during };
}

async function regionalForm() {
  const view = renderOAuth2Form(regionalOAuth2Auth, { oauth2: HOST_APP });
  await view.user.type(screen.getByRole('textbox', { name: 'Region' }), 'eu');
  await pkceReady();
  return view;
}

/** A headless host of the hook, recording every status it renders. */
function HeadlessHost({ seen }: { seen: ValidationStatus[] }) {
  const cf = useConnectionForm(regionalOAuth2Auth, { onConnect: () => {}, oauth2: HOST_APP });
  seen.push(cf.status);
  return (
    <form onSubmit={cf.submit} noValidate>
      <input aria-label="Region" {...cf.form.register('region')} />
      <button type="submit">Connect</button>
      <p role="status">{cf.status.message}</p>
      {cf.status.state === 'oauth-blocked' && (
        <button type="button" onClick={cf.oauth2?.openSignInPage}>
          Open the sign-in page in a new tab
        </button>
      )}
    </form>
  );
}

describe('the state of a flow', () => {
  it('is in no DOM attribute, text, storage, window.name, cookie or URL of the page: waiting, blocked, after the new tab', async () => {
    const { open } = recordNonces(null, fakePopup());
    const { user } = await regionalForm();
    await user.click(submitButton());
    const state = openedState(open);
    expect(formStatus()).toHaveTextContent(/blocked/);
    expect(everywhereReadable()).not.toContain(state);
    await user.click(screen.getByRole('button', NEW_TAB));
    expect(everywhereReadable()).not.toContain(state);
    expect(everywhereReadable()).not.toContain(new URL(String(open.mock.calls[0]![0])).searchParams.get('code_challenge'));
  });

  it('is not in the window names either: each window gets a random name, unrelated to its state', async () => {
    const { open } = recordNonces(fakePopup(), fakePopup());
    const { user } = await regionalForm();
    await user.click(submitButton());
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(submitButton());
    const names = open.mock.calls.map((call) => String(call[1]));
    expect(names).toHaveLength(2);
    for (const [i, name] of names.entries()) {
      expect(name).toMatch(/^ck-oauth2-[A-Za-z0-9_-]{16}$/);
      const state = openedState(open, i);
      for (let at = 0; at + 6 <= state.length; at++) expect(name).not.toContain(state.slice(at, at + 6));
    }
    expect(names[0]).not.toBe(names[1]);
  });

  it("is not in the headless hook's status: a blocked flow offers oauth2.openSignInPage() instead of a URL", async () => {
    const { open } = recordNonces(null, fakePopup());
    const seen: ValidationStatus[] = [];
    const user = userEvent.setup();
    render(<HeadlessHost seen={seen} />);
    await user.type(screen.getByRole('textbox', { name: 'Region' }), 'eu');
    await pkceReady();
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/blocked/));
    const state = openedState(open);
    expect(JSON.stringify(seen)).not.toContain(state);
    expect(seen.filter((s) => s.state === 'oauth-blocked').every((s) => Object.keys(s).sort().join() === 'message,state')).toBe(true);
    await user.click(screen.getByRole('button', NEW_TAB));
    expect(open).toHaveBeenCalledTimes(2);
    expect(openedState(open, 1)).toBe(state);
  });
});

describe("the flow's nonce", () => {
  it('is in sessionStorage only while window.open runs, for the popup and for the new tab, and differs per flow', async () => {
    const { during } = recordNonces(null, fakePopup(), fakePopup());
    const { user } = await regionalForm();
    await user.click(submitButton());
    expect(sessionStorage.getItem(FLOW_NONCE_KEY)).toBeNull();
    await user.click(screen.getByRole('button', NEW_TAB));
    expect(sessionStorage.getItem(FLOW_NONCE_KEY)).toBeNull();
    await user.click(submitButton('Try again'));
    expect(sessionStorage.getItem(FLOW_NONCE_KEY)).toBeNull();
    expect(during).toHaveLength(3);
    for (const nonce of during) expect(nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The blocked popup and its new tab belong to one flow; Try again is a new one.
    expect(during[1]).toBe(during[0]);
    expect(during[2]).not.toBe(during[0]);
  });

  it('is required: the right state from the right origin, by message or on the channel, without it or with another, completes nothing', async () => {
    const open = stubWindowOpen(fakePopup());
    const { user, onConnect } = await regionalForm();
    await user.click(submitButton());
    const state = openedState(open);
    for (const nonce of [undefined, '', 'not-this-flows-nonce-0123456789abcdefghijk', 42]) {
      deliver(callback(state, { code: 'attacker', nonce }));
      broadcast(state, callback(state, { code: 'attacker', nonce }));
    }
    // The window messages were handled synchronously and left the flow waiting.
    expect(formStatus()).toHaveTextContent(WAITING);
    // The genuine one on the channel, after the forged broadcasts, so it arrives after them: had
    // one of them been accepted, it would have been the one emission (the first delivery wins).
    broadcast(state, callback(state, { code: 'genuine' }));
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect.mock.calls[0]![0]).toMatchObject({ code: 'genuine' });
  });

  it('of another flow (an earlier, cancelled one) does not complete the current flow, even with the current state', async () => {
    const { open, during } = recordNonces(fakePopup(), fakePopup());
    const { user, onConnect } = await regionalForm();
    await user.click(submitButton());
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    // Let the next flow's PKCE pair finish hashing, so the click opens the sign-in URL directly.
    await pkceReady();
    fireEvent.click(submitButton());
    expect(String(open.mock.calls[1]![0])).not.toBe('about:blank');
    const current = openedState(open, 1);
    // The other flow's nonce first: had it been accepted, it would have been the one emission.
    deliver(callback(current, { code: 'attacker', nonce: during[0] }));
    deliver(callback(current, { code: 'genuine', nonce: during[1] }));
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect.mock.calls[0]![0]).toMatchObject({ code: 'genuine' });
  });
});

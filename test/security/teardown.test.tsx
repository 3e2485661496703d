// Security notes 11 and 17: unmounting the form while `validate` runs or while an OAuth2 flow
// waits leaves nothing behind — no timer, no listener, no BroadcastChannel, no open popup — and
// nothing is emitted afterwards.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Mock, MockInstance } from 'vitest';
import {
  ConnectionForm,
  PieceAuth,
  type OAuth2HostConfig,
  type OAuth2TokenResponse,
  type ValidateParams,
  type ValidationResult,
} from '../../src';
import { plainApiKeyAuth, regionalOAuth2Auth } from '../../stories/fixtures/auth-definitions';
import { deferred, renderForm } from '../connection-form/render-form';
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
import { trackLeaks, type LeakTracker } from './leak-tracker';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** Nothing of the kit's is left running. */
function expectNothingLeft(tracker: LeakTracker) {
  expect({
    timers: tracker.pendingTimers(),
    listeners: tracker.liveListeners(),
    channels: tracker.openChannels(),
  }).toEqual({ timers: [], listeners: [], channels: [] });
}

/** While something is pending, the tracker does see the kit's resources (so the checks can fail). */
function expectSomethingRunning(tracker: LeakTracker, what: { timers?: boolean; listeners?: boolean; channels?: boolean }) {
  if (what.timers) expect(tracker.pendingTimers().length).toBeGreaterThan(0);
  if (what.listeners) expect(tracker.liveListeners()).toContain('window:message');
  if (what.channels) expect(tracker.openChannels()).toHaveLength(1);
}

describe('unmounting while validate runs', () => {
  const SECRET = 'sk-unmount-1234';

  /**
   * A form mounted after the unmount, with the same onConnect, connects another key, then is
   * unmounted. Whatever the unmounted run had left to do was queued before it: its value must be
   * the one emission.
   */
  async function nextFormConnects(onConnect: ReturnType<typeof renderForm>['onConnect']) {
    const view = renderForm(PieceAuth.SecretText({ ...plainApiKeyAuth, validate: async () => ({ valid: true }) }), {
      onConnect,
    });
    await view.user.type(screen.getByLabelText('API Key'), 'sk-next-form');
    await view.user.click(submitButton());
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect.mock.calls[0]![0]).toEqual({ type: 'SECRET_TEXT', secret_text: 'sk-next-form' });
    // Gone too, so the tracker's last look sees only what the first form left (a live form has
    // its own timers: the schema's idle warm-up).
    view.unmount();
  }

  async function startValidating(validate: (p: ValidateParams<string>) => Promise<ValidationResult>, validateTimeoutMs?: number) {
    const tracker = trackLeaks();
    const spy = vi.fn(validate);
    const view = renderForm(PieceAuth.SecretText({ ...plainApiKeyAuth, validate: spy }), { validateTimeoutMs });
    await view.user.type(screen.getByLabelText('API Key'), SECRET);
    await view.user.click(submitButton());
    await screen.findByRole('button', { name: 'Checking connection…' });
    await waitFor(() => expect(spy).toHaveBeenCalledTimes(1));
    return { ...view, tracker, signal: spy.mock.calls[0]![0].signal! };
  }

  it('aborts a validate that honours its signal, and leaves no timer behind', async () => {
    const { tracker, unmount, signal, onConnect } = await startValidating(
      ({ signal }) => new Promise((_, reject) => signal!.addEventListener('abort', () => reject(signal!.reason))),
    );
    expectSomethingRunning(tracker, { timers: true });
    unmount();
    // At once: the abort disarms the timer in its own listener.
    expect(signal.aborted).toBe(true);
    expectNothingLeft(tracker);
    await nextFormConnects(onConnect);
    // The rejection that answered the abort was handled before the next form connected.
    expectNothingLeft(tracker);
  });

  // A validate that ignores its signal (most fetch-less ones do) never settles the race with the
  // validateTimeoutMs timer: unmount (and Cancel) must disarm the timer through the abort.
  it('leaves no timer behind even when validate ignores its signal and never settles', async () => {
    const never = new Promise<ValidationResult>(() => {});
    const { tracker, unmount, signal, onConnect } = await startValidating(() => never);
    expectSomethingRunning(tracker, { timers: true });
    unmount();
    expect(signal.aborted).toBe(true);
    expectNothingLeft(tracker);
    await nextFormConnects(onConnect);
    expectNothingLeft(tracker);
  });

  it('emits nothing when a validate that ignored its signal answers valid after the unmount', async () => {
    const pending = deferred<ValidationResult>();
    const { tracker, unmount, onConnect } = await startValidating(() => pending.promise, 0);
    unmount();
    await act(async () => pending.resolve({ valid: true }));
    // The late answer first, then the next form's connection: the one emission is the next form's.
    await nextFormConnects(onConnect);
    // With validateTimeoutMs 0 there is no timer at all, and the settled run leaves nothing.
    expectNothingLeft(tracker);
  });
});

describe('unmounting during an OAuth2 flow', () => {
  /** A form waiting for its callback; the next window.open (a next form's) gets a fresh popup. */
  async function waitingForm(options: { popup?: ReturnType<typeof fakePopup> | null } = {}) {
    const tracker = trackLeaks();
    const popup = options.popup === undefined ? fakePopup() : options.popup;
    const open = stubWindowOpen(popup, fakePopup());
    const view = renderOAuth2Form(regionalOAuth2Auth, { oauth2: HOST_APP });
    await view.user.type(screen.getByRole('textbox', { name: 'Region' }), 'eu');
    await pkceReady();
    await view.user.click(submitButton());
    return { ...view, tracker, open, popup };
  }

  /**
   * A form mounted after the unmount, with the same onConnect, gets its genuine callback by
   * message and on its channel, after whatever was sent to the unmounted one: its value must be
   * the one emission. Then it is unmounted.
   */
  async function nextFormConnects(open: MockInstance<typeof window.open>, onConnect: Mock, oauth2: OAuth2HostConfig = HOST_APP) {
    const user = userEvent.setup();
    const next = render(<ConnectionForm auth={regionalOAuth2Auth} oauth2={oauth2} onConnect={onConnect} />);
    await user.type(screen.getByRole('textbox', { name: 'Region' }), 'us');
    await pkceReady();
    await user.click(submitButton());
    const state = openedState(open, 1);
    deliver(callback(state, { code: 'next-form' }));
    broadcast(state, callback(state, { code: 'next-form' }));
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect.mock.calls[0]![0]).toMatchObject({ code: 'next-form', props: { region: 'us' } });
    // Gone too, so the tracker's last look sees only what the first form left (a live form has
    // its own timers: the schema's idle warm-up).
    next.unmount();
  }

  it('while the popup is open: no timer, listener or channel is left, the popup is closed, nothing is emitted', async () => {
    const { tracker, unmount, popup, open, onConnect } = await waitingForm();
    expectSomethingRunning(tracker, { timers: true, listeners: true, channels: true });
    const state = openedState(open);
    expect(tracker.openChannels()).toEqual([`connection-kit:oauth2:${state}`]);
    unmount();
    // At once: the flow's end removes its listener, timers and channel synchronously.
    expectNothingLeft(tracker);
    expect(popup!.closed).toBe(true);
    deliver(callback(state, { code: 'after-unmount' }));
    broadcast(state, callback(state, { code: 'after-unmount' }));
    await nextFormConnects(open, onConnect);
    expectNothingLeft(tracker);
  });

  it('while a blocked popup still listens for the new-tab link: the listener goes too', async () => {
    const { tracker, unmount, open, onConnect } = await waitingForm({ popup: null });
    await waitFor(() => expect(formStatus()).toHaveTextContent(/blocked/));
    expectSomethingRunning(tracker, { timers: true, channels: true });
    unmount();
    expectNothingLeft(tracker);
    const state = openedState(open);
    broadcast(state, callback(state, { code: 'from-tab' }));
    await nextFormConnects(open, onConnect);
    expectNothingLeft(tracker);
  });

  it('right after the click, before PKCE was ready (about:blank popup): nothing is left, the popup is closed', async () => {
    const tracker = trackLeaks();
    const popup = fakePopup();
    stubWindowOpen(popup);
    const { unmount, onConnect } = renderOAuth2Form(
      { ...regionalOAuth2Auth, props: {}, authUrl: 'https://auth.example.com/a', tokenUrl: 'https://auth.example.com/t', scope: ['x'] },
      { oauth2: HOST_APP },
    );
    fireEvent.click(submitButton());
    unmount();
    // What the click set off, run to its end: the PKCE pair (pkceReady waits for every digest,
    // then a macrotask turn for what awaited them, the popup's navigation among it).
    await pkceReady();
    expectNothingLeft(tracker);
    expect(popup.closed).toBe(true);
    expect(onConnect).not.toHaveBeenCalled();
  });

  it('while the host exchanges the code: the exchange is aborted and nothing is left', async () => {
    const tracker = trackLeaks();
    const pending = deferred<OAuth2TokenResponse>();
    const exchange = vi.fn(() => pending.promise);
    const open = stubWindowOpen(fakePopup(), fakePopup());
    const { user, unmount, onConnect } = renderOAuth2Form(regionalOAuth2Auth, { oauth2: { ...HOST_APP, exchange } });
    await user.type(screen.getByRole('textbox', { name: 'Region' }), 'eu');
    await pkceReady();
    await user.click(submitButton());
    deliver(callback(openedState(open), { code: 'abc' }));
    await waitFor(() => expect(exchange).toHaveBeenCalledTimes(1));
    const { signal } = (exchange.mock.calls[0] as unknown as [{ signal: AbortSignal }])[0];
    expect(signal.aborted).toBe(false);
    unmount();
    // The host's exchange is told to stop (its fetch can be aborted), and its late answer is ignored.
    expect(signal.aborted).toBe(true);
    pending.resolve({ access_token: 'at' });
    // The late answer first, then a next form whose exchange answers at once: its value (its code
    // and token) is the one emission.
    await nextFormConnects(open, onConnect, { ...HOST_APP, exchange: async () => ({ access_token: 'at-next' }) });
    expect(onConnect.mock.calls[0]![0]).toMatchObject({ access_token: 'at-next' });
    expectNothingLeft(tracker);
  });
});

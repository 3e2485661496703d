// Security notes 1, 2, 6, 9, 13: what reaches a waiting OAuth2 flow. Forged, replayed and
// cross-form deliveries never complete it; a `state` is spent by whatever ends its flow
// (success, error, cancel, timeout); an `iss` that differs and implicit-flow tokens are refused.
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import fc from 'fast-check';
import { ConnectionForm, type OAuth2ExchangeParams } from '../../src';
import { CALLBACK_MESSAGE_TAG, FLOW_NONCE_KEY } from '../../src/oauth/callback-message';
import { completeOAuth2Redirect } from '../../src/oauth/complete-oauth2-redirect';
import { waitForOAuth2Callback, type OAuth2Outcome } from '../../src/oauth/popup-flow';
import { regionalOAuth2Auth } from '../../stories/fixtures/auth-definitions';
import {
  ORIGIN,
  PENDING,
  broadcast,
  callback,
  fakePopup,
  fakeWindow,
  settled,
  flowNonce,
  NONCE,
  memoryStorage,
} from '../oauth/fake-window';
import {
  HOST_APP,
  deliver,
  formStatus,
  openedState,
  pkceReady,
  renderOAuth2Form,
  signInUrl,
  stubWindowOpen,
  submitButton,
  trackPkce,
} from '../oauth/oauth2-form-kit';
import { trackLeaks } from './leak-tracker';

const STATE = 'StAtE-0123456789abcdefghijklmnopqrstuvwxyz_-';
const ISSUER = 'https://auth.example.com';
const WAITING = /Waiting for you to finish signing in/;

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** A flow on a fake opener window, as the form starts it. */
function listen(expectedIssuer?: string) {
  const fake = fakeWindow(null);
  const flow = waitForOAuth2Callback({
    state: STATE,
    nonce: flowNonce(STATE),
    expectedOrigin: ORIGIN,
    expectedIssuer,
    timeoutMs: 600_000,
    window: fake.asWindow,
  });
  return { ...fake, flow };
}

// ---------------------------------------------------------------------------------------------
// Arbitraries: deliveries that are almost, but not exactly, this flow's callback.

/** Origins that are not the redirect page's: other hosts, ports, schemes, case, a trailing slash. */
const wrongOrigin = fc
  .oneof(
    fc.constantFrom(
      'https://evil.example',
      'null',
      '',
      'http://127.0.0.1:55555',
      'https://127.0.0.1:5555',
      'http://127.0.0.1:5555/',
      'HTTP://127.0.0.1:5555',
      'http://127.0.0.1',
      'http://localhost:5555',
      'http://127.0.0.1:5555.evil.example',
      ' http://127.0.0.1:5555',
    ),
    fc.webUrl().map((u) => new URL(u).origin),
    fc.string({ maxLength: 30 }),
  )
  .filter((origin) => origin !== ORIGIN);

/** States that are not STATE: neighbours of it (prefix, suffix, case, whitespace) and noise. */
const wrongState = fc
  .oneof(
    fc.constantFrom(
      STATE.slice(0, -1),
      `${STATE}x`,
      STATE.toUpperCase(),
      STATE.toLowerCase(),
      ` ${STATE}`,
      `${STATE}\n`,
      STATE.replace('0', 'O'),
      encodeURIComponent(`${STATE}=`),
      '',
    ),
    fc.string({ minLength: 1, maxLength: 50 }),
    fc.stringMatching(/^[A-Za-z0-9_-]{43}$/),
  )
  .filter((state) => state !== STATE);

/** What a result carries: a code, a provider error, or nothing useful. */
const resultFields = fc.oneof(
  fc.record({ code: fc.string({ minLength: 1, maxLength: 20 }) }),
  fc.record({ error: fc.constantFrom('access_denied', 'server_error', 'invalid_scope'), error_description: fc.string({ maxLength: 20 }) }),
  fc.constant({}),
);

/** Anything that is not the kit's message for this state, in every shape postMessage allows. */
const forgedData = fc.oneof(
  // The right tag, the wrong state.
  fc.tuple(wrongState, resultFields).map(([state, fields]) => ({ tag: CALLBACK_MESSAGE_TAG, state, ...fields })),
  // The right state, no tag or another tag.
  fc
    .tuple(
      fc.option(
        fc.oneof(
          fc.string({ maxLength: 40 }),
          fc.constantFrom(CALLBACK_MESSAGE_TAG.toUpperCase(), `${CALLBACK_MESSAGE_TAG} `, 'oauth2-callback'),
        ),
        { nil: undefined },
      ),
      resultFields,
    )
    .map(([tag, fields]) => (tag === undefined ? { state: STATE, ...fields } : { tag, state: STATE, ...fields })),
  // The right tag and state in a shape that is not an object with a string state.
  resultFields.map((fields) => JSON.stringify({ tag: CALLBACK_MESSAGE_TAG, state: STATE, ...fields })),
  resultFields.map((fields) => [CALLBACK_MESSAGE_TAG, STATE, fields]),
  resultFields.map((fields) => ({ tag: CALLBACK_MESSAGE_TAG, state: [STATE], ...fields })),
  resultFields.map((fields) => ({ tag: CALLBACK_MESSAGE_TAG, state: { toString: () => STATE }, ...fields })),
  // Arbitrary JSON.
  fc.jsonValue({ maxDepth: 3 }),
);

/** The genuine callback (right tag, state, origin) with a code. */
const genuine = (code: string) => callback(STATE, { code });

/** One delivery: a forged message from the right origin, any message from a wrong one. */
const forgedDelivery = fc.oneof(
  forgedData.map((data) => ({ origin: ORIGIN, data })),
  fc
    .tuple(
      wrongOrigin,
      fc.oneof(
        forgedData,
        resultFields.map((fields) => callback(STATE, fields)),
      ),
    )
    .map(([origin, data]) => ({ origin, data })),
);

// ---------------------------------------------------------------------------------------------

describe('forged messages (property)', () => {
  it('never settle a waiting flow; the genuine callback that follows still does, and only it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(forgedDelivery, { maxLength: 12 }), fc.string({ minLength: 1, maxLength: 16 }), async (forged, code) => {
        const { flow, post } = listen();
        for (const { origin, data } of forged) post(data, origin);
        expect(await settled(flow.result)).toBe(PENDING);
        post(genuine(code));
        for (const { origin, data } of forged) post(data, origin);
        post(genuine(`${code}-replayed`));
        await expect(flow.result).resolves.toEqual({ type: 'code', code });
      }),
      { numRuns: 300 },
    );
  });

  it('the first genuine delivery wins, whatever it carries, and every later one is ignored', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(resultFields, { minLength: 1, maxLength: 5 }), async (results) => {
        const { flow, post, messageListeners } = listen();
        for (const fields of results) post(callback(STATE, fields));
        const first = results[0]!;
        const expected: OAuth2Outcome =
          'error' in first
            ? first.error === 'access_denied'
              ? { type: 'denied', description: first.error_description }
              : { type: 'provider-error', error: first.error, description: first.error_description }
            : 'code' in first
              ? { type: 'code', code: first.code }
              : { type: 'invalid-callback', reason: expect.any(String) as unknown as string };
        await expect(flow.result).resolves.toEqual(expected);
        expect(messageListeners()).toBe(0);
      }),
      { numRuns: 200 },
    );
  });
});

describe('forged messages at a waiting form (property)', () => {
  it('leave it waiting and emit nothing; the genuine callback then connects with its own code', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(forgedDelivery, { minLength: 1, maxLength: 10 }), async (forged) => {
        const open = stubWindowOpen(fakePopup());
        const view = renderOAuth2Form(regionalOAuth2Auth, { oauth2: HOST_APP });
        try {
          await view.user.type(screen.getByRole('textbox', { name: 'Region' }), 'eu');
          await pkceReady();
          await view.user.click(submitButton());
          const state = openedState(open);
          // The same forgeries, aimed at this form's real state.
          const aimed = (data: unknown) =>
            typeof data === 'object' && data !== null && (data as { state?: unknown }).state === STATE ? { ...data, state } : data;
          for (const { origin, data } of forged) {
            // A wrong-origin message may carry the real state; a right-origin one never does.
            deliver(origin === ORIGIN ? data : aimed(data), origin);
          }
          // Window messages are handled synchronously: the flow is still waiting after the forged ones.
          expect(formStatus()).toHaveTextContent(WAITING);
          // The genuine one after them is the one emission: the first delivery would have won.
          deliver(callback(state, { code: 'the-real-code' }));
          await waitFor(() => expect(view.onConnect).toHaveBeenCalledTimes(1));
          expect(view.onConnect.mock.calls[0]![0]).toMatchObject({ code: 'the-real-code' });
        } finally {
          view.unmount();
          vi.restoreAllMocks();
        }
      }),
      { numRuns: 8 },
    );
  }, 30_000);
});

describe('a state is spent by whatever ends its flow', () => {
  type Ending = 'success' | 'provider error' | 'denied' | 'invalid issuer' | 'cancel' | 'timeout';
  const endings: [Ending, RegExp][] = [
    ['success', /^Connected\.$/],
    ['provider error', /provider reported an error/],
    ['denied', /Access was denied/],
    ['invalid issuer', /unexpected issuer/],
    ['cancel', /^$/],
    ['timeout', /took too long/],
  ];

  it.each(endings)(
    'after %s: no listener or channel is left for it, and a replay of its success changes nothing',
    async (ending, shown) => {
      const tracker = trackLeaks();
      const popup = fakePopup();
      const open = stubWindowOpen(popup, fakePopup());
      const { user, onConnect } = renderOAuth2Form(regionalOAuth2Auth, {
        oauth2: { ...HOST_APP, issuer: ISSUER, timeoutMs: ending === 'timeout' ? 80 : 600_000 },
      });
      await user.type(screen.getByRole('textbox', { name: 'Region' }), 'eu');
      await pkceReady();
      await user.click(submitButton());
      const state = openedState(open);
      expect(tracker.openChannels()).toEqual([`connection-kit:oauth2:${state}`]);

      if (ending === 'success') deliver(callback(state, { code: 'first', iss: ISSUER }));
      if (ending === 'provider error') deliver(callback(state, { error: 'server_error', iss: ISSUER }));
      if (ending === 'denied') deliver(callback(state, { error: 'access_denied', iss: ISSUER }));
      if (ending === 'invalid issuer') deliver(callback(state, { code: 'first', iss: 'https://evil.example' }));
      if (ending === 'cancel') await user.click(screen.getByRole('button', { name: 'Cancel' }));
      await waitFor(() => expect(formStatus()).not.toHaveTextContent(WAITING));
      await waitFor(() => expect(formStatus().textContent).toMatch(shown));
      const emitted = onConnect.mock.calls.length;
      expect(emitted).toBe(ending === 'success' ? 1 : 0);
      expect(tracker.openChannels()).toEqual([]);
      expect(tracker.liveListeners()).toEqual([]);
      // Waited for, not read at once: the form's schema warm-up (a 50 ms timer after mount, not
      // part of any flow) may still be due when a fast machine gets here. A flow's leftovers would
      // not go away by themselves within the wait: its timeout is 600 s, its closed-popup poll
      // an interval.
      await waitFor(() => expect(tracker.pendingTimers()).toEqual([]));
      const statusAfter = formStatus().textContent;

      // The spent state, replayed by message and on its channel, with a perfectly good result.
      // Nothing of the kit's listens on that channel any more (no channel is open, above).
      deliver(callback(state, { code: 'replayed', iss: ISSUER }));
      broadcast(state, callback(state, { code: 'replayed', iss: ISSUER }));
      expect(formStatus().textContent).toBe(statusAfter);

      // The next attempt is a new flow with a new state; the old one still opens nothing.
      await user.click(submitButton(/^(Connect|Reconnect|Try again)$/));
      const next = (await signInUrl(open, 1)).searchParams.get('state')!;
      expect(next).not.toBe(state);
      expect(tracker.openChannels()).toEqual([`connection-kit:oauth2:${next}`]);
      deliver(callback(state, { code: 'replayed-again', iss: ISSUER }));
      expect(formStatus()).toHaveTextContent(WAITING);
      // Then the new flow's genuine callback, by message and on its channel: it is the one further
      // emission, so none of the replays before it emitted anything.
      deliver(callback(next, { code: 'next-flow', iss: ISSUER }));
      broadcast(next, callback(next, { code: 'next-flow', iss: ISSUER }));
      await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(emitted + 1));
      expect(onConnect.mock.calls.at(-1)![0]).toMatchObject({ code: 'next-flow' });
    },
  );

  it('every flow gets its own state: 30 attempts, 30 distinct 43-character base64url states', async () => {
    const open = stubWindowOpen(fakePopup());
    const { user } = renderOAuth2Form(regionalOAuth2Auth, { oauth2: HOST_APP });
    await user.type(screen.getByRole('textbox', { name: 'Region' }), 'eu');
    const states = new Set<string>();
    for (let i = 0; i < 30; i++) {
      await pkceReady();
      await user.click(submitButton(/^(Connect|Try again)$/));
      states.add((await signInUrl(open, i)).searchParams.get('state')!);
      await user.click(screen.getByRole('button', { name: 'Cancel' }));
    }
    expect(states.size).toBe(30);
    for (const state of states) expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
  }, 30_000);
});

describe('a replayed successful callback at the form', () => {
  it('is processed once: one emit, one exchange, whether replayed by message or on the channel', async () => {
    const exchange = vi.fn(async (_: OAuth2ExchangeParams) => ({ access_token: 'at-1' }));
    const open = stubWindowOpen(fakePopup());
    const { user, onConnect } = renderOAuth2Form(regionalOAuth2Auth, { oauth2: { ...HOST_APP, exchange } });
    await user.type(screen.getByRole('textbox', { name: 'Region' }), 'eu');
    await pkceReady();
    await user.click(submitButton());
    const state = openedState(open);
    deliver(callback(state, { code: 'abc' }));
    broadcast(state, callback(state, { code: 'abc' }));
    deliver(callback(state, { code: 'abc' }));
    await waitFor(() => expect(formStatus()).toHaveTextContent('Connected.'));
    broadcast(state, callback(state, { code: 'abc' }));
    // Then a new flow (Reconnect) and its genuine callback: it is the one further exchange and
    // emission, so none of the replays before it was processed again.
    await pkceReady();
    await user.click(submitButton('Reconnect'));
    deliver(callback((await signInUrl(open, 1)).searchParams.get('state')!, { code: 'next-flow' }));
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(2));
    expect(exchange.mock.calls.map(([params]) => params.code)).toEqual(['abc', 'next-flow']);
    expect(onConnect.mock.calls.map(([value]) => (value as { code?: string }).code)).toEqual(['abc', 'next-flow']);
  });
});

describe('two forms on one page', () => {
  it('never hear each other, on the BroadcastChannel either, and one form’s replay is nothing to the other', async () => {
    const open = stubWindowOpen(fakePopup(), fakePopup());
    const user = userEvent.setup();
    const onA = vi.fn();
    const onB = vi.fn();
    trackPkce();
    render(
      <>
        <section aria-label="Form A">
          <ConnectionForm auth={regionalOAuth2Auth} oauth2={HOST_APP} onConnect={onA} />
        </section>
        <section aria-label="Form B">
          <ConnectionForm auth={regionalOAuth2Auth} oauth2={{ ...HOST_APP, clientId: 'client-2' }} onConnect={onB} />
        </section>
      </>,
    );
    const a = within(screen.getByRole('region', { name: 'Form A' }));
    const b = within(screen.getByRole('region', { name: 'Form B' }));
    await user.type(a.getByRole('textbox', { name: 'Region' }), 'eu');
    await user.type(b.getByRole('textbox', { name: 'Region' }), 'us');
    await pkceReady();
    await user.click(submitButton('Connect', a));
    await user.click(submitButton('Connect', b));
    const stateA = openedState(open, 0);
    const stateB = openedState(open, 1);

    broadcast(stateA, callback(stateA, { code: 'for-a' }));
    await waitFor(() => expect(onA).toHaveBeenCalledTimes(1));
    expect(onA.mock.calls[0]![0]).toMatchObject({ code: 'for-a', client_id: 'client-1', props: { region: 'eu' } });
    // A's result on B's channel, and by message: B ignores both (wrong state).
    broadcast(stateB, callback(stateA, { code: 'for-a' }));
    deliver(callback(stateA, { code: 'for-a' }));
    expect(b.getByRole('status')).toHaveTextContent(WAITING);

    // B's own result on its channel, after A's there: had A's been accepted, it would have been
    // B's one emission.
    broadcast(stateB, callback(stateB, { code: 'for-b' }));
    await waitFor(() => expect(onB).toHaveBeenCalledTimes(1));
    expect(onB.mock.calls[0]![0]).toMatchObject({ code: 'for-b', client_id: 'client-2', props: { region: 'us' } });
    expect(onA).toHaveBeenCalledTimes(1);
  });
});

describe('an iss that differs from the configured issuer (RFC 9207)', () => {
  const near = fc
    .oneof(
      fc.constantFrom(
        `${ISSUER}/`,
        ISSUER.toUpperCase(),
        `${ISSUER} `,
        ` ${ISSUER}`,
        'https://auth.example.com.evil.example',
        'http://auth.example.com',
        `${ISSUER}:443`,
        `${ISSUER}/tenant`,
        '',
      ),
      fc.webUrl(),
      fc.string({ maxLength: 30 }),
    )
    .filter((iss) => iss !== ISSUER);

  it('is refused for a code and for an error alike, however close it is (property)', async () => {
    await fc.assert(
      fc.asyncProperty(near, resultFields, async (iss, fields) => {
        const { flow, post } = listen(ISSUER);
        post(callback(STATE, { ...fields, iss }));
        await expect(flow.result).resolves.toEqual({ type: 'invalid-callback', reason: expect.stringMatching(/issuer/) });
      }),
      { numRuns: 200 },
    );
  });

  it('is accepted only when exactly equal', async () => {
    const { flow, post } = listen(ISSUER);
    post(callback(STATE, { code: 'abc', iss: ISSUER }));
    await expect(flow.result).resolves.toEqual({ type: 'code', code: 'abc' });
  });

  it('shows the refusal at the form and emits nothing', async () => {
    const open = stubWindowOpen(fakePopup());
    const { user, onConnect } = renderOAuth2Form(regionalOAuth2Auth, { oauth2: { ...HOST_APP, issuer: ISSUER } });
    await user.type(screen.getByRole('textbox', { name: 'Region' }), 'eu');
    await pkceReady();
    await user.click(submitButton());
    deliver(callback(openedState(open), { code: 'abc', iss: `${ISSUER}/` }));
    // The refusal is the flow's end: it emits nothing after it.
    await waitFor(() => expect(formStatus()).toHaveTextContent(/unexpected issuer/));
    expect(onConnect).not.toHaveBeenCalled();
    // Nor later: the next flow's genuine callback is the one emission.
    await pkceReady();
    await user.click(submitButton('Try again'));
    deliver(callback((await signInUrl(open, 1)).searchParams.get('state')!, { code: 'genuine', iss: ISSUER }));
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect.mock.calls[0]![0]).toMatchObject({ code: 'genuine' });
  });
});

describe('implicit-flow parameters in a callback', () => {
  const token = fc.stringMatching(/^[A-Za-z0-9._~-]{8,40}$/);

  it('are never passed on by the redirect page, wherever they are, and are stripped from its URL (property)', () => {
    fc.assert(
      fc.property(
        fc
          .record({
            accessIn: fc.constantFrom('query', 'hash', 'none'),
            idIn: fc.constantFrom('query', 'hash', 'none'),
            stateIn: fc.constantFrom('query', 'hash'),
            withCode: fc.boolean(),
            accessToken: token,
            idToken: token,
          })
          .filter((r) => r.accessIn !== 'none' || r.idIn !== 'none'),
        (r) => {
          const query = new URLSearchParams();
          const hash = new URLSearchParams();
          const put = (where: string, key: string, value: string) =>
            (where === 'query' ? query : where === 'hash' ? hash : undefined)?.set(key, value);
          put(r.stateIn, 'state', STATE);
          put(r.accessIn, 'access_token', r.accessToken);
          put(r.idIn, 'id_token', r.idToken);
          if (r.withCode) query.set('code', 'code-123');
          const href = `${ORIGIN}/cb?${query}#${hash}`;
          // The flow's own popup: its sessionStorage holds the nonce (FLOW_NONCE_KEY).
          const sessionStorage = memoryStorage();
          sessionStorage.setItem(FLOW_NONCE_KEY, NONCE);
          const win = {
            location: { href, origin: ORIGIN },
            history: { replaceState: vi.fn() },
            opener: { postMessage: vi.fn() },
            sessionStorage,
            close: vi.fn(),
          };
          completeOAuth2Redirect({ window: win as unknown as Window, close: false });
          expect(win.history.replaceState).toHaveBeenCalledWith(null, '', `${ORIGIN}/cb`);
          expect(win.opener.postMessage).toHaveBeenCalledTimes(1);
          const [message, target] = win.opener.postMessage.mock.calls[0]!;
          expect(target).toBe(ORIGIN);
          expect(message).toMatchObject({ tag: CALLBACK_MESSAGE_TAG, state: STATE, error: 'unsupported_response_type' });
          expect(message).not.toHaveProperty('code');
          const text = JSON.stringify(message);
          expect(text).not.toContain(r.accessToken);
          expect(text).not.toContain(r.idToken);
        },
      ),
      { numRuns: 200 },
    );
  });

  // A host's own redirect page may forward the whole query: the opener must refuse tokens too.
  it.each([
    ['access_token', { code: 'abc', access_token: 'at-leaked' }],
    ['id_token', { code: 'abc', id_token: 'idt-leaked' }],
    ['access_token without a code', { access_token: 'at-leaked', token_type: 'bearer' }],
  ])('carrying %s are refused by the waiting flow, never read as a code', async (_, fields) => {
    const { flow, post } = listen();
    post(callback(STATE, fields));
    await expect(flow.result).resolves.toEqual({ type: 'invalid-callback', reason: expect.stringMatching(/token/i) });
  });

  it('are refused at the form, which emits nothing and never shows the token', async () => {
    const open = stubWindowOpen(fakePopup());
    const { user, onConnect } = renderOAuth2Form(regionalOAuth2Auth, { oauth2: HOST_APP });
    await user.type(screen.getByRole('textbox', { name: 'Region' }), 'eu');
    await pkceReady();
    await user.click(submitButton());
    act(() => {
      window.dispatchEvent(
        new MessageEvent('message', { origin: ORIGIN, data: callback(openedState(open), { code: 'abc', access_token: 'at-leaked-123' }) }),
      );
    });
    // The refusal is the flow's end: it emits nothing after it.
    await waitFor(() => expect(formStatus()).toHaveTextContent(/refused/));
    expect(onConnect).not.toHaveBeenCalled();
    expect(document.body.outerHTML).not.toContain('at-leaked-123');
    // Nor later: the next flow's genuine callback is the one emission.
    await pkceReady();
    await user.click(submitButton('Try again'));
    deliver(callback((await signInUrl(open, 1)).searchParams.get('state')!, { code: 'genuine' }));
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect.mock.calls[0]![0]).toMatchObject({ code: 'genuine' });
  });
});

import { completeOAuth2Redirect } from '../../src/oauth/complete-oauth2-redirect';
import { CALLBACK_MESSAGE_TAG, FLOW_NONCE_KEY, callbackChannelName } from '../../src/oauth/callback-message';
import { NONCE, ORIGIN, fakeWindow, flowNonce, memoryStorage } from './fake-window';
import { waitForOAuth2Callback } from '../../src/oauth/popup-flow';

const STATE = 'state-xyz';

/**
 * The redirect page's window, at `href`, with an opener (or none, as after COOP), and the flow's
 * nonce in its sessionStorage, as the copy the form's popup gets (`nonce: null`: a window the
 * form did not open).
 */
function redirectWindow(
  href: string,
  opener: { postMessage: ReturnType<typeof vi.fn> } | null = { postMessage: vi.fn() },
  nonce: string | null = NONCE,
) {
  const url = new URL(href);
  const sessionStorage = memoryStorage();
  if (nonce !== null) sessionStorage.setItem(FLOW_NONCE_KEY, nonce);
  return {
    location: { href, origin: url.origin },
    history: { replaceState: vi.fn() },
    opener,
    sessionStorage,
    close: vi.fn(),
  };
}

const END = 'heardOnChannel: the action is over';

/**
 * Everything posted on the BroadcastChannel of `state` while `action` runs: what is heard before
 * a marker posted on that channel once the action is over, which arrives after anything it posted.
 */
async function heardOnChannel(state: string, action: () => void): Promise<unknown[]> {
  const heard: unknown[] = [];
  const channel = new BroadcastChannel(callbackChannelName(state));
  const over = new Promise<void>((resolve) => {
    channel.onmessage = (event) => (event.data === END ? resolve() : heard.push(event.data));
  });
  action();
  const marker = new BroadcastChannel(callbackChannelName(state));
  marker.postMessage(END);
  marker.close();
  await over;
  channel.close();
  return heard;
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('a redirect with a code and a state', () => {
  const href = `${ORIGIN}/cb?code=abc&state=${STATE}&iss=https%3A%2F%2Fauth.example.com`;

  it("posts the result to its opener with its own origin as the exact target, never '*'", () => {
    const win = redirectWindow(href);
    const result = completeOAuth2Redirect({ window: win as unknown as Window, close: false });
    expect(result).toEqual({ delivered: true, state: STATE });
    expect(win.opener!.postMessage).toHaveBeenCalledTimes(1);
    expect(win.opener!.postMessage).toHaveBeenCalledWith(
      { tag: CALLBACK_MESSAGE_TAG, state: STATE, nonce: NONCE, code: 'abc', iss: 'https://auth.example.com' },
      ORIGIN,
    );
  });

  it('posts to the targetOrigin it is given', () => {
    const win = redirectWindow(href);
    completeOAuth2Redirect({ window: win as unknown as Window, targetOrigin: 'https://app.example.com', close: false });
    expect(win.opener!.postMessage.mock.calls[0]![1]).toBe('https://app.example.com');
    expect(win.opener!.postMessage.mock.calls.every(([, target]) => target !== '*')).toBe(true);
  });

  // Changed in issue 12: it used to broadcast as well, every time, so that anything listening
  // on the channel heard a result meant for the opener. With an opener, only the opener hears it.
  it("does not broadcast on the state's channel while it has an opener", async () => {
    const win = redirectWindow(href);
    const heard = await heardOnChannel(STATE, () => completeOAuth2Redirect({ window: win as unknown as Window, close: false }));
    expect(win.opener!.postMessage).toHaveBeenCalledTimes(1);
    expect(heard).toEqual([]);
  });

  it('removes the code and the state from the address bar and history', () => {
    const win = redirectWindow(`${ORIGIN}/cb?code=abc&state=${STATE}#frag`);
    completeOAuth2Redirect({ window: win as unknown as Window, close: false });
    expect(win.history.replaceState).toHaveBeenCalledWith(null, '', `${ORIGIN}/cb`);
  });

  it('still delivers on the channel when the opener is gone (COOP), with the nonce of its sessionStorage', async () => {
    const win = redirectWindow(href, null);
    const heard = await heardOnChannel(STATE, () =>
      expect(completeOAuth2Redirect({ window: win as unknown as Window, close: false })).toEqual({ delivered: true, state: STATE }),
    );
    expect(heard).toEqual([{ tag: CALLBACK_MESSAGE_TAG, state: STATE, nonce: NONCE, code: 'abc', iss: 'https://auth.example.com' }]);
  });

  it('takes the nonce out of its sessionStorage: a second run (a reload) has none to send', async () => {
    const win = redirectWindow(href, null);
    completeOAuth2Redirect({ window: win as unknown as Window, close: false });
    expect(win.sessionStorage.getItem(FLOW_NONCE_KEY)).toBeNull();
    const heard = await heardOnChannel(STATE, () =>
      expect(completeOAuth2Redirect({ window: win as unknown as Window, close: false })).toMatchObject({ delivered: false }),
    );
    expect(heard).toEqual([]);
  });

  // Changed in issue 12: a throwing opener used to fall back to the channel. An opener that
  // exists but cannot be posted to is not the COOP case; the channel would reach other tabs.
  it('does not fall back to the channel when posting to the opener throws', async () => {
    const opener = {
      postMessage: vi.fn(() => {
        throw new Error('cross-origin');
      }),
    };
    const win = redirectWindow(href, opener);
    const heard = await heardOnChannel(STATE, () => completeOAuth2Redirect({ window: win as unknown as Window, close: false }));
    expect(opener.postMessage).toHaveBeenCalledTimes(1);
    expect(heard).toEqual([]);
  });

  it('closes its window shortly after, unless told not to', () => {
    vi.useFakeTimers();
    const win = redirectWindow(href);
    completeOAuth2Redirect({ window: win as unknown as Window });
    expect(win.close).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(win.close).toHaveBeenCalledTimes(1);
    const kept = redirectWindow(href);
    completeOAuth2Redirect({ window: kept as unknown as Window, close: false });
    vi.advanceTimersByTime(1_000);
    expect(kept.close).not.toHaveBeenCalled();
  });
});

describe('a redirect with a provider error', () => {
  it('passes on the error and its description', () => {
    const win = redirectWindow(`${ORIGIN}/cb?state=${STATE}&error=access_denied&error_description=No%20thanks`);
    completeOAuth2Redirect({ window: win as unknown as Window, close: false });
    expect(win.opener!.postMessage).toHaveBeenCalledWith(
      { tag: CALLBACK_MESSAGE_TAG, state: STATE, nonce: NONCE, error: 'access_denied', error_description: 'No thanks' },
      ORIGIN,
    );
  });
});

describe('a redirect carrying implicit-flow tokens', () => {
  it('refuses tokens in the fragment: unsupported_response_type, no code, no token', () => {
    const win = redirectWindow(`${ORIGIN}/cb?state=${STATE}&code=abc#access_token=tok-123&token_type=bearer`);
    completeOAuth2Redirect({ window: win as unknown as Window, close: false });
    const [message] = win.opener!.postMessage.mock.calls[0]!;
    expect(message).toMatchObject({ state: STATE, error: 'unsupported_response_type' });
    expect(message).not.toHaveProperty('code');
    expect(JSON.stringify(message)).not.toContain('tok-123');
  });

  it('refuses an id_token in the query the same way', () => {
    const win = redirectWindow(`${ORIGIN}/cb?state=${STATE}&code=abc&id_token=idt-1`);
    completeOAuth2Redirect({ window: win as unknown as Window, close: false });
    const [message] = win.opener!.postMessage.mock.calls[0]!;
    expect(message).toMatchObject({ error: 'unsupported_response_type' });
    expect(message).not.toHaveProperty('code');
    expect(JSON.stringify(message)).not.toContain('idt-1');
  });

  it('strips the tokens from the address bar', () => {
    const win = redirectWindow(`${ORIGIN}/cb#access_token=tok-123&state=${STATE}`);
    completeOAuth2Redirect({ window: win as unknown as Window, close: false });
    expect(win.history.replaceState).toHaveBeenCalledWith(null, '', `${ORIGIN}/cb`);
  });

  // A real implicit-flow response puts `state` in the fragment too (RFC 6749 §4.2.2): the
  // refusal must still reach the waiting form, or the user waits for the whole timeout.
  it('reports the refusal to the opener when the state is in the fragment, as the implicit flow sends it', () => {
    const win = redirectWindow(`${ORIGIN}/cb#access_token=tok-123&token_type=bearer&state=${STATE}`);
    completeOAuth2Redirect({ window: win as unknown as Window, close: false });
    expect(win.opener!.postMessage).toHaveBeenCalledTimes(1);
    const [message, target] = win.opener!.postMessage.mock.calls[0]!;
    expect(target).toBe(ORIGIN);
    expect(message).toMatchObject({ tag: CALLBACK_MESSAGE_TAG, state: STATE, error: 'unsupported_response_type' });
    expect(JSON.stringify(message)).not.toContain('tok-123');
  });
});

describe('a redirect without a state', () => {
  it('delivers nothing and says the state is missing', async () => {
    const win = redirectWindow(`${ORIGIN}/cb?code=abc`);
    const heard = await heardOnChannel('', () => {
      const result = completeOAuth2Redirect({ window: win as unknown as Window, close: false });
      expect(result).toEqual({ delivered: false, reason: expect.stringMatching(/state/) });
    });
    expect(win.opener!.postMessage).not.toHaveBeenCalled();
    expect(heard).toEqual([]);
    expect(win.history.replaceState).toHaveBeenCalledWith(null, '', `${ORIGIN}/cb`);
  });
});

describe('a callback page the form did not open (no nonce in its sessionStorage)', () => {
  const href = `${ORIGIN}/cb?code=attacker-code&state=${STATE}`;
  it.each([
    ['with no opener (a noopener link, another tab, COOP)', null],
    ['with an opener (another window opened it)', { postMessage: vi.fn() }],
  ])('delivers nothing %s, and says to start again from the form', async (_, opener) => {
    const win = redirectWindow(href, opener, null);
    const heard = await heardOnChannel(STATE, () => {
      const result = completeOAuth2Redirect({ window: win as unknown as Window, close: false });
      expect(result).toEqual({ delivered: false, reason: expect.stringMatching(/not opened by the sign-in window of a connection form/) });
    });
    expect(heard).toEqual([]);
    if (opener) expect(opener.postMessage).not.toHaveBeenCalled();
    expect(win.history.replaceState).toHaveBeenCalledWith(null, '', `${ORIGIN}/cb`);
  });
});

describe('the redirect page and a waiting form, end to end', () => {
  it('hands the code to the flow waiting on that state', async () => {
    const opener = fakeWindow(null);
    const flow = waitForOAuth2Callback({
      state: STATE,
      nonce: flowNonce(STATE),
      expectedOrigin: ORIGIN,
      timeoutMs: 60_000,
      window: opener.asWindow,
    });
    const popup = redirectWindow(`${ORIGIN}/cb?code=abc&state=${STATE}`, {
      postMessage: vi.fn((data: unknown, origin: string) => opener.post(data, origin)),
    });
    completeOAuth2Redirect({ window: popup as unknown as Window, close: false });
    await expect(flow.result).resolves.toEqual({ type: 'code', code: 'abc' });
  });

  it("ignores the same page opened with another flow's nonce, or none", async () => {
    const opener = fakeWindow(null);
    const flow = waitForOAuth2Callback({
      state: STATE,
      nonce: flowNonce(STATE),
      expectedOrigin: ORIGIN,
      timeoutMs: 60_000,
      window: opener.asWindow,
    });
    const post = { postMessage: vi.fn((data: unknown, origin: string) => opener.post(data, origin)) };
    completeOAuth2Redirect({
      window: redirectWindow(`${ORIGIN}/cb?code=wrong&state=${STATE}`, post, 'another-flows-nonce-0123456789') as unknown as Window,
      close: false,
    });
    completeOAuth2Redirect({
      window: redirectWindow(`${ORIGIN}/cb?code=none&state=${STATE}`, post, null) as unknown as Window,
      close: false,
    });
    // Both pages ran synchronously: the one with another flow's nonce posted to the opener (the
    // flow ignored it), the one with none posted nothing. The genuine page after them is the result.
    expect(post.postMessage).toHaveBeenCalledTimes(1);
    completeOAuth2Redirect({ window: redirectWindow(`${ORIGIN}/cb?code=abc&state=${STATE}`, post) as unknown as Window, close: false });
    await expect(flow.result).resolves.toEqual({ type: 'code', code: 'abc' });
  });
});

describe('a targetOrigin that is not exactly an http(s) origin', () => {
  const href = `${ORIGIN}/cb?code=abc&state=${STATE}`;
  it.each([
    '*',
    '/',
    '',
    'app.example.com',
    'https://app.example.com/',
    'https://app.example.com/callback',
    'https://user@app.example.com',
    'HTTPS://APP.EXAMPLE.COM',
    'https://app.example.com:443',
    'javascript:alert(1)',
    'ftp://app.example.com',
    'null',
  ])('throws a clear error for %j and posts nothing, anywhere', async (targetOrigin) => {
    const win = redirectWindow(href);
    const heard = await heardOnChannel(STATE, () =>
      expect(() => completeOAuth2Redirect({ window: win as unknown as Window, targetOrigin, close: false })).toThrow(
        /targetOrigin must be the exact origin of the page with the form, such as "https:\/\/app\.example\.com"/,
      ),
    );
    expect(win.opener!.postMessage).not.toHaveBeenCalled();
    expect(heard).toEqual([]);
  });

  it('accepts an exact origin, with or without a port', () => {
    for (const targetOrigin of ['https://app.example.com', 'http://127.0.0.1:5173']) {
      const win = redirectWindow(href);
      completeOAuth2Redirect({ window: win as unknown as Window, targetOrigin, close: false });
      expect(win.opener!.postMessage.mock.calls[0]![1]).toBe(targetOrigin);
    }
  });
});

describe('a callback page shown inside a frame', () => {
  it('delivers nothing, to its opener or on the channel, and says why; the URL is still stripped', async () => {
    const win = Object.assign(redirectWindow(`${ORIGIN}/cb?code=abc&state=${STATE}`), { top: {} as Window });
    Object.assign(win, { self: win });
    const heard = await heardOnChannel(STATE, () => {
      const result = completeOAuth2Redirect({ window: win as unknown as Window, close: false });
      expect(result).toEqual({ delivered: false, reason: expect.stringMatching(/inside a frame/) });
    });
    expect(win.opener!.postMessage).not.toHaveBeenCalled();
    expect(heard).toEqual([]);
    expect(win.history.replaceState).toHaveBeenCalledWith(null, '', `${ORIGIN}/cb`);
    expect(win.close).not.toHaveBeenCalled();
  });
});

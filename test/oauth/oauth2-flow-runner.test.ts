// The runner of the OAuth2 flow, without React: plain values in, states and one result out.
import { createOAuth2FlowRunner, type OAuth2ConnectInput, type OAuth2FlowResult } from '../../src/oauth/oauth2-flow-runner';
import { regionalOAuth2Auth } from '../../stories/fixtures/auth-definitions';
import { ORIGIN, REDIRECT_URL, callback, fakePopup } from './fake-window';
import { pkceReady, stubWindowOpen, trackPkce } from './oauth2-form-kit';

const input = (config: Partial<OAuth2ConnectInput['config']> = {}): OAuth2ConnectInput => ({
  auth: regionalOAuth2Auth,
  config: { clientId: 'client-1', redirectUrl: REDIRECT_URL, ...config },
  props: { region: 'eu' },
  typedClient: { clientId: '', clientSecret: '' },
  secrets: ['typed-s3cret-value'],
});

function post(data: unknown) {
  window.dispatchEvent(new MessageEvent('message', { origin: ORIGIN, data }));
}

/** A runner with its PKCE ready, recording every state it passes through. */
async function ready() {
  trackPkce();
  const done: OAuth2FlowResult[] = [];
  const runner = createOAuth2FlowRunner((result) => done.push(result));
  const states: string[] = [];
  runner.subscribe(() => states.push(runner.getSnapshot().name));
  runner.prepare(regionalOAuth2Auth);
  await pkceReady();
  return { runner, done, states };
}

const stateOf = (url: unknown) => new URL(String(url)).searchParams.get('state')!;

afterEach(() => vi.restoreAllMocks());

describe('createOAuth2FlowRunner', () => {
  it('opens the popup inside the call, and turns the code into one value with the verifier', async () => {
    const open = stubWindowOpen(fakePopup());
    const { runner, done, states } = await ready();
    expect(runner.connect(input())).toBe(true);
    expect(open).toHaveBeenCalledTimes(1);
    const url = new URL(String(open.mock.calls[0]![0]));
    expect(url.origin).toBe('https://eu.auth.example.com');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(runner.getSnapshot().name).toBe('waiting');
    post(callback(stateOf(url), { code: 'the-code' }));
    await vi.waitFor(() => expect(done).toHaveLength(1));
    expect(states).toEqual(['waiting', 'done']);
    const [result] = done;
    expect(result!.value).toMatchObject({ type: 'PLATFORM_OAUTH2', code: 'the-code', client_id: 'client-1', redirect_url: REDIRECT_URL });
    const verifier = (result!.value as { code_challenge: string }).code_challenge;
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(result!.secrets).toEqual(expect.arrayContaining(['typed-s3cret-value', 'the-code', verifier]));
    expect(result!.validateAuth).toBeUndefined();
  });

  it('refuses a second connect while waiting: one flow, one window', async () => {
    const open = stubWindowOpen(fakePopup(), fakePopup());
    const { runner } = await ready();
    runner.connect(input());
    expect(runner.canStart()).toBe(false);
    expect(runner.connect(input())).toBe(false);
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('after a cancel, ignores the old window’s callback: only the next flow’s code is emitted', async () => {
    const open = stubWindowOpen(fakePopup(), fakePopup());
    const { runner, done } = await ready();
    runner.connect(input());
    const first = stateOf(open.mock.calls[0]![0]);
    runner.cancel();
    expect(runner.getSnapshot().name).toBe('idle');
    await pkceReady();
    runner.connect(input());
    const second = stateOf(open.mock.calls[1]![0]);
    expect(second).not.toBe(first);
    post(callback(first, { code: 'stale-code' }));
    post(callback(second, { code: 'fresh-code' }));
    await vi.waitFor(() => expect(done).toHaveLength(1));
    expect(done[0]!.value).toMatchObject({ code: 'fresh-code' });
  });

  it('a flow started in the same tick as the cancel is not ended by the old one’s late “cancelled”', async () => {
    const second = fakePopup();
    stubWindowOpen(fakePopup(), second);
    const { runner, done } = await ready();
    runner.connect(input());
    runner.cancel();
    // PKCE for this click is still hashing: a blank window, sent on once the challenge exists.
    expect(runner.connect(input())).toBe(true);
    await vi.waitFor(() => expect(second.location.replace).toHaveBeenCalledTimes(1));
    expect(runner.getSnapshot().name).toBe('waiting');
    post(callback(stateOf(second.location.replace.mock.calls[0]![0]), { code: 'fresh-code' }));
    await vi.waitFor(() => expect(done).toHaveLength(1));
    expect(done[0]!.value).toMatchObject({ code: 'fresh-code' });
  });

  it('when the popup is blocked, listens on and opens the same sign-in page in a new tab', async () => {
    const tab = fakePopup();
    const open = stubWindowOpen(null, tab);
    const { runner, done } = await ready();
    expect(runner.openSignInPage()).toBe(false);
    runner.connect(input());
    await vi.waitFor(() => expect(runner.getSnapshot().name).toBe('blocked'));
    expect(runner.canStart()).toBe(true);
    expect(runner.openSignInPage()).toBe(true);
    expect(open.mock.calls[1]![0]).toBe(open.mock.calls[0]![0]);
    expect(open.mock.calls[1]![1]).toBe('_blank');
    post(callback(stateOf(open.mock.calls[1]![0]), { code: 'tab-code' }));
    await vi.waitFor(() => expect(done).toHaveLength(1));
    expect(done[0]!.value).toMatchObject({ code: 'tab-code' });
  });

  it('runs the host’s exchange, and a failed one is an outcome that knows the code and verifier to scrub', async () => {
    const open = stubWindowOpen(fakePopup());
    const exchange = vi.fn(async () => {
      throw new Error('token endpoint said no');
    });
    const { runner, done, states } = await ready();
    runner.connect(input({ exchange }));
    post(callback(stateOf(open.mock.calls[0]![0]), { code: 'the-code' }));
    await vi.waitFor(() => expect(runner.getSnapshot().name).toBe('failed'));
    expect(states).toEqual(['waiting', 'exchanging', 'failed']);
    const state = runner.getSnapshot();
    if (state.name !== 'failed' || state.failure.reason !== 'exchange-failed') throw new Error(`unexpected ${JSON.stringify(state)}`);
    expect(state.failure.scrub).toEqual(expect.arrayContaining(['typed-s3cret-value', 'the-code']));
    expect(state.failure.scrub).toHaveLength(3); // and the verifier
    expect(exchange).toHaveBeenCalledWith(
      expect.objectContaining({ code: 'the-code', tokenUrl: 'https://eu.auth.example.com/oauth/token' }),
    );
    expect(done).toEqual([]);
  });

  it('emits nothing for an exchange that settles after a cancel', async () => {
    const open = stubWindowOpen(fakePopup());
    let resolve!: (tokens: { access_token: string }) => void;
    const exchange = vi.fn(() => new Promise<{ access_token: string }>((r) => (resolve = r)));
    const { runner, done } = await ready();
    runner.connect(input({ exchange }));
    post(callback(stateOf(open.mock.calls[0]![0]), { code: 'the-code' }));
    await vi.waitFor(() => expect(exchange).toHaveBeenCalledTimes(1));
    runner.cancel();
    const [params] = exchange.mock.calls[0] as unknown as [{ signal: AbortSignal }];
    expect(params.signal.aborted).toBe(true);
    resolve({ access_token: 'late-token' });
    // The next flow's result is the only one emitted.
    await pkceReady();
    runner.connect(input());
    post(callback(stateOf(open.mock.calls[1]![0]), { code: 'next-code' }));
    await vi.waitFor(() => expect(done).toHaveLength(1));
    expect(done[0]!.value).toMatchObject({ code: 'next-code' });
  });

  it('refuses a configuration it cannot make safe before any window opens, naming what is wrong', async () => {
    const open = stubWindowOpen(fakePopup());
    const { runner } = await ready();
    expect(runner.connect(input({ requireIssuer: true }))).toBe(false);
    expect(open).not.toHaveBeenCalled();
    expect(runner.getSnapshot()).toEqual({
      name: 'failed',
      failure: { reason: 'config', message: expect.stringContaining('oauth2.issuer') },
    });
  });
});

// Model-based test (fast-check commands): random sequences of what a user, a provider and an
// attacker can do to a form — type secrets, reveal them, switch method, submit, cancel, block
// popups, answer validate, deliver genuine, stale and forged callbacks — keep the invariants:
// the form never crashes, at most one OAuth2 flow is pending, no secret is in the DOM, only a
// genuine callback for the current flow is ever emitted, and unmounting leaves nothing behind.
import { act, fireEvent, render, screen } from '@testing-library/react';
import fc from 'fast-check';
import { ConnectionForm, type ValidationResult } from '../../src';
import { slackLikeAuth } from '../../stories/fixtures/auth-definitions';
import { ORIGIN, REDIRECT_URL, callback, fakePopup, recordOpen, type FakePopup } from '../oauth/fake-window';
import { deferred } from '../connection-form/render-form';
import { trackLeaks, type LeakTracker } from './leak-tracker';
import { Boundary } from '../crash-boundary';

interface Model {
  secrets: string[];
  /** Codes delivered genuinely (right origin) for the state of the flow that was current then. */
  genuine: Set<string>;
  deliveries: number;
  blockNext: boolean;
}

interface Real {
  tracker: LeakTracker;
  popups: FakePopup[];
  open: ReturnType<typeof vi.spyOn>;
  onConnect: ReturnType<typeof vi.fn>;
  pendingValidates: (ReturnType<typeof deferred<ValidationResult>> & { token: string })[];
  /** States the kit opened, in order (a blocked popup's too). */
  states: () => string[];
  /** The state whose flow is still listening, if any. */
  listening: () => string | undefined;
  consoleErrors: ReturnType<typeof vi.spyOn>;
  container: HTMLElement;
}

/**
 * The end of one step: runs the promise chains the step started to their end (a few macrotask
 * turns) and renders what they set. Not a wait for "nothing happened": the invariants are checked
 * after every step on everything emitted so far, so an emission that comes later than this still
 * fails the step it lands in, and the emissions are checked once more after the unmount.
 */
const flush = () =>
  act(async () => {
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  });

function checkInvariants(m: Model, r: Real) {
  // No crash: the form is there, and React reported no error.
  expect(r.container.textContent).not.toMatch(/^crashed:/);
  expect(r.container.querySelector('.ck-root form')).not.toBeNull();
  expect(r.consoleErrors).not.toHaveBeenCalled();
  // At most one pending flow: one channel, one message listener, one open popup.
  expect(r.tracker.openChannels().length).toBeLessThanOrEqual(1);
  expect(r.tracker.liveListeners().filter((l) => l === 'window:message').length).toBeLessThanOrEqual(1);
  expect(r.popups.filter((p) => !p.closed).length).toBeLessThanOrEqual(1);
  // No secret in the DOM.
  const html = document.body.outerHTML;
  for (const secret of m.secrets) expect(html.includes(secret) ? secret : '').toBe('');
  checkEmissions(m, r);
}

/** Only genuine codes of the current flow are emitted, each once. */
function checkEmissions(m: Model, r: Real) {
  const codes = r.onConnect.mock.calls.map(([v]) => (v as { code?: string }).code).filter((c): c is string => c !== undefined);
  for (const code of codes) expect(m.genuine.has(code) ? code : `not genuine: ${code}`).toBe(code);
  expect(new Set(codes).size).toBe(codes.length);
}

const button = (name: string | RegExp) => screen.queryByRole('button', { name });
const secretInput = () => document.querySelector<HTMLInputElement>('input[autocomplete="new-password"]');

type Cmd = fc.AsyncCommand<Model, Real>;

class TypeSecret implements Cmd {
  constructor(readonly secret: string) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const input = secretInput();
    if (input) {
      fireEvent.change(input, { target: { value: this.secret } });
      m.secrets.push(this.secret);
    }
    await flush();
    checkInvariants(m, r);
  }
  toString = () => `TypeSecret(${this.secret})`;
}

class TypeClientId implements Cmd {
  check = () => true;
  async run(m: Model, r: Real) {
    const input = screen.queryByRole('textbox', { name: 'Client ID' });
    if (input) fireEvent.change(input, { target: { value: 'my-client' } });
    await flush();
    checkInvariants(m, r);
  }
  toString = () => 'TypeClientId';
}

class ToggleReveal implements Cmd {
  check = () => true;
  async run(m: Model, r: Real) {
    const toggle = screen.queryByRole('button', { name: /^Show / });
    if (toggle) fireEvent.click(toggle);
    await flush();
    checkInvariants(m, r);
  }
  toString = () => 'ToggleReveal';
}

class SwitchMethod implements Cmd {
  constructor(readonly index: 0 | 1) {}
  check = () => true;
  async run(m: Model, r: Real) {
    fireEvent.click(screen.getAllByRole('radio')[this.index]!);
    await flush();
    checkInvariants(m, r);
  }
  toString = () => `SwitchMethod(${this.index})`;
}

class Submit implements Cmd {
  check = () => true;
  async run(m: Model, r: Real) {
    fireEvent.click(r.container.querySelector('button[type="submit"]')!);
    await flush();
    checkInvariants(m, r);
  }
  toString = () => 'Submit';
}

class Cancel implements Cmd {
  check = () => true;
  async run(m: Model, r: Real) {
    const cancel = button('Cancel');
    if (cancel) fireEvent.click(cancel);
    await flush();
    checkInvariants(m, r);
  }
  toString = () => 'Cancel';
}

class BlockNextPopup implements Cmd {
  constructor(readonly block: boolean) {}
  check = () => true;
  async run(m: Model) {
    m.blockNext = this.block;
  }
  toString = () => `BlockNextPopup(${this.block})`;
}

class PopupReadsClosed implements Cmd {
  check = () => true;
  async run(m: Model, r: Real) {
    const popup = r.popups.at(-1);
    if (popup) popup.closed = true;
    await flush();
    checkInvariants(m, r);
  }
  toString = () => 'PopupReadsClosed';
}

type Delivery = 'genuine' | 'stale state' | 'forged origin' | 'unknown state' | 'denied' | 'with tokens';

class Deliver implements Cmd {
  constructor(readonly kind: Delivery) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const code = `code-${++m.deliveries}`;
    const states = r.states();
    const current = r.listening();
    const state =
      this.kind === 'stale state'
        ? (states.find((s) => s !== current) ?? 'never-opened')
        : this.kind === 'unknown state'
          ? 'never-opened'
          : (current ?? states.at(-1) ?? 'never-opened');
    const origin = this.kind === 'forged origin' ? 'https://evil.example' : ORIGIN;
    const fields =
      this.kind === 'denied' ? { error: 'access_denied' } : this.kind === 'with tokens' ? { code, access_token: 'at' } : { code };
    if (this.kind === 'genuine' && current !== undefined && state === current) m.genuine.add(code);
    act(() => {
      window.dispatchEvent(new MessageEvent('message', { origin, data: callback(state, fields) }));
    });
    // The redirect page closes its own window once it has delivered (the kit closes it otherwise).
    const popup = r.popups.at(-1);
    if (popup && origin === ORIGIN && state === current) popup.closed = true;
    await flush();
    checkInvariants(m, r);
  }
  toString = () => `Deliver(${this.kind})`;
}

class AnswerValidate implements Cmd {
  constructor(readonly answer: 'valid' | 'invalid' | 'throws') {}
  check = () => true;
  async run(m: Model, r: Real) {
    const pending = r.pendingValidates.shift();
    if (pending) {
      // What validate received at submit (the user may have typed another secret since).
      const secret = pending.token;
      await act(async () => {
        if (this.answer === 'valid') pending.resolve({ valid: true });
        else if (this.answer === 'invalid') pending.resolve({ valid: false, error: `bad token ${secret}` });
        else pending.reject(new Error(`401 for ${secret}`));
      });
    }
    await flush();
    checkInvariants(m, r);
  }
  toString = () => `AnswerValidate(${this.answer})`;
}

const secretArb = fc.stringMatching(/^[A-Za-z0-9]{6,12}$/).map((s) => `zq${s}`);
const commands = fc.commands(
  [
    secretArb.map((s) => new TypeSecret(s)),
    fc.constant(new TypeClientId()),
    fc.constant(new ToggleReveal()),
    fc.constantFrom(0 as const, 1 as const).map((i) => new SwitchMethod(i)),
    fc.constant(new Submit()),
    fc.constant(new Submit()),
    fc.constant(new Submit()),
    fc.constant(new Cancel()),
    fc.boolean().map((b) => new BlockNextPopup(b)),
    fc.constant(new PopupReadsClosed()),
    fc
      .constantFrom<Delivery>('genuine', 'genuine', 'stale state', 'forged origin', 'unknown state', 'denied', 'with tokens')
      .map((k) => new Deliver(k)),
    fc.constant(new Deliver('genuine')),
    fc.constantFrom('valid' as const, 'invalid' as const, 'throws' as const).map((a) => new AnswerValidate(a)),
  ],
  { maxCommands: 30, size: 'large' },
);

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('random interaction sequences (fc.commands)', () => {
  it('keep the invariants: no crash, one pending flow at most, no secret in the DOM, only genuine results emitted; unmount leaves nothing', async () => {
    let emittedCodes = 0;
    await fc.assert(
      fc.asyncProperty(secretArb, commands, async (firstSecret, cmds) => {
        const tracker = trackLeaks();
        const consoleErrors = vi.spyOn(console, 'error');
        const model: Model = { secrets: [], genuine: new Set(), deliveries: 0, blockNext: false };
        const popups: FakePopup[] = [];
        const open = vi.spyOn(window, 'open').mockImplementation((url) => {
          if (model.blockNext) return null;
          const popup = fakePopup();
          popups.push(popup);
          // The window's copy of the flow's nonce, which a genuine callback sends back.
          recordOpen(url, popup);
          return popup as unknown as Window;
        });
        // Each pending validate with the token it was given: a real validate can only echo that one.
        const pendingValidates: (ReturnType<typeof deferred<ValidationResult>> & { token: string })[] = [];
        // slackLikeAuth: the user's own OAuth2 app (Client ID + Client Secret), or a bot token checked by this validate.
        const auth = [
          slackLikeAuth[0],
          {
            ...slackLikeAuth[1],
            validate: ({ auth: given }: { auth: unknown }) => {
              const pending = deferred<ValidationResult>();
              pendingValidates.push({ ...pending, token: (given as { botToken: string }).botToken });
              return pending.promise;
            },
          },
        ] as const;
        const onConnect = vi.fn();
        const { container, unmount } = render(
          <Boundary>
            <ConnectionForm
              auth={auth}
              oauth2={{ redirectUrl: REDIRECT_URL, timeoutMs: 600_000 }}
              validateTimeoutMs={0}
              onConnect={onConnect}
            />
          </Boundary>,
        );
        const stateOf = (url: unknown) => new URL(String(url)).searchParams.get('state')!;
        const real: Real = {
          tracker,
          popups,
          open,
          onConnect,
          pendingValidates,
          container,
          consoleErrors,
          states: () => open.mock.calls.map(([url]) => stateOf(url)),
          listening: () => tracker.openChannels()[0]?.replace('connection-kit:oauth2:', ''),
        };
        try {
          // The user's own app, filled in, so that most submits really start a flow.
          fireEvent.change(screen.getByRole('textbox', { name: 'Client ID' }), { target: { value: 'my-client' } });
          fireEvent.change(secretInput()!, { target: { value: firstSecret } });
          model.secrets.push(firstSecret);
          await fc.asyncModelRun(() => ({ model, real }), cmds);
          unmount();
          const left = () => ({ timers: tracker.pendingTimers(), listeners: tracker.liveListeners(), channels: tracker.openChannels() });
          // At once (the unmount releases everything synchronously), and after what it set off.
          expect(left()).toEqual({ timers: [], listeners: [], channels: [] });
          await flush();
          expect(left()).toEqual({ timers: [], listeners: [], channels: [] });
          expect(popups.filter((p) => !p.closed)).toEqual([]);
          checkEmissions(model, real);
          emittedCodes += onConnect.mock.calls.filter(([v]) => (v as { code?: string }).code !== undefined).length;
        } finally {
          unmount();
          vi.restoreAllMocks();
          vi.unstubAllGlobals();
        }
      }),
      { numRuns: 25 },
    );
    // The emission invariant means something only if genuine flows do complete in the model.
    expect(emittedCodes).toBeGreaterThan(0);
  }, 60_000);
});

// Security notes 17 and 18: only the latest `validate` run may change the form, under every
// interleaving of submits, cancels and (out of order) validate answers; and however many
// submits arrive at once, the connection value is emitted once per successful submit.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import fc from 'fast-check';
import { ConnectionForm, PieceAuth, Property, type AuthInput, type ValidationResult } from '../../src';
import { defaultMessages } from '../../src/messages/messages';
import { clientCredentialsOAuth2Auth, loginAuth, plainApiKeyAuth } from '../../stories/fixtures/auth-definitions';
import { REDIRECT_URL } from '../oauth/fake-window';
import { formStatus } from '../oauth/oauth2-form-kit';

afterEach(() => vi.restoreAllMocks());

/**
 * Lets every promise chain started so far run to its end, and renders what it set. A drain, not a
 * wait for something late: a submit, a cancel or a validate answer here sets off promise callbacks
 * only (no timer: validateTimeoutMs 0 or never reached, user-event without delays, the answers held
 * by fc.scheduler), which a macrotask turn runs to their end however deep; a few turns, for the
 * renders and effects in between.
 */
const flush = () =>
  act(async () => {
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  });

const submitButtonOf = (container: HTMLElement) => container.querySelector<HTMLButtonElement>('button[type="submit"]')!;

type Answer = 'valid' | 'invalid' | 'throws' | 'garbage';
type Expected = { state: 'idle' | 'validating' | 'connected' | 'invalid' | 'error' | 'bad'; run?: number };

function statusText(expected: Expected): string {
  switch (expected.state) {
    case 'idle':
      return '';
    case 'validating':
      return defaultMessages.validating;
    case 'connected':
      return defaultMessages.connected;
    case 'invalid':
      return defaultMessages.invalid(`answer of run ${expected.run}`);
    case 'error':
      return defaultMessages.validateFailed(`failure of run ${expected.run}`);
    case 'bad':
      return defaultMessages.validateBadResult;
  }
}

describe('stale validate results under every interleaving (fc.scheduler)', () => {
  it('only the latest run changes the status or emits; a cancelled or superseded one never does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.array(fc.constantFrom<'submit' | 'cancel'>('submit', 'submit', 'cancel'), { minLength: 1, maxLength: 8 }),
        fc.array(fc.constantFrom<Answer>('valid', 'invalid', 'throws', 'garbage'), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        async (s, actions, answers, honoursSignal) => {
          // The model: which run is current, what the status must say, how many emits.
          const model = { current: null as number | null, expected: { state: 'idle' } as Expected, emits: 0 };
          const validate = vi.fn(({ signal }: { signal?: AbortSignal }): Promise<ValidationResult> => {
            const run = validate.mock.calls.length - 1;
            const answer = answers[run % answers.length]!;
            const released = s.schedule(Promise.resolve(run), `validate #${run} answers ${answer}`).then(() => {
              // The kit applies an answer only if its run is still the current one.
              if (model.current === run) {
                model.current = null;
                if (answer === 'valid') {
                  model.expected = { state: 'connected' };
                  model.emits++;
                } else {
                  model.expected = { state: answer === 'invalid' ? 'invalid' : answer === 'throws' ? 'error' : 'bad', run };
                }
              }
              if (answer === 'throws') throw new Error(`failure of run ${run}`);
              if (answer === 'garbage') return { valid: 'maybe' } as unknown as ValidationResult;
              return answer === 'valid' ? { valid: true as const } : { valid: false as const, error: `answer of run ${run}` };
            });
            if (!honoursSignal) return released;
            return new Promise((resolve, reject) => {
              signal!.addEventListener('abort', () => reject(new Error(`aborted run ${run}`)));
              released.then(resolve, reject);
            });
          });
          const onConnect = vi.fn();
          const auth = PieceAuth.SecretText({ ...plainApiKeyAuth, validate: validate as never });
          const user = userEvent.setup({ delay: null });
          const { container, unmount } = render(<ConnectionForm auth={auth} onConnect={onConnect} validateTimeoutMs={0} />);
          try {
            await user.type(screen.getByLabelText('API Key'), 'sk-secret');

            const check = () => {
              expect(formStatus().textContent).toBe(statusText(model.current === null ? model.expected : { state: 'validating' }));
              expect(onConnect).toHaveBeenCalledTimes(model.emits);
              expect(screen.queryByRole('button', { name: 'Cancel' }) !== null).toBe(model.current !== null);
            };
            const perform = async (action: 'submit' | 'cancel') => {
              const calls = validate.mock.calls.length;
              if (action === 'submit') {
                fireEvent.click(submitButtonOf(container));
                await flush();
                if (model.current === null) {
                  // A new run starts, with a fresh signal.
                  expect(validate).toHaveBeenCalledTimes(calls + 1);
                  model.current = calls;
                } else {
                  // Ignored while a run is pending (note 18).
                  expect(validate).toHaveBeenCalledTimes(calls);
                }
              } else {
                const cancel = screen.queryByRole('button', { name: 'Cancel' });
                if (cancel) {
                  const signal = validate.mock.calls[model.current!]![0].signal!;
                  fireEvent.click(cancel);
                  await flush();
                  expect(signal.aborted).toBe(true);
                  model.current = null;
                  model.expected = { state: 'idle' };
                }
              }
              check();
            };

            const sequence = s.scheduleSequence(actions.map((action) => ({ label: action, builder: () => perform(action) })));
            while (s.count() > 0) {
              await act(async () => {
                await s.waitOne();
              });
              await flush();
              check();
            }
            await sequence.task;
            expect(s.count()).toBe(0);
            check();
            // Each run got its own signal.
            const signals = validate.mock.calls.map(([p]) => p.signal!);
            expect(new Set(signals).size).toBe(signals.length);
          } finally {
            unmount();
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 60_000);
});

describe('many submits at once (property)', () => {
  const KINDS: Record<string, { auth: AuthInput; fill: (u: ReturnType<typeof userEvent.setup>) => Promise<void>; props?: object }> = {
    'SecretText without validate': {
      auth: plainApiKeyAuth,
      fill: (u) => u.type(screen.getByLabelText('API Key'), 'sk-1'),
    },
    'SecretText with a validate that answers at once': {
      auth: PieceAuth.SecretText({ ...plainApiKeyAuth, validate: (() => ({ valid: true })) as never }),
      fill: (u) => u.type(screen.getByLabelText('API Key'), 'sk-1'),
    },
    'BasicAuth with an async validate': {
      auth: PieceAuth.BasicAuth({ ...loginAuth, validate: async () => ({ valid: true }) }),
      fill: async (u) => {
        await u.type(screen.getByLabelText('User'), 'alice');
        await u.type(screen.getByLabelText('Password'), 'pw');
      },
    },
    CustomAuth: {
      auth: PieceAuth.CustomAuth({
        displayName: 'Service',
        required: true,
        props: {
          host: Property.ShortText({ displayName: 'Host', required: true }),
          ssl: Property.Checkbox({ displayName: 'SSL', required: false }),
        },
      }),
      fill: (u) => u.type(screen.getByLabelText('Host'), 'db.example.com'),
    },
    'PieceAuth.None()': { auth: PieceAuth.None(), fill: async () => {} },
    'OAuth2 client credentials': {
      auth: clientCredentialsOAuth2Auth,
      props: { oauth2: { redirectUrl: REDIRECT_URL } },
      fill: async (u) => {
        await u.type(screen.getByLabelText('Client ID'), 'cid');
        await u.type(screen.getByLabelText('Client Secret', { selector: 'input' }), 'csec');
      },
    },
  };

  it('emit exactly once per successful submit, whichever way they arrive and however many', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(KINDS)),
        fc.array(fc.constantFrom('click', 'submit event', 'requestSubmit'), { minLength: 2, maxLength: 6 }),
        fc.constantFrom('sync', 'async'),
        async (kind, ways, onConnectKind) => {
          const { auth, fill, props } = KINDS[kind]!;
          const onConnect = vi.fn(onConnectKind === 'sync' ? () => {} : async () => {});
          const user = userEvent.setup({ delay: null });
          const { container, unmount } = render(<ConnectionForm auth={auth} onConnect={onConnect} {...props} />);
          try {
            await fill(user);
            const form = container.querySelector('form')!;
            // All in one task: none of them has started validating when the next arrives.
            act(() => {
              for (const way of ways) {
                if (way === 'click') submitButtonOf(container).click();
                else if (way === 'submit event') fireEvent.submit(form);
                else form.requestSubmit();
              }
            });
            // "Connected as alice." for the BasicAuth case: its value names the account.
            await waitFor(() => expect(formStatus()).toHaveTextContent(/^Connected( as alice)?\.$/));
            await flush();
            expect(onConnect).toHaveBeenCalledTimes(1);
            // A new submit after success is a new successful submit: one more emit.
            fireEvent.click(submitButtonOf(container));
            fireEvent.click(submitButtonOf(container));
            await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(2));
            await flush();
            expect(onConnect).toHaveBeenCalledTimes(2);
          } finally {
            unmount();
          }
        },
      ),
      { numRuns: 16 },
    );
  }, 60_000);

  // The host returns its save promise: the form stays busy until it settles, so the second
  // Enter (a separate event, after validate already answered) is ignored.
  it('Enter pressed twice in a field, while the host is still saving, emits once', async () => {
    let saved!: () => void;
    const onConnect = vi.fn((_value: unknown) => new Promise<void>((resolve) => (saved = resolve)));
    const user = userEvent.setup({ delay: null });
    render(<ConnectionForm auth={plainApiKeyAuth} onConnect={onConnect} />);
    await user.type(screen.getByLabelText('API Key'), 'sk-1{Enter}');
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    await user.keyboard('{Enter}');
    await user.click(screen.getByRole('button', { name: 'Checking connection…' }));
    await act(async () => saved());
    await waitFor(() => expect(formStatus()).toHaveTextContent('Connected.'));
    // Then a genuine submit with another key: it is the one further emission, so neither the
    // second Enter nor the click while saving emitted anything.
    await user.clear(screen.getByLabelText('API Key'));
    await user.type(screen.getByLabelText('API Key'), 'sk-2{Enter}');
    await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(2));
    expect(onConnect.mock.calls.map(([value]) => value)).toEqual([
      { type: 'SECRET_TEXT', secret_text: 'sk-1' },
      { type: 'SECRET_TEXT', secret_text: 'sk-2' },
    ]);
  });
});

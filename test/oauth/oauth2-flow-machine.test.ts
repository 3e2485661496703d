import { IDLE, canStart, eventOf, transition, type OAuth2FlowEvent, type OAuth2FlowState } from '../../src/oauth/oauth2-flow-machine';

const TIMEOUT = { reason: 'timeout' } as const;
const STATES: Record<OAuth2FlowState['name'], OAuth2FlowState> = {
  idle: IDLE,
  waiting: { name: 'waiting' },
  closed: { name: 'closed' },
  blocked: { name: 'blocked' },
  exchanging: { name: 'exchanging' },
  failed: { name: 'failed', failure: TIMEOUT },
  done: { name: 'done' },
};
const EVENTS: Record<string, OAuth2FlowEvent> = {
  start: { type: 'start' },
  'config-error': { type: 'config-error', message: 'bad redirectUrl' },
  'closed-hint': { type: 'closed-hint' },
  blocked: { type: 'blocked' },
  'code (exchange)': { type: 'code', exchange: true },
  'code (no exchange)': { type: 'code', exchange: false },
  exchanged: { type: 'exchanged' },
  failed: { type: 'failed', failure: TIMEOUT },
  cancel: { type: 'cancel' },
};

// Every state × every event: the name of the next state; '=' means the event does not apply and
// the state is returned as it is (the same object).
const TABLE: Record<OAuth2FlowState['name'], Record<keyof typeof EVENTS, OAuth2FlowState['name'] | '='>> = {
  idle: {
    start: 'waiting',
    'config-error': 'failed',
    'closed-hint': '=',
    blocked: '=',
    'code (exchange)': '=',
    'code (no exchange)': '=',
    exchanged: '=',
    failed: '=',
    cancel: '=',
  },
  waiting: {
    start: '=',
    'config-error': '=',
    'closed-hint': 'closed',
    blocked: 'blocked',
    'code (exchange)': 'exchanging',
    'code (no exchange)': 'done',
    exchanged: '=',
    failed: 'failed',
    cancel: 'idle',
  },
  closed: {
    start: 'waiting',
    'config-error': 'failed',
    'closed-hint': '=',
    blocked: '=',
    'code (exchange)': 'exchanging',
    'code (no exchange)': 'done',
    exchanged: '=',
    failed: 'failed',
    cancel: 'idle',
  },
  blocked: {
    start: 'waiting',
    'config-error': 'failed',
    'closed-hint': '=',
    blocked: '=',
    'code (exchange)': 'exchanging',
    'code (no exchange)': 'done',
    exchanged: '=',
    failed: 'failed',
    cancel: 'idle',
  },
  exchanging: {
    start: '=',
    'config-error': '=',
    'closed-hint': '=',
    blocked: '=',
    'code (exchange)': '=',
    'code (no exchange)': '=',
    exchanged: 'done',
    failed: 'failed',
    cancel: 'idle',
  },
  failed: {
    start: 'waiting',
    'config-error': 'failed',
    'closed-hint': '=',
    blocked: '=',
    'code (exchange)': '=',
    'code (no exchange)': '=',
    exchanged: '=',
    failed: '=',
    cancel: 'idle',
  },
  done: {
    start: 'waiting',
    'config-error': 'failed',
    'closed-hint': '=',
    blocked: '=',
    'code (exchange)': '=',
    'code (no exchange)': '=',
    exchanged: '=',
    failed: '=',
    cancel: 'idle',
  },
};

describe('transition', () => {
  for (const [from, row] of Object.entries(TABLE)) {
    for (const [event, to] of Object.entries(row)) {
      it(`${from} + ${event} → ${to === '=' ? `${from} (unchanged)` : to}`, () => {
        const state = STATES[from as OAuth2FlowState['name']];
        const next = transition(state, EVENTS[event]!);
        if (to === '=') expect(next).toBe(state);
        else expect(next.name).toBe(to);
      });
    }
  }

  it('keeps the failure it was given, and the config error’s message', () => {
    const failure = { reason: 'denied', description: 'no', scrub: ['s3cret'] } as const;
    expect(transition(STATES.waiting, { type: 'failed', failure })).toEqual({ name: 'failed', failure });
    expect(transition(IDLE, { type: 'config-error', message: 'oauth2.redirectUrl is not https' })).toEqual({
      name: 'failed',
      failure: { reason: 'config', message: 'oauth2.redirectUrl is not https' },
    });
  });

  it('lets a click start a flow only when nothing runs or what runs looks abandoned', () => {
    const startable = Object.values(STATES)
      .filter(canStart)
      .map((s) => s.name);
    expect(startable).toEqual(['idle', 'closed', 'blocked', 'failed', 'done']);
  });
});

describe('eventOf', () => {
  const scrub = ['typed-secret'];
  it.each([
    [
      { type: 'code', code: 'c' },
      { type: 'code', exchange: true },
    ],
    [{ type: 'blocked' }, { type: 'blocked' }],
    [{ type: 'cancelled' }, { type: 'cancel' }],
    [{ type: 'timeout' }, { type: 'failed', failure: { reason: 'timeout' } }],
    [{ type: 'denied' }, { type: 'failed', failure: { reason: 'denied', description: '', scrub } }],
    [
      { type: 'provider-error', error: 'server_error', description: 'down' },
      { type: 'failed', failure: { reason: 'provider-error', error: 'server_error', description: 'down', scrub } },
    ],
    [
      { type: 'invalid-callback', reason: 'no code' },
      { type: 'failed', failure: { reason: 'invalid-callback', detail: 'no code' } },
    ],
  ] as const)('%o becomes %o', (outcome, event) => {
    expect(eventOf(outcome, true, scrub)).toEqual(event);
  });
});

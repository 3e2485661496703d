// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { viewOf } from '../../src/connection-form/status-view';
import type { ValidationStatus } from '../../src/connection-form/validation-status';

type Row = [boolean, string, boolean, boolean, boolean];
// busy, submit label, Cancel, a click may replace the pending flow, the new-tab button; keyed by
// status, so a status added to ValidationStatus without a row here fails the type check.
const ROWS: { [S in ValidationStatus['state']]: Row } = {
  idle: [false, 'idle', false, false, false],
  'fields-invalid': [false, 'idle', false, false, false],
  invalid: [false, 'idle', false, false, false],
  error: [false, 'idle', false, false, false],
  timeout: [false, 'idle', false, false, false],
  validating: [true, 'validating', true, false, false],
  connected: [false, 'reconnect', false, false, false],
  'oauth-waiting': [true, 'idle', true, false, false],
  'oauth-exchanging': [true, 'idle', true, false, false],
  'oauth-closed': [false, 'retry', true, true, false],
  'oauth-blocked': [false, 'retry', true, true, true],
  'oauth-timeout': [false, 'retry', false, false, false],
  'oauth-denied': [false, 'retry', false, false, false],
  'oauth-error': [false, 'retry', false, false, false],
};
const TABLE = Object.entries(ROWS).map(([state, row]) => [state as ValidationStatus['state'], ...row] as const);

describe('viewOf', () => {
  it('has a row here for each of the 14 statuses', () => {
    expect(TABLE).toHaveLength(14);
  });

  it.each(TABLE)(
    '%s: busy %s, submit label %s, Cancel %s, restartable %s, new tab %s',
    (state, busy, submit, cancellable, restartable, newTab) => {
      expect(viewOf({ state, message: '' })).toEqual({ busy, submit, cancellable, restartable, newTab });
    },
  );

  it('only lets a click replace a flow that can also be cancelled, and never one that is running', () => {
    for (const [state] of TABLE) {
      const view = viewOf({ state, message: '' });
      if (view.restartable) expect([view.cancellable, view.busy]).toEqual([true, false]);
      if (view.newTab) expect(view.restartable).toBe(true);
    }
  });
});

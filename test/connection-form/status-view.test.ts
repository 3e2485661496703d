// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { STATUS_VIEWS, viewOf } from '../../src/connection-form/status-view';
import type { ValidationStatus } from '../../src/connection-form/validation-status';

// busy, submit label, Cancel, a click may replace the pending flow, the new-tab button.
const TABLE: [ValidationStatus['state'], boolean, string, boolean, boolean, boolean][] = [
  ['idle', false, 'idle', false, false, false],
  ['fields-invalid', false, 'idle', false, false, false],
  ['invalid', false, 'idle', false, false, false],
  ['error', false, 'idle', false, false, false],
  ['timeout', false, 'idle', false, false, false],
  ['validating', true, 'validating', true, false, false],
  ['connected', false, 'reconnect', false, false, false],
  ['oauth-waiting', true, 'idle', true, false, false],
  ['oauth-exchanging', true, 'idle', true, false, false],
  ['oauth-closed', false, 'retry', true, true, false],
  ['oauth-blocked', false, 'retry', true, true, true],
  ['oauth-timeout', false, 'retry', false, false, false],
  ['oauth-denied', false, 'retry', false, false, false],
  ['oauth-error', false, 'retry', false, false, false],
];

describe('STATUS_VIEWS', () => {
  it('has a row for every status, and this table covers every row', () => {
    expect(Object.keys(STATUS_VIEWS).sort()).toEqual(TABLE.map(([state]) => state).sort());
  });

  it.each(TABLE)(
    '%s: busy %s, submit label %s, Cancel %s, restartable %s, new tab %s',
    (state, busy, submit, cancellable, restartable, newTab) => {
      expect(viewOf({ state, message: '' })).toEqual({ busy, submit, cancellable, restartable, newTab });
    },
  );

  it('only lets a click replace a flow that can also be cancelled, and never one that is running', () => {
    for (const view of Object.values(STATUS_VIEWS)) {
      if (view.restartable) expect([view.cancellable, view.busy]).toEqual([true, false]);
      if (view.newTab) expect(view.restartable).toBe(true);
    }
  });
});

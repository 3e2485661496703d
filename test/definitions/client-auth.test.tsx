// toClientAuth on the auth of real published pieces (test/cli/fixture-project): plain data that
// survives structured cloning (what React Server Components and postMessage need) and JSON, and a
// form built from it that shows the same fields as the original.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ConnectionForm, PieceAuth } from '../../src';
import { toClientAuth } from '../../src/definitions-entry';
import { apiKeyAuth } from '../../stories/fixtures/auth-definitions';
import { requirePiece } from '../cli/fixture-pieces';

const { slack } = requirePiece('@activepieces/piece-slack');
const { openaiAuth } = requirePiece('@activepieces/piece-openai');

/**
 * What React Server Components can pass to a client component: primitives (undefined included),
 * arrays and plain objects of them; no function, symbol or class instance anywhere.
 */
function plainDataProblems(value: unknown, path = 'auth'): string[] {
  if (typeof value === 'function' || typeof value === 'symbol') return [`${path} is a ${typeof value}`];
  if (value === null || typeof value !== 'object') return [];
  const proto = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return [`${path} is a class instance`];
  return Object.entries(value).flatMap(([key, item]) => plainDataProblems(item, `${path}.${key}`));
}

describe('toClientAuth', () => {
  it("drops Slack's getConnectionIdentifier and validate, and nothing else", () => {
    expect(() => structuredClone(slack.auth)).toThrow();
    const client = toClientAuth(slack.auth);
    expect(() => structuredClone(client)).not.toThrow();
    expect(plainDataProblems(slack.auth)).toEqual(['auth.0.getConnectionIdentifier is a function', 'auth.1.validate is a function']);
    expect(plainDataProblems(client)).toEqual([]);
    expect(client[0]).not.toHaveProperty('getConnectionIdentifier');
    expect(client[1]).not.toHaveProperty('validate');
    expect(typeof slack.auth[1].validate).toBe('function');
    expect(JSON.parse(JSON.stringify(client))).toEqual(client);
    const { getConnectionIdentifier: _, ...oauth2 } = slack.auth[0];
    expect(client[0]).toEqual(oauth2);
  });

  it('drops the functions the old framework put in props (piece-openai 0.3.18)', () => {
    const client = toClientAuth(openaiAuth);
    expect(plainDataProblems(openaiAuth).length).toBeGreaterThan(0);
    expect(plainDataProblems(client)).toEqual([]);
    expect(client.props.apiKey.displayName).toBe(openaiAuth.props.apiKey.displayName);
  });

  it('leaves PieceAuth.None() undefined, and copies rather than changes its argument', () => {
    expect(toClientAuth(PieceAuth.None())).toBeUndefined();
    toClientAuth(apiKeyAuth);
    expect(typeof apiKeyAuth.validate).toBe('function');
  });

  it('gives a form with the fields of the original', async () => {
    const { unmount } = render(<ConnectionForm auth={slack.auth} onConnect={() => {}} />);
    const original = screen.getAllByRole('radio').map((r) => r.getAttribute('aria-label') ?? r.closest('label')?.textContent);
    unmount();
    render(<ConnectionForm auth={toClientAuth(slack.auth)} onConnect={() => {}} />);
    expect(screen.getAllByRole('radio').map((r) => r.getAttribute('aria-label') ?? r.closest('label')?.textContent)).toEqual(original);
    expect(original.length).toBe(2);
  });
});

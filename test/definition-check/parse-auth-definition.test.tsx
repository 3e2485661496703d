// parseAuthDefinition: JSON from a host's API in, a definition the form renders or every error out.
import { render, screen } from '@testing-library/react';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConnectionForm } from '../../src';
import { parseAuthDefinition } from '../../src/definitions-entry';

const FIXTURES = join(import.meta.dirname, '../../fixtures/pieces');
const corpus = readdirSync(FIXTURES).map(
  (file) => JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as { package: string; auth: unknown },
);

describe('parseAuthDefinition', () => {
  it.each(corpus.map((f) => [f.package, f.auth] as const))('accepts the JSON auth of %s, as text or parsed', (_, auth) => {
    const parsed = parseAuthDefinition(auth);
    expect(parsed).toMatchObject({ ok: true, auth });
    expect(parseAuthDefinition(JSON.stringify(auth))).toEqual(parsed);
  });

  it('gives a definition the form renders', () => {
    const result = parseAuthDefinition('{"type":"SECRET_TEXT","displayName":"API Key","required":true}');
    if (!result.ok) throw new Error('refused');
    render(<ConnectionForm auth={result.auth} onConnect={() => {}} />);
    expect(screen.getByLabelText('API Key', { selector: 'input' })).toHaveAttribute('type', 'password');
  });

  it('reads JSON null as PieceAuth.None()', () => {
    expect(parseAuthDefinition(null)).toEqual({ ok: true, auth: undefined, warnings: [] });
    expect(parseAuthDefinition('null')).toEqual({ ok: true, auth: undefined, warnings: [] });
  });

  it('lists every error with its path and fix, and keeps warnings apart', () => {
    const result = parseAuthDefinition([
      { type: 'OIDC', displayName: 'x' },
      { type: 'CUSTOM_AUTH', displayName: 'DB', required: true, props: { host: { type: 'SHORT_TEXT', required: true } } },
    ]);
    expect(result).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({ path: 'auth[0].type', message: expect.stringContaining('"OIDC"'), severity: 'error' }),
        expect.objectContaining({ path: 'auth[1].props.host.displayName', fix: "Add displayName: 'Label'.", severity: 'error' }),
      ],
    });
    const warned = parseAuthDefinition({
      type: 'CUSTOM_AUTH',
      displayName: 'DB',
      required: true,
      props: { 'db-host': { type: 'SHORT_TEXT', displayName: 'Host', required: true } },
    });
    expect(warned).toMatchObject({ ok: true, warnings: [{ path: 'auth.props["db-host"]', severity: 'warning' }] });
  });

  it('says where text is not JSON, without echoing it', () => {
    const result = parseAuthDefinition('{"type":"SECRET_TEXT", sk-live-123');
    expect(result).toEqual({
      ok: false,
      errors: [expect.objectContaining({ path: 'auth', message: expect.stringMatching(/^is not valid JSON \(at character \d+\)$/) })],
    });
    expect(JSON.stringify(result)).not.toContain('sk-live');
  });

  it('refuses what is not a definition at all', () => {
    for (const value of [42, 'not json', [], {}, [null]]) {
      const result = parseAuthDefinition(value);
      // [] is "no method" like PieceAuth.None() in the form; the rest are errors.
      if (Array.isArray(value) && value.length === 0) expect(result.ok).toBe(true);
      else expect(result.ok, JSON.stringify(value)).toBe(false);
    }
  });
});

// Every locale the kit ships is complete: each English key translated (not left in English),
// with the same kind, arity and arguments; and a form in that language shows no English of its own.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultMessages, type Messages } from '../../../src';
import { ar } from '../../../src/messages/locales/ar';
import { de } from '../../../src/messages/locales/de';
import { es } from '../../../src/messages/locales/es';
import { fr } from '../../../src/messages/locales/fr';
import { ja } from '../../../src/messages/locales/ja';
import { ptBR } from '../../../src/messages/locales/pt-BR';
import * as fixtures from '../../../stories/fixtures/auth-definitions';
import { renderForm } from '../../connection-form/render-form';
import { SAME_IN_EVERY_LANGUAGE, argsFor, englishIn, entries, kitText, sample } from './locale-check';

const LOCALES: [name: string, messages: Messages][] = [
  ['fr', fr],
  ['de', de],
  ['es', es],
  ['pt-BR', ptBR],
  ['ja', ja],
  ['ar', ar],
];

const asRecord = (m: Messages) => m as unknown as Record<string, unknown>;

describe.each(LOCALES)('the %s messages', (_name, messages) => {
  const all = entries(asRecord(defaultMessages), asRecord(messages));

  it('have every key of the English ones, and no other', () => {
    const own = entries(asRecord(messages), asRecord(defaultMessages));
    expect(own.map(([path]) => path).sort()).toEqual(all.map(([path]) => path).sort());
  });

  it.each(all)('translate %s (same kind and arity, different text, every argument shown)', (path, english, translated) => {
    expect(typeof translated).toBe(typeof english);
    if (typeof english === 'function') expect((translated as () => string).length).toBe(english.length);
    const args = argsFor(path, english);
    const [en, text] = [sample(english, args), sample(translated, args)];
    expect(text.trim()).not.toBe('');
    if (SAME_IN_EVERY_LANGUAGE.has(path)) expect(text).toBe(en);
    else {
      expect(text).not.toBe(en);
      expect(englishIn(text)).toEqual([]);
    }
    // What the caller passes in (labels, details, counts) still reaches the text.
    for (const arg of args) expect(text).toContain(String(arg));
  });

  it('say a count of fields for every count, with the number from 3 on', () => {
    for (const count of [1, 2, 3, 7, 11, 25, 100, 101]) {
      const text = messages.fixErrors(count);
      expect(text.trim()).not.toBe('');
      if (count >= 3) expect(text).toContain(String(count));
    }
    expect(messages.fixErrors(1)).not.toBe(messages.fixErrors(3));
  });

  it('drop an empty reason instead of printing an empty one', () => {
    const empty = messages.validateFailed('');
    const withReason = messages.validateFailed('HTTP 500.  ');
    expect(withReason).toContain('HTTP 500');
    expect(withReason).not.toContain('HTTP 500.  ');
    expect(withReason.length).toBeGreaterThan(empty.length + 'HTTP 500'.length);
  });

  it('leave no English on a form that failed its checks', async () => {
    const { user } = renderForm(fixtures.everyPropertyAuth, { messages });
    await user.click(screen.getByRole('button', { name: messages.submit }));
    expect(await screen.findByText(messages.required('Token').replace(/\s+/g, ' '))).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent(messages.fixErrors(2).replace(/\s+/g, ' '));
    expect(englishIn(kitText(fixtures.everyPropertyAuth))).toEqual([]);
  });

  it('leave no English on the OAuth2 own-app set-up and the method picker', () => {
    renderForm(fixtures.slackLikeAuth, { messages });
    expect(screen.getByRole('group', { name: messages.authMethod })).toBeInTheDocument();
    expect(screen.getByLabelText(messages.clientId)).toBeInTheDocument();
    expect(englishIn(kitText(fixtures.slackLikeAuth))).toEqual([]);
  });
});

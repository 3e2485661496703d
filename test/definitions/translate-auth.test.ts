import { describe, expect, it, vi } from 'vitest';
import { translateAuth, type TranslateContext } from '../../src/definitions/translate-auth';
import { apiKeyAuth, basicAuth, everyPropertyAuth, slackLikeAuth } from '../../stories/fixtures/auth-definitions';

/** Records every call and marks the text, so what was (and was not) translated shows. */
function marker() {
  const seen: (TranslateContext & { text: string })[] = [];
  const translate = vi.fn((text: string, context: TranslateContext) => {
    seen.push({ text, ...context });
    return `«${text}»`;
  });
  return { seen, translate };
}

describe('translateAuth', () => {
  it('translates the display name, description, prop labels, help, option labels and placeholder, each with its path', () => {
    const { seen, translate } = marker();
    const out = translateAuth(everyPropertyAuth, translate);
    expect(out.displayName).toBe('«Every property»');
    expect(out.description).toBe(`«${everyPropertyAuth.description}»`);
    expect(out.props.host.displayName).toBe('«Host»');
    expect(out.props.note.description).toBe('«Use a **sandbox** account while testing.»');
    expect(out.props.environment.options.placeholder).toBe('«Pick an environment»');
    expect(out.props.environment.options.options.map((o) => o.label)).toEqual(['«Production»', '«Sandbox»']);
    expect(out.props.scopes.options.options.map((o) => o.label)).toEqual(['«Read»', '«Write»', '«Admin»']);
    expect(seen).toEqual(
      expect.arrayContaining([
        { text: 'Every property', kind: 'displayName', path: 'auth' },
        { text: 'Host', kind: 'displayName', path: 'auth.props.host' },
        { text: 'Pick an environment', kind: 'placeholder', path: 'auth.props.environment' },
        { text: 'Sandbox', kind: 'option', path: 'auth.props.environment.options[1]' },
      ]),
    );
  });

  it('leaves values, types, defaults and required flags as they are, and the definition itself unchanged', () => {
    const before = JSON.stringify(everyPropertyAuth);
    const out = translateAuth(everyPropertyAuth, (text) => text.toUpperCase());
    expect(JSON.stringify(everyPropertyAuth)).toBe(before);
    expect(out.props.environment.options.options.map((o) => o.value)).toEqual(['production', 'sandbox']);
    expect(out.props.port).toMatchObject({ type: 'NUMBER', required: true, defaultValue: 5432 });
    expect(out.type).toBe('CUSTOM_AUTH');
  });

  it('keeps the validate function and BasicAuth’s two entries', () => {
    const { translate } = marker();
    const out = translateAuth(basicAuth, translate);
    expect(out.validate).toBe(basicAuth.validate);
    expect(out.username.displayName).toBe(`«${basicAuth.username.displayName}»`);
    expect(out.password.displayName).toBe(`«${basicAuth.password.displayName}»`);
  });

  it('names each method of several by its index', () => {
    const { seen, translate } = marker();
    const out = translateAuth(slackLikeAuth, translate);
    expect(out).toHaveLength(slackLikeAuth.length);
    expect(seen.filter((s) => s.kind === 'displayName' && /^auth\[\d\]$/.test(s.path)).map((s) => s.path)).toEqual(
      slackLikeAuth.map((_, i) => `auth[${i}]`),
    );
  });

  it('keeps the author’s text when translate throws or returns no string, and says where it threw', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const out = translateAuth(apiKeyAuth, (_text, { kind }) => {
      if (kind === 'description') throw new Error('catalogue not loaded');
      return undefined as unknown as string;
    });
    expect(out.displayName).toBe(apiKeyAuth.displayName);
    expect(out.description).toBe(apiKeyAuth.description);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('translate threw for auth (description)'), expect.any(Error));
    error.mockRestore();
  });

  it('passes anything that is not a definition through untouched', () => {
    const translate = vi.fn((text: string) => text);
    for (const odd of [undefined, null, 42, 'text', [undefined]]) expect(translateAuth(odd, translate)).toEqual(odd);
    expect(translate).not.toHaveBeenCalled();
  });
});

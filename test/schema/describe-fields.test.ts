import { describe, expect, it } from 'vitest';
import { PieceAuth, Property } from '../../src';
import { describeFields } from '../../src/headless-entry';
import type { AuthDefinition } from '../../src';

describe('describeFields', () => {
  describe('for a SecretText auth', () => {
    it('gives one required secret field labelled with the auth display name', () => {
      const auth = PieceAuth.SecretText({ displayName: 'API Key', description: 'Find it in settings', required: false });
      expect(describeFields(auth)).toEqual([
        expect.objectContaining({
          name: 'secret_text',
          key: 'secret_text',
          type: 'SECRET_TEXT',
          label: 'API Key',
          description: 'Find it in settings',
          required: true,
        }),
      ]);
    });
  });

  describe('for a BasicAuth', () => {
    it('gives a username text field and a password secret field, labelled from the definition', () => {
      const auth = PieceAuth.BasicAuth({
        displayName: 'Credentials',
        username: { displayName: 'Login', description: 'Your e-mail' },
        password: { displayName: 'Passphrase' },
      });
      const fields = describeFields(auth);
      expect(
        fields.map(({ name, key, type, label, description, required }) => ({ name, key, type, label, description, required })),
      ).toEqual([
        { name: 'username', key: 'username', type: 'SHORT_TEXT', label: 'Login', description: 'Your e-mail', required: true },
        { name: 'password', key: 'password', type: 'SECRET_TEXT', label: 'Passphrase', description: undefined, required: true },
      ]);
    });
  });

  describe('for a CustomAuth', () => {
    const auth = PieceAuth.CustomAuth({
      required: true,
      props: {
        intro: Property.MarkDown({ value: 'Read **this**.', variant: 'TIP' }),
        host: Property.ShortText({ displayName: 'Host', description: 'Without https://', required: true }),
        port: Property.Number({ displayName: 'Port', required: false }),
        ssl: Property.Checkbox({ displayName: 'SSL', required: false }),
        env: Property.StaticDropdown({
          displayName: 'Env',
          required: true,
          options: { options: [{ label: 'Prod', value: 'prod' }] },
        }),
      },
    });

    it('gives one field per prop, in definition order, with its type, label and required flag', () => {
      const fields = describeFields(auth);
      expect(fields.map((f) => [f.key, f.type, f.label, f.required])).toEqual([
        ['intro', 'MARKDOWN', 'Markdown', false],
        ['host', 'SHORT_TEXT', 'Host', true],
        ['port', 'NUMBER', 'Port', false],
        ['ssl', 'CHECKBOX', 'SSL', false],
        ['env', 'STATIC_DROPDOWN', 'Env', true],
      ]);
    });

    it('keeps the markdown note text as its description and the property as written', () => {
      const [intro, host] = describeFields(auth);
      expect(intro?.description).toBe('Read **this**.');
      expect(intro?.property).toBe(auth.props.intro);
      expect(host?.description).toBe('Without https://');
      expect(host?.property).toBe(auth.props.host);
    });

    it('falls back to the prop key when a prop has no display name', () => {
      const fields = describeFields({
        type: 'CUSTOM_AUTH',
        displayName: 'X',
        required: true,
        valueSchema: undefined,
        props: { apiKey: { type: 'SHORT_TEXT', displayName: '', required: true, valueSchema: undefined } },
      } as unknown as AuthDefinition);
      expect(fields[0]?.label).toBe('apiKey');
    });

    it('renames keys that react-hook-form would read as paths, and keeps the key for the value', () => {
      const fields = describeFields(
        PieceAuth.CustomAuth({
          required: true,
          props: {
            'api.key': Property.ShortText({ displayName: 'Key', required: true }),
            'items[0]': Property.ShortText({ displayName: 'Item', required: false }),
            plain: Property.ShortText({ displayName: 'Plain', required: false }),
          },
        }),
      );
      expect(fields.map((f) => f.key)).toEqual(['api.key', 'items[0]', 'plain']);
      expect(fields[2]?.name).toBe('plain');
      for (const f of fields) expect(f.name).toMatch(/^[A-Za-z_$][\w$]*$/);
    });

    it('gives every field a distinct form name, even when a key looks like a generated one', () => {
      const fields = describeFields(
        PieceAuth.CustomAuth({
          required: true,
          props: {
            'api.key': Property.ShortText({ displayName: 'Key', required: true }),
            __field0: Property.ShortText({ displayName: 'Other', required: true }),
          },
        }),
      );
      expect(new Set(fields.map((f) => f.name)).size).toBe(fields.length);
    });
  });

  describe('normalises each type once, into the parts its widget reads', () => {
    const auth = PieceAuth.CustomAuth({
      required: true,
      props: {
        env: Property.StaticDropdown({
          displayName: 'Env',
          required: true,
          options: { placeholder: 'Pick one', options: [{ label: 'Prod', value: 'prod' }, null as never, { label: 'Dev', value: 'dev' }] },
        }),
        ports: Property.StaticMultiSelectDropdown({ displayName: 'Ports', required: false, options: { disabled: true } as never }),
        tip: Property.MarkDown({ value: 'Hint', variant: 'TIP' as never }),
        plain: Property.MarkDown({ value: 'Plain' }),
        payload: { type: 'JSON', displayName: 'Payload', required: false } as never,
      },
    } as never) as AuthDefinition;
    const byKey = Object.fromEntries(describeFields(auth).map((field) => [field.key, field]));

    it('gives a dropdown its real options (skipping malformed ones), placeholder and disabled flag', () => {
      const env = byKey.env!;
      expect(env.type === 'STATIC_DROPDOWN' && [env.options, env.placeholder, env.disabled]).toEqual([
        [
          { label: 'Prod', value: 'prod' },
          { label: 'Dev', value: 'dev' },
        ],
        'Pick one',
        false,
      ]);
      const ports = byKey.ports!;
      expect(ports.type === 'STATIC_MULTI_SELECT_DROPDOWN' && [ports.options, ports.placeholder, ports.disabled]).toEqual([
        [],
        undefined,
        true,
      ]);
    });

    it('gives a note its variant, INFO when the definition names none', () => {
      const [tip, plain] = [byKey.tip!, byKey.plain!];
      expect(tip.type === 'MARKDOWN' && tip.variant).toBe('TIP');
      expect(plain.type === 'MARKDOWN' && plain.variant).toBe('INFO');
    });

    it('marks a type the kit cannot render UNSUPPORTED and keeps the type the definition named', () => {
      const payload = byKey.payload!;
      expect(payload.type).toBe('UNSUPPORTED');
      expect(payload.type === 'UNSUPPORTED' && payload.rawType).toBe('JSON');
    });
  });

  describe('for an OAuth2 auth', () => {
    it('gives its props, or nothing when it has none', () => {
      const withProps = PieceAuth.OAuth2({
        authUrl: 'https://example.com/authorize',
        tokenUrl: 'https://example.com/token',
        required: true,
        scope: [],
        props: { subdomain: Property.ShortText({ displayName: 'Subdomain', required: true }) },
      });
      expect(describeFields(withProps).map((f) => [f.key, f.type, f.required])).toEqual([['subdomain', 'SHORT_TEXT', true]]);
      expect(describeFields({ ...withProps, props: undefined })).toEqual([]);
    });
  });

  describe('for PieceAuth.None()', () => {
    it('gives no fields', () => {
      expect(describeFields(PieceAuth.None())).toEqual([]);
    });
  });
});

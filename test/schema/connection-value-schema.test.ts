// @vitest-environment node
// A host's server checks what its frontend sent: no DOM here, and the schema's own imports
// (walked below) reach neither React nor any component.
/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { PieceAuth } from '../../src/definitions/piece-auth';
import { Property } from '../../src/definitions/property';
import { createConnectionValueSchema } from '../../src/schema/connection-value-schema';
import { createFormSchema, getDefaultFormValues } from '../../src/schema/form-schema';
import { describeFields, kindOf } from '../../src/schema/auth-kinds';
import { defaultMessages } from '../../src/messages/messages';
import type { ConnectionValue } from '../../src/definitions/connection-value';

/** The text of every source file, keyed by its path relative to this file ('../../src/...'). */
const SOURCES = import.meta.glob<string>('../../src/**/*.{ts,tsx}', { query: '?raw', import: 'default', eager: true });

/** `spec` imported from `from`, both relative paths, resolved to a key of SOURCES. */
function resolveLocal(from: string, spec: string): string | undefined {
  const parts = from.split('/').slice(0, -1);
  for (const part of spec.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  const base = parts.join('/');
  return [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, base].find((p) => p in SOURCES);
}

/** Every module `entry` reaches through static and dynamic imports and re-exports. */
function importGraph(entry: string) {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = SOURCES[file] ?? '';
    const specs = source.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]/g);
    for (const match of specs) {
      const spec = match[1] ?? match[2];
      if (!spec) continue;
      if (!spec.startsWith('.')) {
        packages.add(spec);
        continue;
      }
      const found = resolveLocal(file, spec);
      if (!found) throw new Error(`cannot resolve ${spec} from ${file}`);
      visit(found);
    }
  };
  visit(entry);
  return { files: [...files], packages: [...packages] };
}

const custom = PieceAuth.CustomAuth({
  required: true,
  props: {
    note: Property.MarkDown({ value: 'Read me' }),
    host: Property.ShortText({ displayName: 'Host', required: true }),
    notes: Property.LongText({ displayName: 'Notes', required: false }),
    token: PieceAuth.SecretText({ displayName: 'Token', required: true }),
    port: Property.Number({ displayName: 'Port', required: true }),
    timeout: Property.Number({ displayName: 'Timeout', required: false }),
    ssl: Property.Checkbox({ displayName: 'SSL', required: true }),
    verbose: Property.Checkbox({ displayName: 'Verbose', required: false }),
    env: Property.StaticDropdown({
      displayName: 'Env',
      required: true,
      options: {
        options: [
          { label: 'Production', value: 'production' },
          { label: 'Sandbox', value: 'sandbox' },
        ],
      },
    }),
    plan: Property.StaticDropdown<{ tier: string } | false | 3, false>({
      displayName: 'Plan',
      required: false,
      options: {
        options: [
          { label: 'Pro', value: { tier: 'pro' } },
          { label: 'Off', value: false },
          { label: 'Three', value: 3 },
        ],
      },
    }),
    scopes: Property.StaticMultiSelectDropdown({
      displayName: 'Scopes',
      required: true,
      options: {
        options: [
          { label: 'Read', value: 'read' },
          { label: 'Write', value: 'write' },
        ],
      },
    }),
    ports: Property.StaticMultiSelectDropdown({
      displayName: 'Ports',
      required: false,
      options: {
        options: [
          { label: 'HTTP', value: 80 },
          { label: 'HTTPS', value: 443 },
        ],
      },
    }),
  },
});

const minimal = { host: 'db', token: 't', port: 5432, ssl: false, env: 'production', scopes: ['read'] };
const full = {
  ...minimal,
  notes: 'hi',
  timeout: 2.5,
  verbose: true,
  plan: { tier: 'pro' },
  ports: [443, 80],
};

describe('createConnectionValueSchema', () => {
  it('runs on a server: no DOM, and its imports reach no React and no component', () => {
    expect(typeof document).toBe('undefined');
    expect(typeof window).toBe('undefined');
    const graph = importGraph('../../src/schema/connection-value-schema.ts');
    expect(graph.files.length).toBeGreaterThan(3);
    expect(graph.files.filter((f) => f.endsWith('.tsx'))).toEqual([]);
    expect(graph.packages.filter((p) => /^(react|react-dom|react-hook-form|@radix-ui|@hookform)(\/|$)/.test(p))).toEqual([]);
    // The walk does see React where it is: the form component reaches it.
    expect(importGraph('../../src/connection-form/connection-form.tsx').packages).toContain('react');
    expect(createConnectionValueSchema(custom).safeParse({ type: 'CUSTOM_AUTH', props: minimal }).success).toBe(true);
  });

  describe('for a CustomAuth', () => {
    const schema = createConnectionValueSchema(custom);
    const check = (props: Record<string, unknown>) => schema.safeParse({ type: 'CUSTOM_AUTH', props }).success;

    it('accepts a value with only the required props, and one with every prop', () => {
      expect(check(minimal)).toBe(true);
      expect(check(full)).toBe(true);
      expect(check({ ...full, plan: false })).toBe(true);
      expect(check({ ...full, plan: 3 })).toBe(true);
    });

    it('rejects a missing required prop, naming it', () => {
      for (const key of Object.keys(minimal)) {
        const { [key]: _, ...rest } = minimal as Record<string, unknown>;
        const result = schema.safeParse({ type: 'CUSTOM_AUTH', props: rest });
        expect(result.success, key).toBe(false);
        expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([`props.${key}`]);
      }
    });

    it('rejects values of the wrong type', () => {
      expect(check({ ...minimal, host: 42 })).toBe(false);
      expect(check({ ...minimal, token: null })).toBe(false);
      expect(check({ ...minimal, port: '5432' })).toBe(false);
      expect(check({ ...minimal, port: Number.NaN })).toBe(false);
      expect(check({ ...minimal, port: Number.POSITIVE_INFINITY })).toBe(false);
      expect(check({ ...minimal, timeout: 'soon' })).toBe(false);
      expect(check({ ...minimal, ssl: 'true' })).toBe(false);
      expect(check({ ...minimal, verbose: 1 })).toBe(false);
      expect(check({ ...minimal, scopes: 'read' })).toBe(false);
      expect(check({ ...minimal, notes: 7 })).toBe(false);
    });

    it('rejects blank required text', () => {
      expect(check({ ...minimal, host: '' })).toBe(false);
      expect(check({ ...minimal, token: '   ' })).toBe(false);
    });

    it('rejects dropdown values that are not among the options', () => {
      expect(check({ ...minimal, env: 'staging' })).toBe(false);
      expect(check({ ...minimal, env: 'Production' })).toBe(false);
      expect(check({ ...minimal, plan: { tier: 'enterprise' } })).toBe(false);
      expect(check({ ...minimal, plan: '3' })).toBe(false);
      expect(check({ ...minimal, plan: true })).toBe(false);
      expect(check({ ...minimal, scopes: ['read', 'delete'] })).toBe(false);
      expect(check({ ...minimal, ports: ['80'] })).toBe(false);
    });

    it('accepts an object option value whatever the order of its keys (JSON objects are unordered)', () => {
      const schema = createConnectionValueSchema(
        PieceAuth.CustomAuth({
          required: true,
          props: {
            plan: Property.StaticDropdown({
              displayName: 'Plan',
              required: true,
              options: { options: [{ label: 'Pro', value: { tier: 'pro', seats: 5 } }] },
            }),
          },
        }),
      );
      expect(schema.safeParse({ type: 'CUSTOM_AUTH', props: { plan: { tier: 'pro', seats: 5 } } }).success).toBe(true);
      expect(schema.safeParse({ type: 'CUSTOM_AUTH', props: { plan: { seats: 5, tier: 'pro' } } }).success).toBe(true);
    });

    it('rejects an empty required multi-select, and accepts an empty optional one', () => {
      expect(check({ ...minimal, scopes: [] })).toBe(false);
      expect(check({ ...minimal, ports: [] })).toBe(true);
    });

    it('rejects another type tag, or a value without props', () => {
      expect(schema.safeParse({ type: 'SECRET_TEXT', props: minimal }).success).toBe(false);
      expect(schema.safeParse({ type: 'CUSTOM_AUTH' }).success).toBe(false);
      expect(schema.safeParse(null).success).toBe(false);
    });

    it("reports problems with the form's messages", () => {
      const result = schema.safeParse({ type: 'CUSTOM_AUTH', props: { ...minimal, env: 'staging', host: ' ' } });
      expect(result.error?.issues.map((i) => i.message).sort()).toEqual(['Choose a value for Env.', 'Host is required.']);
    });
  });

  describe('for the other auth types', () => {
    it('checks a SecretText value', () => {
      const schema = createConnectionValueSchema(PieceAuth.SecretText({ displayName: 'API Key', required: true }));
      expect(schema.safeParse({ type: 'SECRET_TEXT', secret_text: 'sk-1' }).success).toBe(true);
      expect(schema.safeParse({ type: 'SECRET_TEXT', secret_text: '' }).success).toBe(false);
      expect(schema.safeParse({ type: 'SECRET_TEXT', secret_text: ' ' }).success).toBe(false);
      expect(schema.safeParse({ type: 'SECRET_TEXT', secret_text: 1 }).success).toBe(false);
      expect(schema.safeParse({ type: 'SECRET_TEXT' }).success).toBe(false);
      expect(schema.safeParse({ type: 'BASIC_AUTH', secret_text: 'sk-1' }).success).toBe(false);
    });

    it('checks a BasicAuth value', () => {
      const schema = createConnectionValueSchema(
        PieceAuth.BasicAuth({ username: { displayName: 'User' }, password: { displayName: 'Password' } }),
      );
      expect(schema.safeParse({ type: 'BASIC_AUTH', username: 'ann', password: 'pw' }).success).toBe(true);
      expect(schema.safeParse({ type: 'BASIC_AUTH', username: '', password: 'pw' }).success).toBe(false);
      expect(schema.safeParse({ type: 'BASIC_AUTH', username: 'ann' }).success).toBe(false);
      expect(schema.safeParse({ type: 'BASIC_AUTH', username: 'ann', password: 5 }).success).toBe(false);
    });

    it('checks NO_AUTH for PieceAuth.None() and for an empty array', () => {
      for (const schema of [createConnectionValueSchema(PieceAuth.None()), createConnectionValueSchema([])]) {
        expect(schema.safeParse({ type: 'NO_AUTH' }).success).toBe(true);
        expect(schema.safeParse({ type: 'SECRET_TEXT', secret_text: 'x' }).success).toBe(false);
        expect(schema.safeParse({}).success).toBe(false);
      }
    });

    describe('for an OAuth2 auth', () => {
      const oauth = PieceAuth.OAuth2({
        authUrl: 'https://example.com/authorize',
        tokenUrl: 'https://example.com/token',
        required: true,
        scope: ['read'],
        props: { subdomain: Property.ShortText({ displayName: 'Subdomain', required: true }) },
      });
      const schema = createConnectionValueSchema(oauth);
      const own: ConnectionValue<typeof oauth> = {
        type: 'OAUTH2',
        client_id: 'cid',
        client_secret: 'csecret',
        redirect_url: 'https://app.example.com/redirect',
        code: 'code-1',
        code_challenge: 'verifier',
        scope: 'read',
        props: { subdomain: 'acme' },
        grant_type: 'authorization_code',
      };

      it("accepts the user's own app value and checks its props", () => {
        expect(schema.safeParse(own).success).toBe(true);
        expect(schema.safeParse({ ...own, client_id: '' }).success).toBe(false);
        expect(schema.safeParse({ ...own, props: { subdomain: ' ' } }).success).toBe(false);
        expect(schema.safeParse({ ...own, grant_type: 'implicit' }).success).toBe(false);
      });

      it("accepts the host app's PLATFORM_OAUTH2 value, which ConnectionValue also allows", () => {
        const platform: ConnectionValue<typeof oauth> = {
          type: 'PLATFORM_OAUTH2',
          client_id: 'cid',
          redirect_url: 'https://app.example.com/redirect',
          code: 'code-1',
          scope: 'read',
          props: { subdomain: 'acme' },
        };
        expect(schema.safeParse(platform).success).toBe(true);
      });
    });

    it('accepts any one of an array of auths and nothing else', () => {
      const schema = createConnectionValueSchema([
        PieceAuth.SecretText({ displayName: 'Token', required: true }),
        PieceAuth.BasicAuth({ username: { displayName: 'User' }, password: { displayName: 'Password' } }),
        PieceAuth.CustomAuth({ required: true, props: { key: Property.ShortText({ displayName: 'Key', required: true }) } }),
      ]);
      expect(schema.safeParse({ type: 'SECRET_TEXT', secret_text: 'x' }).success).toBe(true);
      expect(schema.safeParse({ type: 'BASIC_AUTH', username: 'a', password: 'b' }).success).toBe(true);
      expect(schema.safeParse({ type: 'CUSTOM_AUTH', props: { key: 'k' } }).success).toBe(true);
      expect(schema.safeParse({ type: 'CUSTOM_AUTH', props: {} }).success).toBe(false);
      expect(schema.safeParse({ type: 'NO_AUTH' }).success).toBe(false);
      expect(schema.safeParse({ type: 'OAUTH2', code: 'c' }).success).toBe(false);
    });
  });

  describe('against what the form emits', () => {
    const fields = describeFields(custom);
    const formSchema = createFormSchema(fields, defaultMessages);
    const valueSchema = createConnectionValueSchema(custom);
    const emit = (raw: Record<string, unknown>) =>
      kindOf(custom).value(fields, formSchema.parse({ ...getDefaultFormValues(fields), ...raw }) as Record<string, unknown>);
    const filled = { host: 'db', token: 't', port: '5432', env: '0', scopes: ['0'] };

    it('accepts a value the form emitted from filled-in controls', () => {
      expect(valueSchema.safeParse(emit(filled)).success).toBe(true);
      expect(valueSchema.safeParse(emit({ ...filled, notes: 'n', timeout: '3', verbose: true, plan: '2', ports: ['1'] })).success).toBe(
        true,
      );
    });

    it('accepts a value the form emitted when an optional text holds only spaces', () => {
      const value = emit({ ...filled, notes: '   ' });
      expect(valueSchema.safeParse(value).success).toBe(true);
    });
  });
});

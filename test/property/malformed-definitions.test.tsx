// Property: a malformed definition always produces the error panel, naming the problem, and
// never crashes the host; arbitrary junk in any place of a definition never crashes it either.
import { cleanup, render, screen } from '@testing-library/react';
import fc from 'fast-check';
import { ConnectionForm, type AuthInput } from '../../src';
import { checkAuthDefinition } from '../../src/definitions-entry';
import { validAuthArb, type Def, type Prop } from './arbitraries';
import { Boundary } from '../crash-boundary';

const HOST = { clientId: 'cid', redirectUrl: 'https://app.example.com/cb' };
const RENDER_RUNS = 40;
const SLOW = 60_000;

/** Renders the form for `auth`; throws if it crashed or rendered nothing. */
function renderSafely(auth: unknown) {
  const { container } = render(
    <Boundary>
      <ConnectionForm auth={auth as AuthInput} oauth2={HOST} onConnect={() => {}} />
    </Boundary>,
  );
  const crashed = screen.queryByText(/^crashed:/);
  if (crashed) throw new Error(crashed.textContent!);
  expect(container.firstElementChild).toHaveClass('ck-root');
  return container;
}

const AUTH_TYPES = ['SECRET_TEXT', 'BASIC_AUTH', 'CUSTOM_AUTH', 'OAUTH2'];
const PROP_TYPES = [
  ...AUTH_TYPES,
  'SHORT_TEXT',
  'LONG_TEXT',
  'MARKDOWN',
  'NUMBER',
  'CHECKBOX',
  'STATIC_DROPDOWN',
  'STATIC_MULTI_SELECT_DROPDOWN',
  'DROPDOWN',
  'MULTI_SELECT_DROPDOWN',
  'DYNAMIC',
  'ARRAY',
  'OBJECT',
  'JSON',
  'DATE_TIME',
  'FILE',
  'CUSTOM',
  'COLOR',
];
const notAnObject = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.anything({ maxDepth: 1 })));
const notAString = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string()), fc.object({ maxDepth: 1 }));
const unknownType = fc.oneof(
  fc.string().filter((t) => !PROP_TYPES.includes(t)),
  notAString,
);
const badUrl = fc.oneof(
  fc.domain().map((d) => `http://${d}/authorize`),
  fc.constantFrom('/oauth/authorize', 'javascript:alert(1)', 'data:text/html,x', 'ftp://example.com/a', ''),
  notAString,
);

type Corruption = fc.Arbitrary<unknown>;
const propsOf = (auth: Def) => (auth.props ?? {}) as Record<string, Prop>;
const keysWhere = (auth: Def, ok: (p: Prop) => boolean) => Object.keys(propsOf(auth)).filter((k) => ok(propsOf(auth)[k]!));

/** Replaces one prop (by key) in a copy of the definition. */
const withProp = (auth: Def, key: string, prop: unknown): Def => ({ ...auth, props: { ...propsOf(auth), [key]: prop } });

/** Every way to break `auth` that the form cannot work around, given what `auth` has. */
function corruptionsOf(auth: Def): Corruption[] {
  const list: Corruption[] = [
    // An empty array, or one of undefined only, is PieceAuth.None(): not malformed.
    notAnObject.filter((v) => !Array.isArray(v) || v.some((m) => m !== undefined)),
    unknownType.map((type) => ({ ...auth, type })),
    fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.anything({ maxDepth: 1 }))).map((props) => ({ ...auth, props })),
    fc.constant([auth, structuredClone(auth)]),
    notAString.map((displayName) => ({ ...auth, displayName })),
  ];
  if (auth.type === 'SECRET_TEXT') list.push(fc.constantFrom(undefined, '', '  ').map((displayName) => ({ ...auth, displayName })));
  if (auth.type === 'BASIC_AUTH') {
    list.push(
      fc
        .tuple(fc.constantFrom('username', 'password'), fc.constantFrom(undefined, {}, { displayName: '' }, 'User'))
        .map(([k, v]) => ({ ...auth, [k]: v })),
    );
  }
  if (auth.type === 'OAUTH2') {
    list.push(
      fc.tuple(fc.constantFrom('authUrl', 'tokenUrl'), badUrl).map(([k, url]) => ({ ...auth, [k]: url })),
      fc.oneof(fc.string(), fc.integer(), fc.array(fc.integer(), { minLength: 1 })).map((scope) => ({ ...auth, scope })),
      fc.stringMatching(/^[a-z]{12}$/).map((name) => ({ ...auth, authUrl: `https://{${name}}.example.com/authorize` })),
      fc
        .string()
        .filter((g) => !['authorization_code', 'client_credentials', 'both_client_credentials_and_authorization_code'].includes(g))
        .map((grantType) => ({ ...auth, grantType })),
    );
  }
  const keys = Object.keys(propsOf(auth));
  if (keys.length) {
    const key = fc.constantFrom(...keys);
    list.push(
      fc.tuple(key, notAnObject).map(([k, prop]) => withProp(auth, k, prop)),
      fc.tuple(key, unknownType).map(([k, type]) => withProp(auth, k, { ...propsOf(auth)[k], type })),
      fc.constantFrom('__proto__', 'constructor').map((k) => ({
        ...auth,
        props: Object.fromEntries([...Object.entries(propsOf(auth)), [k, { type: 'SHORT_TEXT', displayName: 'R', required: true }]]),
      })),
    );
    const labelled = keysWhere(auth, (p) => p.type !== 'MARKDOWN');
    if (labelled.length) {
      list.push(
        fc
          .tuple(fc.constantFrom(...labelled), fc.constantFrom(undefined, '', ' \n ', 42, null))
          .map(([k, displayName]) => withProp(auth, k, { ...propsOf(auth)[k], displayName })),
      );
    }
    const dropdowns = keysWhere(auth, (p) => p.type.includes('DROPDOWN'));
    if (dropdowns.length) {
      const options = fc.oneof(
        fc.constantFrom(undefined, {}, { options: 'eu' }, { options: null }),
        notAnObject.filter((v) => v !== null && !Array.isArray(v)),
      );
      list.push(
        fc.tuple(fc.constantFrom(...dropdowns), options).map(([k, o]) => withProp(auth, k, { ...propsOf(auth)[k], options: o })),
        fc
          .tuple(fc.constantFrom(...dropdowns), fc.oneof(fc.constant(null), fc.string(), fc.record({ value: fc.string() })))
          .map(([k, bad]) => withProp(auth, k, { ...propsOf(auth)[k], options: { options: [bad] } })),
      );
    }
  }
  return list;
}

const malformedArb = validAuthArb.chain((auth) => fc.oneof(...corruptionsOf(auth)));

describe('an arbitrary malformed definition', () => {
  it(
    'has at least one error, each with a path and a fix',
    () => {
      fc.assert(
        fc.property(malformedArb, (auth) => {
          const errors = checkAuthDefinition(auth).filter((p) => p.severity === 'error');
          expect(errors.length).toBeGreaterThan(0);
          for (const p of errors) {
            expect(p.path).toMatch(/^auth/);
            expect(p.fix).toMatch(/\S/);
          }
        }),
        { numRuns: 300 },
      );
    },
    SLOW,
  );

  it(
    'renders the error panel listing its problems, never a form or a crash',
    () => {
      fc.assert(
        fc.property(malformedArb, (auth) => {
          try {
            renderSafely(auth);
            const alert = screen.getByRole('alert');
            const errors = checkAuthDefinition(auth).filter((p) => p.severity === 'error');
            expect(alert.querySelectorAll('li')).toHaveLength(errors.length);
            expect(alert).toHaveTextContent(errors[0]!.path);
            expect(screen.queryByRole('button', { name: 'Connect' })).not.toBeInTheDocument();
          } finally {
            cleanup();
          }
        }),
        { numRuns: RENDER_RUNS },
      );
    },
    SLOW,
  );
});

/** Every path to a value inside `root`, the root itself included. */
function pathsOf(root: unknown, prefix: string[] = []): string[][] {
  if (root === null || typeof root !== 'object') return [prefix];
  return [prefix, ...Object.keys(root).flatMap((k) => pathsOf((root as Record<string, unknown>)[k], [...prefix, k]))];
}

/** A copy of `root` with the value at `path` replaced by `value`. */
function setAt(root: unknown, path: string[], value: unknown): unknown {
  if (!path.length) return value;
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string, unknown>;
  copy[path[0]!] = setAt(copy[path[0]!], path.slice(1), value);
  return copy;
}

describe('junk anywhere in a definition', () => {
  const junkArb = fc.oneof(
    fc.anything(),
    // One value anywhere in a valid definition (every path equally likely) replaced by junk.
    validAuthArb.chain((auth) =>
      fc
        .tuple(fc.constantFrom(...pathsOf(auth)), fc.oneof(fc.anything({ maxDepth: 2 }), fc.object({ maxDepth: 1 })))
        .map(([path, junk]) => setAt(auth, path, junk)),
    ),
  );

  it(
    'never crashes the form: it renders the panel when the check finds an error, else the form',
    () => {
      vi.spyOn(console, 'warn').mockImplementation(() => {});
      fc.assert(
        fc.property(junkArb, (auth) => {
          try {
            renderSafely(auth);
            const hasErrors = checkAuthDefinition(auth).some((p) => p.severity === 'error');
            if (hasErrors) expect(screen.getByRole('alert')).toBeInTheDocument();
            else expect(screen.queryByRole('alert')).not.toBeInTheDocument();
          } finally {
            cleanup();
          }
        }),
        { numRuns: Number(process.env.JUNK_RUNS ?? 60) },
      );
    },
    SLOW,
  );
});

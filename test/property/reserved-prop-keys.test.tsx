// Found by valid-definitions.test.tsx: prop keys that JavaScript objects reserve or inherit.
// In development checkAuthDefinition stops the reserved ones with the error panel; the tests
// marked "Bug" expose what src/schema does without that check, and fail until it is fixed.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConnectionForm, type AuthInput } from '../../src';
import { createConnectionValueSchema } from '../../src/definitions-entry';
import { checkAuthDefinition } from '../../src/definitions-entry';
import { Boundary } from '../crash-boundary';

const RESERVED = ['constructor', '__proto__', 'prototype'];
const INHERITED = ['toString', 'valueOf', 'hasOwnProperty'];

const authWith = (key: string, required = true) =>
  ({
    type: 'CUSTOM_AUTH',
    displayName: 'Service',
    required: true,
    // fromEntries defines an own property, as JSON.parse does: `{ __proto__: x }` would not.
    props: Object.fromEntries([[key, { type: 'SHORT_TEXT', displayName: 'Field', required }]]),
  }) as unknown as AuthInput;

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('prop keys that JavaScript objects reserve (constructor, __proto__, prototype)', () => {
  it.each(RESERVED)('%s is an error for checkAuthDefinition, so development shows the panel', (key) => {
    expect(checkAuthDefinition(authWith(key))).toEqual([expect.objectContaining({ path: `auth.props.${key}`, severity: 'error' })]);
    render(<ConnectionForm auth={authWith(key)} onConnect={() => {}} />);
    expect(screen.getByRole('alert')).toHaveTextContent(`auth.props.${key} has a key that JavaScript objects reserve`);
  });

  // Bug (src/schema/field-model.ts, fieldNames): an identifier key is used as the
  // react-hook-form field name as it is, but react-hook-form never registers `constructor`,
  // `__proto__` or `prototype` (its set() skips them against prototype pollution), so the
  // input's ref reads `_fields[name]._f` of undefined and the whole form crashes on mount
  // ("Cannot read properties of undefined (reading '_f')"). Fix: give these keys stand-in
  // names like other non-plain keys; and emit the value with defineProperty (next test).
  it('Bug: in production, where no check stops them, the form renders and emits each as an own prop', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const user = userEvent.setup({ delay: null });
    for (const key of RESERVED) {
      const onConnect = vi.fn();
      const { unmount } = render(
        <Boundary>
          <ConnectionForm auth={authWith(key)} onConnect={onConnect} />
        </Boundary>,
      );
      expect([key, screen.queryByText(/^crashed:/)?.textContent]).toEqual([key, undefined]);
      await user.type(screen.getByRole('textbox', { name: 'Field' }), 'v');
      await user.click(screen.getByRole('button', { name: 'Connect' }));
      await waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
      // toPropsValue's `props[field.key] = value` would set the prototype for `__proto__`.
      expect([key, Object.getOwnPropertyDescriptor(onConnect.mock.calls[0]![0].props, key)?.value]).toEqual([key, 'v']);
      unmount();
    }
  });

  // Bug (src/schema/connection-value-schema.ts, schemaFor): `shape[f.key] = ...` with key
  // `__proto__` sets the shape's prototype, so the required prop is not in the schema at all
  // and a value without it passes. Fix: build the shape with Object.fromEntries or defineProperty.
  it('Bug: createConnectionValueSchema requires a required prop keyed __proto__', () => {
    const schema = createConnectionValueSchema(authWith('__proto__'));
    expect(schema.safeParse({ type: 'CUSTOM_AUTH', props: {} }).success).toBe(false);
    expect(schema.safeParse({ type: 'CUSTOM_AUTH', props: JSON.parse('{"__proto__":"v"}') }).success).toBe(true);
  });
});

describe('optional prop keys naming Object.prototype members (toString, valueOf, hasOwnProperty)', () => {
  it.each(INHERITED)('%s is fine for checkAuthDefinition and the form', (key) => {
    expect(checkAuthDefinition(authWith(key, false))).toEqual([]);
    render(<ConnectionForm auth={authWith(key, false)} onConnect={() => {}} />);
    expect(screen.getByRole('textbox', { name: 'Field' })).toBeInTheDocument();
  });

  // Bug (src/schema/connection-value-schema.ts): zod reads `props[key]`, which for a left-out
  // `toString` is the inherited Object.prototype.toString, a function, so a value that leaves the
  // optional prop out (as the form emits it) is refused. A server checking a JSON-parsed body
  // hits it. Fix: parse a null-prototype copy of props (or check own keys before zod sees them).
  it('Bug: createConnectionValueSchema accepts a value that leaves each out', () => {
    for (const key of INHERITED) {
      const schema = createConnectionValueSchema(authWith(key, false));
      expect([key, schema.safeParse(JSON.parse('{"type":"CUSTOM_AUTH","props":{}}')).success]).toEqual([key, true]);
      expect([key, schema.safeParse({ type: 'CUSTOM_AUTH', props: { [key]: 'v' } }).success]).toEqual([key, true]);
    }
  });
});

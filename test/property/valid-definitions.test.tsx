// Property: any valid definition, whatever its labels, options and defaults, renders a labelled
// control for every prop, and its value schema accepts exactly the values its types allow.
import { cleanup, render, screen, within } from '@testing-library/react';
import fc from 'fast-check';
import { ConnectionForm, type AuthInput } from '../../src';
import { createConnectionValueSchema } from '../../src/definitions-entry';
import { checkAuthDefinition } from '../../src/definitions-entry';
import { controlFor, visibleForm } from '../conformance/form-expectations';
import { candidateArb, fieldsOf, isValidPropValue, normalize, validAuthArb, type Def } from './arbitraries';

const HOST = { clientId: 'cid', redirectUrl: 'https://app.example.com/cb' };
// Rendering in jsdom costs tens of milliseconds a run: enough runs to find shapes, not minutes.
const RENDER_RUNS = 25;
// Generous limits: other suites may share the two cores.
const SLOW = 60_000;

describe('an arbitrary valid definition', () => {
  it(
    'has no problem that would stop the form',
    () => {
      fc.assert(
        fc.property(validAuthArb, (auth) => {
          expect(checkAuthDefinition(auth).filter((p) => p.severity === 'error')).toEqual([]);
        }),
        { numRuns: 150 },
      );
    },
    SLOW,
  );

  it(
    'renders a form with a control of the right role, named by its label, for every prop',
    () => {
      fc.assert(
        fc.property(validAuthArb, (auth) => {
          try {
            const { container } = render(<ConnectionForm auth={auth as unknown as AuthInput} oauth2={HOST} onConnect={() => {}} />);
            expect(screen.queryByRole('alert')).not.toBeInTheDocument();
            const form = visibleForm(container);
            const fields = fieldsOf(auth);
            for (const [key, prop] of fields) {
              if (prop.type === 'MARKDOWN') continue;
              // The label is the author's text, compared as a user hears it (whitespace collapsed).
              const control = controlFor(form, key, { ...prop, displayName: normalize(prop.displayName) });
              expect(control.id).not.toBe('');
            }
            expect(within(form).queryAllByRole('note')).toHaveLength(fields.filter(([, p]) => p.type === 'MARKDOWN').length);
            expect(within(form).getByRole('button', { name: 'Connect' })).toBeInTheDocument();
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

/** A connection value in the definition's wire shape around the given props values. */
function wrap(auth: Def, values: Record<string, unknown>): Record<string, unknown> {
  const props = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  switch (auth.type) {
    case 'SECRET_TEXT':
      return { type: 'SECRET_TEXT', ...props };
    case 'BASIC_AUTH':
      return { type: 'BASIC_AUTH', ...props };
    case 'OAUTH2':
      return { type: 'PLATFORM_OAUTH2', client_id: 'cid', redirect_url: HOST.redirectUrl, code: 'c', scope: '', props };
    default:
      return { type: 'CUSTOM_AUTH', props };
  }
}

const withCandidates = validAuthArb
  .filter((auth) => auth.type !== 'BASIC_AUTH')
  .chain((auth) =>
    fc
      .tuple(...fieldsOf(auth).map(([key, prop]) => candidateArb(prop).map((v) => [key, v] as const)))
      .map((entries) => ({ auth, values: Object.fromEntries(entries) as Record<string, unknown> })),
  );

describe('createConnectionValueSchema of an arbitrary valid definition', () => {
  it(
    'accepts a value exactly when every prop holds what its type allows',
    () => {
      fc.assert(
        fc.property(withCandidates, ({ auth, values }) => {
          const expected = fieldsOf(auth).every(([key, prop]) => isValidPropValue(prop, values[key]));
          const result = createConnectionValueSchema(auth as unknown as AuthInput).safeParse(wrap(auth, values));
          expect({ accepted: result.success, values }).toEqual({ accepted: expected, values });
        }),
        { numRuns: 200 },
      );
    },
    SLOW,
  );

  it(
    'accepts every value made only of allowed values (the valid side is reached, not only refusals)',
    () => {
      let accepted = 0;
      fc.assert(
        fc.property(withCandidates, ({ auth, values }) => {
          if (!fieldsOf(auth).every(([key, prop]) => isValidPropValue(prop, values[key]))) return;
          expect(createConnectionValueSchema(auth as unknown as AuthInput).safeParse(wrap(auth, values)).success).toBe(true);
          accepted += 1;
        }),
        { numRuns: 200 },
      );
      expect(accepted).toBeGreaterThan(20);
    },
    SLOW,
  );

  it(
    'refuses a value with the wrong type tag',
    () => {
      fc.assert(
        fc.property(validAuthArb, (auth) => {
          const value = wrap(auth, {});
          expect(createConnectionValueSchema(auth as unknown as AuthInput).safeParse({ ...value, type: 'NO_AUTH' }).success).toBe(false);
        }),
        { numRuns: 100 },
      );
    },
    SLOW,
  );
});

import { describe, expectTypeOf, it } from 'vitest';
import { PieceAuth, Property } from '../../src';

describe('the builders', () => {
  it('keep a literal required flag in the definition type', () => {
    expectTypeOf(Property.ShortText({ displayName: 'A', required: true }).required).toEqualTypeOf<true>();
    expectTypeOf(Property.Number({ displayName: 'A', required: false }).required).toEqualTypeOf<false>();
    expectTypeOf(PieceAuth.SecretText({ displayName: 'A', required: true }).required).toEqualTypeOf<true>();
    expectTypeOf(PieceAuth.BasicAuth({ username: { displayName: 'U' }, password: { displayName: 'P' } }).required).toEqualTypeOf<true>();
  });

  it('accept a dropdown defaultValue that is one of the option values', () => {
    const env = Property.StaticDropdown({
      displayName: 'Env',
      required: true,
      defaultValue: 'sandbox',
      options: {
        options: [
          { label: 'Production', value: 'production' },
          { label: 'Sandbox', value: 'sandbox' },
        ],
      },
    });
    expectTypeOf(env.valueSchema).toEqualTypeOf<'production' | 'sandbox'>();
  });

  it('reject a dropdown defaultValue of the wrong type', () => {
    Property.StaticDropdown({
      displayName: 'Retries',
      required: true,
      // @ts-expect-error the options are numbers, the default is a string.
      defaultValue: 'three',
      options: {
        options: [
          { label: 'None', value: 0 },
          { label: 'Three', value: 3 },
        ],
      },
    });
    Property.StaticDropdown({
      displayName: 'Env',
      required: true,
      // @ts-expect-error 'staging' is not among the options.
      defaultValue: 'staging',
      options: {
        options: [
          { label: 'Production', value: 'production' },
          { label: 'Sandbox', value: 'sandbox' },
        ],
      },
    });
    Property.StaticMultiSelectDropdown({
      displayName: 'Scopes',
      required: false,
      // @ts-expect-error a multi-select default is an array of option values.
      defaultValue: 'read',
      options: { options: [{ label: 'Read', value: 'read' }] },
    });
    expectTypeOf(Property.StaticDropdown).parameter(0).toHaveProperty('defaultValue');
  });

  it('reject defaults of the wrong type for number and checkbox', () => {
    // @ts-expect-error a number's default is a number.
    Property.Number({ displayName: 'Port', required: true, defaultValue: '5432' });
    // @ts-expect-error a checkbox's default is a boolean.
    Property.Checkbox({ displayName: 'SSL', required: false, defaultValue: 'yes' });
    expectTypeOf(Property.Number({ displayName: 'Port', required: true, defaultValue: 5432 }).defaultValue).toEqualTypeOf<
      number | undefined
    >();
  });
});

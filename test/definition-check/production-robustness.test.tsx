// In production <ConnectionForm> runs only the shape checks, so the renderers themselves must
// survive a broken definition: "never a blank page or a crash of the host" (issue 5). In
// development checkAuthDefinition turns each of these into the error panel (asserted first);
// the tests marked "Bug" show what happens without it, and fail until src is fixed.
import { render, screen } from '@testing-library/react';
import { ConnectionForm, type AuthInput } from '../../src';
import { checkAuthDefinition } from '../../src/definitions-entry';
import { Boundary } from '../crash-boundary';

/** What rendering `auth` shows in production: the panel, the form, or the crash message. */
function renderInProduction(auth: unknown): string {
  vi.stubEnv('NODE_ENV', 'production');
  const { unmount } = render(
    <Boundary>
      <ConnectionForm auth={auth as AuthInput} onConnect={() => {}} />
    </Boundary>,
  );
  const crashed = screen.queryByText(/^crashed:/)?.textContent;
  const shown = crashed ?? (screen.queryByRole('alert') ? 'panel' : screen.queryByRole('button', { name: 'Connect' }) ? 'form' : 'nothing');
  unmount();
  vi.unstubAllEnvs();
  return shown;
}

const dropdownAuth = (options: unknown) => ({
  type: 'CUSTOM_AUTH',
  displayName: 'Shop',
  required: true,
  props: { region: { type: 'STATIC_DROPDOWN', displayName: 'Region', required: false, options } },
});

// [bug, where it is, definitions that show it]
const bugs: [string, string, unknown[]][] = [
  [
    'a display name that is an object is rendered as a React child ("Objects are not valid as a React child")',
    'src/schema/field-model.ts describeFields: the SecretText label is auth.displayName and the BasicAuth labels are auth.username/password.displayName, unchecked (props check typeof string); src/connection-form/method-picker.tsx methodLabels likewise',
    [
      { type: 'SECRET_TEXT', displayName: { en: 'API key' }, required: true },
      {
        type: 'BASIC_AUTH',
        displayName: 'B',
        required: true,
        username: { displayName: { en: 'User' } },
        password: { displayName: 'Password' },
      },
    ],
  ],
  [
    "a null or missing entry in a dropdown's options crashes the widget (\"reading 'label'\") and the schema (\"reading 'value'\")",
    'src/schema/field-model.ts (dropdown options, normalised once) keeps non-object entries',
    [dropdownAuth({ options: [null, { label: 'EU', value: 'eu' }] }), dropdownAuth({ options: [undefined] })],
  ],
  [
    'a dropdown placeholder that is an object is rendered as a React child',
    'src/fields/static-dropdown-field.tsx passes options.placeholder to <Select.Value placeholder> unchecked',
    [dropdownAuth({ placeholder: { text: 'Choose' }, options: [{ label: 'EU', value: 'eu' }] })],
  ],
];

describe.each(bugs)('%s', (_, where, definitions) => {
  it('is an error for checkAuthDefinition, so development shows the panel', () => {
    for (const auth of definitions) {
      expect(checkAuthDefinition(auth).some((p) => p.severity === 'error')).toBe(true);
      const { unmount } = render(<ConnectionForm auth={auth as AuthInput} onConnect={() => {}} />);
      expect(screen.getByRole('alert')).toBeInTheDocument();
      unmount();
    }
  });

  it('Bug: in production it shows the panel or the form, never crashes the host', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const auth of definitions)
      expect(renderInProduction(auth), `${where}; definition: ${JSON.stringify(auth)}`).toMatch(/^(panel|form)$/);
  });
});

// <ConnectionForm> runs checkAuthDefinition in development: errors replace the fields with a
// readable panel inside the form's area, warnings are logged once per definition.
import { render, screen, within } from '@testing-library/react';
import { runInNewContext } from 'node:vm';
import type { MockInstance } from 'vitest';
import { ConnectionForm, PieceAuth, type AuthInput } from '../../src';
import { isDevelopment } from '../../src/connection-form/definition-error-panel';
import { awsAuth, regionalOAuth2Auth, unsupportedPropAuth } from '../../stories/fixtures/auth-definitions';

const renderForm = (auth: unknown, className?: string) =>
  render(<ConnectionForm auth={auth as AuthInput} onConnect={() => {}} className={className} />);

/** A definition with three errors in different places, as a hand-written object might have. */
const brokenOAuth2 = {
  type: 'OAUTH2',
  displayName: 'Tenant',
  required: true,
  authUrl: 'http://{tenant}.example.com/authorize',
  tokenUrl: 'https://example.com/token',
  scope: 'read write',
};

let warn: MockInstance<typeof console.warn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  vi.unstubAllEnvs();
  warn.mockRestore();
});

describe('a definition with errors, in development', () => {
  it('shows every problem with its path and fix in an alert, and no form', () => {
    renderForm(brokenOAuth2);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('This connection form cannot be shown');
    const items = within(alert)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      expect.stringMatching(/^auth\.authUrl uses \{tenant\}, which names no prop\. Fix: Add a prop "tenant", or fix the spelling\.$/),
      expect.stringMatching(/^auth\.authUrl is http:, not https \(http only on localhost\)\. Fix: Use the https:\/\/ URL\.$/),
      expect.stringMatching(/^auth\.scope is "read write", not an array of strings\. Fix: Write scope: \['read', 'write'\]/),
    ]);
    expect(screen.queryByRole('button', { name: 'Connect' })).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });

  it("stays inside the form's area: the kit's root, with the host's class", () => {
    const { container } = renderForm(brokenOAuth2, 'host-card');
    const root = container.firstElementChild!;
    expect(root).toHaveClass('ck-root', 'host-card');
    expect(root).toHaveAttribute('data-state', 'broken');
    expect(root).toContainElement(screen.getByRole('alert'));
  });

  it('points into an auth array by index', () => {
    renderForm([
      PieceAuth.SecretText({ displayName: 'Key', required: true }),
      { ...brokenOAuth2, scope: [], authUrl: 'https://x.example.com/a' },
      PieceAuth.SecretText({ displayName: 'Token', required: true }),
    ]);
    const items = within(screen.getByRole('alert')).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([expect.stringMatching(/^auth\[2\]\.type repeats SECRET_TEXT of auth\[0\]/)]);
  });

  it('names a dropdown without options and a prop without a label', () => {
    renderForm({
      type: 'CUSTOM_AUTH',
      displayName: 'Shop',
      required: true,
      props: { region: { type: 'STATIC_DROPDOWN', displayName: 'Region', required: true }, key: { type: 'SECRET_TEXT', required: true } },
    });
    const text = screen.getByRole('alert').textContent;
    expect(text).toContain('auth.props.region.options is not { options: [...] }: a dropdown needs options');
    expect(text).toContain('auth.props.key.displayName is undefined: the control needs a label');
  });
});

describe('a definition with warnings only, in development', () => {
  it('renders the form and logs the warnings once per definition, however often it renders', () => {
    const auth = PieceAuth.CustomAuth({
      required: true,
      props: { 'api-key': PieceAuth.SecretText({ displayName: 'API key', required: true }) },
    });
    const first = renderForm(auth);
    expect(screen.getByLabelText('API key')).toBeInTheDocument();
    first.rerender(<ConnectionForm auth={auth} onConnect={() => {}} className="again" />);
    first.unmount();
    renderForm(auth);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(
      /auth\.props\["api-key"\] has a key that is not an identifier\. Fix: Rename it in camelCase/,
    );
  });

  it('logs again for another definition object', () => {
    renderForm(unsupportedPropAuth);
    renderForm({ ...unsupportedPropAuth });
    expect(warn).toHaveBeenCalledTimes(2);
    expect(String(warn.mock.calls[0]![0])).toContain(
      'auth.props.payload.type is JSON, which the kit shows as unsupported, blocking submit',
    );
  });

  it('logs nothing for a clean definition', () => {
    renderForm(regionalOAuth2Auth);
    renderForm(awsAuth);
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('in production', () => {
  beforeEach(() => {
    vi.stubEnv('NODE_ENV', 'production');
  });

  it('skips the full check: a definition with deep problems renders, and nothing is logged', () => {
    renderForm({ ...brokenOAuth2, scope: ['read'], authUrl: 'http://example.com/authorize' });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Connect' })).toBeInTheDocument();
    renderForm(unsupportedPropAuth);
    expect(warn).not.toHaveBeenCalled();
  });

  it('still shows the panel for a definition it cannot render at all', () => {
    renderForm({ type: 'NOPE', displayName: 'X' });
    expect(screen.getByRole('alert')).toHaveTextContent(
      'auth.type is "NOPE", not an auth type the kit supports. Fix: Use one of SECRET_TEXT, BASIC_AUTH, CUSTOM_AUTH, OAUTH2',
    );
  });
});

describe('isDevelopment', () => {
  it('follows NODE_ENV', () => {
    expect(isDevelopment()).toBe(true);
    vi.stubEnv('NODE_ENV', 'production');
    expect(isDevelopment()).toBe(false);
  });

  it('counts a browser without `process` as production instead of throwing', () => {
    expect(runInNewContext(`(${isDevelopment.toString()})()`, {})).toBe(false);
    expect(runInNewContext(`(${isDevelopment.toString()})()`, { process: { env: { NODE_ENV: 'development' } } })).toBe(true);
    expect(runInNewContext(`(${isDevelopment.toString()})()`, { process: {} })).toBe(false);
  });
});

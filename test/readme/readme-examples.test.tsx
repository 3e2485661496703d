import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { UpsertAppConnectionRequestBody } from '@activepieces/shared';
import { JiraConnection } from '../../examples/basic-auth';
import { AwsConnectionForm, awsAuth, type AwsConnection } from '../../examples/custom-auth';
import { EditAwsConnection, merge } from '../../examples/edit-connection';
import { GitHubConnection } from '../../examples/oauth2';
import { OpenAIConnection } from '../../examples/secret-text';
import { shadcnClassNames, shadcnIcons } from '../../examples/tailwind-shadcn';
import { OpenAIConnectionForm } from '../../examples/piece-connection';
import { PieceConnection } from '../../examples/piece-from-api';
import { openaiAuth, twilioAuth } from '../../examples/pieces.generated';
import { captureConnection, fillConnectionForm, mockOAuth2Popup, submitConnectionForm } from '../../src/testing';
import { ConnectionForm, type ConnectionValue } from '../../src';

const readme = readFileSync(resolve('README.md'), 'utf8');

/** The README's custom-auth definition with the Tailwind + shadcn recipe's classNames and icons. */
function AwsConnectionStyled() {
  return <ConnectionForm auth={awsAuth} classNames={shadcnClassNames} icons={shadcnIcons} onConnect={() => {}} />;
}

describe('the README usage examples', () => {
  it.each(['secret-text', 'basic-auth', 'custom-auth', 'oauth2', 'edit-connection', 'piece-connection', 'piece-from-api'])(
    'shows examples/%s.tsx verbatim',
    (name) => {
      const source = readFileSync(resolve(`examples/${name}.tsx`), 'utf8').trimEnd();
      expect(readme).toContain(`<!-- example: examples/${name}.tsx -->\n\`\`\`tsx\n${source}\n\`\`\``);
    },
  );

  it.each([
    ['tailwind-shadcn.css', 'css'],
    ['tailwind-shadcn.tsx', 'tsx'],
  ])('shows the Tailwind + shadcn recipe, examples/%s, verbatim', (file, lang) => {
    const source = readFileSync(resolve(`examples/${file}`), 'utf8').trimEnd();
    expect(readme).toContain(`<!-- example: examples/${file} -->\n\`\`\`${lang}\n${source}\n\`\`\``);
  });

  it('tailwind + shadcn: the recipe is under 30 lines of CSS, and its classNames and icons land on their parts', async () => {
    expect(readFileSync(resolve('examples/tailwind-shadcn.css'), 'utf8').trimEnd().split('\n').length).toBeLessThan(30);
    const { container } = render(<AwsConnectionStyled />);
    expect(container.firstElementChild).toHaveClass('ck-root', 'rounded-xl', 'shadow-sm');
    expect(screen.getByLabelText('Access Key ID')).toHaveClass('ck-input', 'shadow-xs');
    const region = screen.getByRole('combobox', { name: 'Region' });
    expect(region).toHaveClass('ck-select-trigger', 'shadow-xs');
    // lucide's chevron in place of the kit's ▾.
    expect(region).not.toHaveTextContent('▾');
    expect(region.querySelector('svg path')).toHaveAttribute('d', 'm6 9 6 6 6-6');
    expect(screen.getByRole('button', { name: 'Connect' })).toHaveClass('ck-submit', 'hover:bg-primary/90');
  });

  it('secret text: validates the key, then hands over the secret', async () => {
    const onSave = vi.fn();
    render(<OpenAIConnection onSave={onSave} />);
    await userEvent.type(screen.getByLabelText('API Key'), 'nope');
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByText(/Invalid API key/)).toBeInTheDocument();
    await userEvent.clear(screen.getByLabelText('API Key'));
    await userEvent.type(screen.getByLabelText('API Key'), 'sk-live');
    await userEvent.click(screen.getByRole('button', { name: /Connect|Try again/ }));
    await vi.waitFor(() => expect(onSave).toHaveBeenCalledWith('sk-live'));
  });

  it('basic auth: labels come from the definition', async () => {
    const onSave = vi.fn();
    render(<JiraConnection onSave={onSave} />);
    await userEvent.type(screen.getByLabelText('Email'), 'ada@example.com');
    await userEvent.type(screen.getByLabelText('API token'), 't0ken');
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }));
    await vi.waitFor(() => expect(onSave).toHaveBeenCalledWith('ada@example.com', 't0ken'));
  });

  it('custom auth: emits a value Activepieces accepts', async () => {
    const saved = captureConnection<AwsConnection>();
    render(<AwsConnectionForm onSave={saved.onConnect} />);
    await fillConnectionForm(awsAuth, { accessKeyId: 'AKIA1', secretAccessKey: 's3cret', region: 'eu-west-1' });
    await submitConnectionForm();
    const value = await saved.value();
    expect(value).toEqual({
      type: 'CUSTOM_AUTH',
      props: { accessKeyId: 'AKIA1', secretAccessKey: 's3cret', region: 'eu-west-1' },
    });
    const request = { type: value.type, value, externalId: 'aws', displayName: 'AWS', pieceName: 'aws', projectId: 'p' };
    expect(UpsertAppConnectionRequestBody.safeParse(request).success).toBe(true);
  });

  it('oauth2: the Connect button opens the provider with the configured client and redirect', async () => {
    const popup = mockOAuth2Popup();
    render(<GitHubConnection save={vi.fn()} />);
    expect(screen.getByLabelText('Base URL')).toHaveValue('https://api.github.com');
    await submitConnectionForm();
    expect(popup.opened()).toBe(1);
    const url = popup.url();
    expect(url.origin + url.pathname).toBe('https://github.com/login/oauth/authorize');
    expect(url.searchParams.get('client_id')).toBe('your-github-app-client-id');
    expect(url.searchParams.get('redirect_uri')).toBe('https://app.example.com/oauth/callback');
    expect(url.searchParams.get('scope')).toBe('repo user');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(await screen.findByText(/Waiting for you to finish signing in/)).toBeInTheDocument();
    popup.restore();
  });

  it('edit: prefills, keeps the saved secret, and the server merges it back', async () => {
    const onSave = vi.fn();
    const saved = { id: 'c1', name: 'AWS prod', region: 'eu-west-1', accessKeyId: 'AKIA1' } as const;
    render(<EditAwsConnection saved={saved} onSave={onSave} />);
    expect(screen.getByLabelText(/^Access Key ID/)).toHaveValue('AKIA1');
    expect(screen.getByLabelText(/^Secret Access Key/)).toHaveValue('');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    const [value, name] = onSave.mock.calls[0]!;
    expect(name).toBe('AWS prod');
    const merged = merge(value, 'stored-s3cret');
    expect(merged).toEqual({ type: 'CUSTOM_AUTH', props: { accessKeyId: 'AKIA1', region: 'eu-west-1', secretAccessKey: 'stored-s3cret' } });
    const request = { type: merged.type, value: merged, externalId: 'aws', displayName: name, pieceName: 'aws', projectId: 'p' };
    expect(UpsertAppConnectionRequestBody.safeParse(request).success).toBe(true);
  });

  it('a generated piece module: the typed form, checked on the host server, emits the value', async () => {
    const answers = [{ valid: false, error: 'Incorrect API key provided' }, { valid: true }];
    const fetch = vi.fn(async (_url: string, _init: RequestInit) => Response.json(answers.shift()));
    vi.stubGlobal('fetch', fetch);
    try {
      const saved = captureConnection<ConnectionValue<typeof openaiAuth>>();
      render(<OpenAIConnectionForm onSave={saved.onConnect} />);
      expect(screen.getByRole('heading', { name: 'Connect OpenAI' })).toBeInTheDocument();
      expect(screen.getByLabelText(/^Base URL/)).toHaveValue('https://api.openai.com/v1');
      await fillConnectionForm(openaiAuth, { apiKey: 'sk-wrong' });
      await submitConnectionForm();
      expect(await screen.findByText(/Incorrect API key provided/)).toBeInTheDocument();
      await fillConnectionForm(openaiAuth, { apiKey: 'sk-right' });
      await submitConnectionForm();
      expect(await saved.value()).toEqual({ type: 'CUSTOM_AUTH', props: { apiKey: 'sk-right', baseUrl: 'https://api.openai.com/v1' } });
      expect(fetch).toHaveBeenCalledTimes(2);
      expect(fetch.mock.calls[0]![0]).toBe('/api/connections/openai/validate');
      expect(JSON.parse(String(fetch.mock.calls[1]![1].body))).toEqual(await saved.value());
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('a definition from the host API: parsed, then rendered, or its errors shown', async () => {
    const auths: Record<string, unknown> = { twilio: JSON.parse(JSON.stringify(twilioAuth)), broken: { type: 'OIDC', displayName: 'SSO' } };
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => Response.json(auths[url.split('/')[3]!])),
    );
    try {
      const onSave = vi.fn();
      const { unmount } = render(<PieceConnection piece="twilio" onSave={onSave} />);
      await userEvent.type(await screen.findByLabelText(/^Account SID/), 'AC123');
      await userEvent.type(screen.getByLabelText(/^Auth token/), 't0ken');
      await submitConnectionForm();
      await vi.waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
      expect(onSave.mock.calls[0]![0]).toEqual({ type: 'BASIC_AUTH', username: 'AC123', password: 't0ken' });
      unmount();
      render(<PieceConnection piece="broken" onSave={onSave} />);
      const alert = await screen.findByRole('alert', { name: 'broken cannot be connected' });
      expect(alert).toHaveTextContent('auth.type is "OIDC", not an auth type the kit supports');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

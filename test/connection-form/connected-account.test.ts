import { connectedAccount } from '../../src/connection-form/connected-account';

/** An unsigned JWT with these claims, as a token endpoint returns an ID token. */
const idToken = (claims: object) =>
  ['{"alg":"none"}', JSON.stringify(claims)]
    .map((part) =>
      btoa(String.fromCharCode(...new TextEncoder().encode(part)))
        .replace(/=+$/, '')
        .replace(/\+/g, '-')
        .replace(/\//g, '_'),
    )
    .join('.') + '.';

describe('connectedAccount', () => {
  it.each([
    ['a Basic auth’s username', { type: 'BASIC_AUTH', username: 'ada', password: 'pw' }, 'ada'],
    ['a prop named email', { type: 'CUSTOM_AUTH', props: { email: 'ada@example.com', apiKey: 'k' } }, 'ada@example.com'],
    ['a prop named username, trimmed', { type: 'CUSTOM_AUTH', props: { username: '  ada ' } }, 'ada'],
    [
      'the ID token’s e-mail',
      { type: 'OAUTH2', props: {}, data: { id_token: idToken({ sub: '1', email: 'ada@example.com' }) } },
      'ada@example.com',
    ],
    ['the ID token’s name, in UTF-8', { type: 'PLATFORM_OAUTH2', data: { id_token: idToken({ name: 'Adélaïde' }) } }, 'Adélaïde'],
  ])('names %s', (_, value, account) => {
    expect(connectedAccount(value, [])).toBe(account);
  });

  it.each([
    ['a secret text', { type: 'SECRET_TEXT', secret_text: 'sk-1' }],
    ['no account prop', { type: 'CUSTOM_AUTH', props: { host: 'db' } }],
    ['a malformed ID token', { type: 'OAUTH2', data: { id_token: 'not-a-jwt' } }],
    ['a name longer than 80 characters', { type: 'BASIC_AUTH', username: 'a'.repeat(81) }],
    ['nothing', undefined],
  ])('names no one for %s', (_, value) => {
    expect(connectedAccount(value, [])).toBeUndefined();
  });

  it('never names a secret: a username that is also a typed secret is left out', () => {
    expect(connectedAccount({ type: 'CUSTOM_AUTH', props: { username: 'tok-123', token: 'tok-123' } }, ['tok-123'])).toBeUndefined();
  });
});

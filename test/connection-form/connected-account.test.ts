import { connectedAccount } from '../../src/connection-form/connected-account';

describe('connectedAccount', () => {
  it.each([
    ['a Basic auth’s username', { type: 'BASIC_AUTH', username: 'ada', password: 'pw' }, [], 'ada'],
    ['a prop named email', { type: 'CUSTOM_AUTH', props: { email: 'ada@example.com', apiKey: 'k' } }, [], 'ada@example.com'],
    ['a prop named username, trimmed', { type: 'CUSTOM_AUTH', props: { username: '  ada ' } }, [], 'ada'],
    ['the first name the ID token gives', { type: 'OAUTH2', props: {} }, [undefined, 'ada@example.com', 'Ada'], 'ada@example.com'],
    [
      'a prop before the ID token’s names',
      { type: 'OAUTH2', props: { email: 'team@example.com' } },
      ['ada@example.com'],
      'team@example.com',
    ],
  ])('names %s', (_, value, tokenNames, account) => {
    expect(connectedAccount(value, [], tokenNames)).toBe(account);
  });

  it.each([
    ['a secret text', { type: 'SECRET_TEXT', secret_text: 'sk-1' }],
    ['no account prop', { type: 'CUSTOM_AUTH', props: { host: 'db' } }],
    ['a name longer than 80 characters', { type: 'BASIC_AUTH', username: 'a'.repeat(81) }],
    ['nothing', undefined],
  ])('names no one for %s', (_, value) => {
    expect(connectedAccount(value, [])).toBeUndefined();
  });

  it('never names a secret: a username that is also a typed secret is left out', () => {
    expect(connectedAccount({ type: 'CUSTOM_AUTH', props: { username: 'tok-123', token: 'tok-123' } }, ['tok-123'])).toBeUndefined();
    expect(connectedAccount({ type: 'OAUTH2', props: {} }, ['tok-123'], ['tok-123'])).toBeUndefined();
  });
});

import { idTokenNames } from '../../src/oauth/id-token-claims';

/** An unsigned JWT with these claims, as a token endpoint returns an ID token. */
const idToken = (claims: object) =>
  `${['{"alg":"none"}', JSON.stringify(claims)]
    .map((part) =>
      btoa(String.fromCharCode(...new TextEncoder().encode(part)))
        .replace(/=+$/, '')
        .replace(/\+/g, '-')
        .replace(/\//g, '_'),
    )
    .join('.')}.`;

describe('idTokenNames', () => {
  it('reads e-mail, preferred_username and name, in that order', () => {
    expect(idTokenNames(idToken({ sub: '1', name: 'Ada', email: 'ada@example.com', preferred_username: 'ada' }))).toEqual([
      'ada@example.com',
      'ada',
      'Ada',
    ]);
  });

  it('decodes UTF-8', () => {
    expect(idTokenNames(idToken({ name: 'Adélaïde' }))).toEqual([undefined, undefined, 'Adélaïde']);
  });

  it.each([['not-a-jwt'], ['a.b!.c'], [42], [undefined], [idToken([]).replace(/^[^.]+/, 'x')]])('gives no name for %s', (token) => {
    expect(idTokenNames(token).filter((n) => n !== undefined)).toEqual([]);
  });
});

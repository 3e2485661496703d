// restoreKeptSecrets: each KEPT_SECRET marker the form emitted for an edit takes the saved
// secret at the same place, and a marker with nothing saved behind it is an error naming it.
import { KEPT_SECRET } from 'connection-kit/definitions';
import { type AnyStoredConnectionValue, InvalidConnectionValueError, restoreKeptSecrets } from 'connection-kit/server';

const oauth2: AnyStoredConnectionValue = {
  type: 'OAUTH2',
  access_token: 'access-1',
  scope: 'read',
  claimed_at: 1,
  token_url: 'https://auth.example.com/token',
  client_id: 'client-1',
  client_secret: 'client-secret-saved',
  redirect_url: 'https://app.example.com/cb',
  data: {},
  props: { apiKey: 'prop-secret-saved', team: 'acme' },
};

describe('restoreKeptSecrets', () => {
  it('puts back a Basic password and leaves a new username as typed', () => {
    const saved: AnyStoredConnectionValue = { type: 'BASIC_AUTH', username: 'ada', password: 'pw-saved-1234' };
    expect(restoreKeptSecrets({ type: 'BASIC_AUTH', username: 'grace', password: KEPT_SECRET }, saved)).toEqual({
      type: 'BASIC_AUTH',
      username: 'grace',
      password: 'pw-saved-1234',
    });
  });

  it('puts back an OAuth2 client secret and a secret prop, even after a JSON round trip of the marker', () => {
    const edited = JSON.parse(
      JSON.stringify({
        type: 'OAUTH2',
        client_id: 'client-1',
        client_secret: KEPT_SECRET,
        code: 'c',
        props: { apiKey: KEPT_SECRET, team: 'new' },
      }),
    );
    expect(restoreKeptSecrets(edited, oauth2)).toEqual({
      type: 'OAUTH2',
      client_id: 'client-1',
      client_secret: 'client-secret-saved',
      code: 'c',
      props: { apiKey: 'prop-secret-saved', team: 'new' },
    });
  });

  it('a new secret typed in is kept as typed', () => {
    const saved: AnyStoredConnectionValue = { type: 'SECRET_TEXT', secret_text: 'old-key' };
    expect(restoreKeptSecrets({ type: 'SECRET_TEXT', secret_text: 'new-key' }, saved)).toEqual({
      type: 'SECRET_TEXT',
      secret_text: 'new-key',
    });
  });

  it('a marker after a switch to another auth type is an error naming the field, without the saved secret', () => {
    const saved: AnyStoredConnectionValue = { type: 'SECRET_TEXT', secret_text: 'old-key-123456' };
    let error: unknown;
    try {
      restoreKeptSecrets({ type: 'BASIC_AUTH', username: 'ada', password: KEPT_SECRET }, saved);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidConnectionValueError);
    expect((error as InvalidConnectionValueError).issues.map((i) => i.path)).toEqual(['password']);
    expect(String((error as Error).message)).toMatch(/password/);
    expect(JSON.stringify(error) + String((error as Error).message)).not.toContain('old-key-123456');
  });

  it('a marker for a prop the saved value lacks: props.<key> named', () => {
    expect(() => restoreKeptSecrets({ type: 'OAUTH2', props: { other: KEPT_SECRET } }, oauth2)).toThrow(/props\.other/);
  });

  it('anything that is not an object passes through for the schema to reject', () => {
    expect(restoreKeptSecrets('nope', oauth2)).toBe('nope');
    expect(restoreKeptSecrets(null, oauth2)).toBe(null);
  });
});

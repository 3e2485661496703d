import { PieceAuth as ApPieceAuth, Property as ApProperty } from '@activepieces/pieces-framework';
import { checkAuthDefinition, PieceAuth, Property, type DefinitionProblem } from '../../src/definitions-entry';
import * as storyFixtures from '../../stories/fixtures/auth-definitions';
import { pieceFixtures } from '../conformance/piece-fixtures';

const errors = (auth: unknown) => checkAuthDefinition(auth).filter((p) => p.severity === 'error');
const warnings = (auth: unknown) => checkAuthDefinition(auth).filter((p) => p.severity === 'warning');
const at = (problems: DefinitionProblem[]) => problems.map((p) => p.path);

const text = (displayName = 'Name', extra: object = {}) => ({ type: 'SHORT_TEXT', displayName, required: true, ...extra });
const custom = (props: unknown, extra: object = {}) => ({ type: 'CUSTOM_AUTH', displayName: 'Custom', required: true, props, ...extra });
const oauth2 = (extra: object = {}) => ({
  type: 'OAUTH2',
  displayName: 'OAuth',
  required: true,
  authUrl: 'https://auth.example.com/authorize',
  tokenUrl: 'https://auth.example.com/token',
  scope: ['read'],
  ...extra,
});

describe('definitions that work', () => {
  // Gitea and HTTP OAuth2 let a free-text prop choose the host: they work with the user's own app
  // (or the host's oauth2.allowedHosts), which checkAuthDefinition says (issue 12, item 5).
  const HOST_CHOOSERS = new Set(['gitea', 'http-oauth2']);

  it.each(pieceFixtures.filter((f) => !HOST_CHOOSERS.has(f.name)).map((f) => [f.name, f] as const))(
    'the real %s auth has no problem at all',
    (_, fixture) => {
      expect(checkAuthDefinition(fixture.auth)).toEqual([]);
    },
  );

  it.each([...HOST_CHOOSERS])('the real %s auth has no error, only the warnings that its free-text host needs consent', (name) => {
    const problems = checkAuthDefinition(pieceFixtures.find((f) => f.name === name)!.auth);
    expect(problems.map((p) => [p.path, p.severity])).toEqual([
      ['auth.authUrl', 'warning'],
      ['auth.tokenUrl', 'warning'],
    ]);
    for (const p of problems) expect(p.message).toMatch(/choose the host/);
  });

  it('the story fixtures have no error, except the one that is broken on purpose', () => {
    const { malformedAuth, ...rest } = storyFixtures;
    for (const [name, auth] of Object.entries(rest)) expect([name, errors(auth)]).toEqual([name, []]);
    expect(errors(malformedAuth)).not.toEqual([]);
  });

  it("definitions built with Activepieces' own builders have no problem", () => {
    const auth = ApPieceAuth.CustomAuth({
      required: true,
      props: {
        host: ApProperty.ShortText({ displayName: 'Host', required: true }),
        port: ApProperty.Number({ displayName: 'Port', required: true, defaultValue: 5432 }),
        ssl: ApProperty.Checkbox({ displayName: 'SSL', required: false, defaultValue: true }),
        env: ApProperty.StaticDropdown({ displayName: 'Env', required: true, options: { options: [{ label: 'P', value: 'p' }] } }),
        note: ApProperty.MarkDown({ value: 'Hello' }),
      },
    });
    expect(checkAuthDefinition(auth)).toEqual([]);
    expect(checkAuthDefinition(ApPieceAuth.SecretText({ displayName: 'Key', required: true }))).toEqual([]);
  });

  it('PieceAuth.None(), alone or in an array, and an auth array without repeats are fine', () => {
    expect(checkAuthDefinition(PieceAuth.None())).toEqual([]);
    expect(checkAuthDefinition([])).toEqual([]);
    expect(checkAuthDefinition([storyFixtures.apiKeyAuth, PieceAuth.None()])).toEqual([]);
    expect(checkAuthDefinition([storyFixtures.apiKeyAuth, storyFixtures.basicAuth])).toEqual([]);
  });

  it('leaves alone what it does not act on (scope missing, extra options, markdown variants)', () => {
    expect(checkAuthDefinition(oauth2({ scope: undefined, prompt: 'login', extra: { x: 'y' } }))).toEqual([]);
    expect(checkAuthDefinition(custom({ note: { type: 'MARKDOWN', description: 'Hi', variant: 'TIP' } }))).toEqual([]);
  });

  it('allows http on loopback for authUrl and tokenUrl', () => {
    const local = oauth2({ authUrl: 'http://localhost:8080/authorize', tokenUrl: 'http://127.0.0.1:8080/token' });
    expect(checkAuthDefinition(local)).toEqual([]);
  });
});

describe('problems the form cannot work with (errors)', () => {
  // [situation, definition, the path reported, a fragment of the message]
  const cases: [string, unknown, string, RegExp][] = [
    ['not an object', 'SECRET_TEXT', 'auth', /must be an auth definition object, got string/],
    ['null', null, 'auth', /got null/],
    ['an unknown auth type', { type: 'NOPE', displayName: 'X' }, 'auth.type', /"NOPE", not an auth type/],
    ['no type', { displayName: 'X' }, 'auth.type', /undefined/],
    ['a SecretText without displayName', { type: 'SECRET_TEXT', required: true }, 'auth.displayName', /needs a label/],
    ['a blank SecretText displayName', { type: 'SECRET_TEXT', displayName: '  ', required: true }, 'auth.displayName', /needs a label/],
    [
      'a BasicAuth without a password label',
      { type: 'BASIC_AUTH', displayName: 'B', required: true, username: { displayName: 'U' } },
      'auth.password',
      /the field needs a label/,
    ],
    ['a displayName that is not a string', { ...custom({ a: text() }), displayName: 42 }, 'auth.displayName', /not a string/],
    ['props that are not an object', custom('oops'), 'auth.props', /must be an object/],
    ['a CustomAuth without props', { type: 'CUSTOM_AUTH', displayName: 'C', required: true }, 'auth.props', /must be an object/],
    ['a prop that is not an object', custom({ a: 'text' }), 'auth.props.a', /must be a property object, got string/],
    [
      'a prop without displayName',
      custom({ host: { type: 'SHORT_TEXT', required: true } }),
      'auth.props.host.displayName',
      /needs a label/,
    ],
    ['an unknown prop type', custom({ host: text('Host', { type: 'TEXT' }) }), 'auth.props.host.type', /"TEXT", not a property type/],
    ['an auth type nested as a prop', custom({ inner: text('Inner', { type: 'OAUTH2' }) }), 'auth.props.inner.type', /not a property type/],
    [
      'a dropdown without options',
      custom({ r: text('Region', { type: 'STATIC_DROPDOWN' }) }),
      'auth.props.r.options',
      /not \{ options: \[\.\.\.\] \}: a dropdown needs options/,
    ],
    [
      'a dropdown whose options is not a list',
      custom({ r: text('Region', { type: 'STATIC_DROPDOWN', options: { options: 'eu' } }) }),
      'auth.props.r.options',
      /a dropdown needs options/,
    ],
    [
      'a required dropdown with an empty list',
      custom({ r: text('Region', { type: 'STATIC_DROPDOWN', options: { options: [] } }) }),
      'auth.props.r.options.options',
      /cannot be filled in/,
    ],
    [
      'an option without a label',
      custom({ r: text('Region', { type: 'STATIC_MULTI_SELECT_DROPDOWN', options: { options: [{ value: 1 }] } }) }),
      'auth.props.r.options.options[0]',
      /not a \{ label, value \} option/,
    ],
    [
      'a null option',
      custom({ r: text('Region', { type: 'STATIC_DROPDOWN', options: { options: [null] } }) }),
      'auth.props.r.options.options[0]',
      /null/,
    ],
    [
      'an authUrl placeholder naming no prop',
      oauth2({ authUrl: 'https://{tenant}.example.com/authorize' }),
      'auth.authUrl',
      /\{tenant\}, which names no prop/,
    ],
    ['a tokenUrl placeholder naming no prop', oauth2({ tokenUrl: 'https://{tenant}.example.com/token' }), 'auth.tokenUrl', /\{tenant\}/],
    ['a scope placeholder naming no prop', oauth2({ scope: ['read:{org}'] }), 'auth.scope[0]', /\{org\}/],
    ['an http authUrl', oauth2({ authUrl: 'http://auth.example.com/authorize' }), 'auth.authUrl', /is http:, not https/],
    ['an http tokenUrl', oauth2({ tokenUrl: 'http://auth.example.com/token' }), 'auth.tokenUrl', /not https/],
    ['a javascript: authUrl', oauth2({ authUrl: 'javascript:alert(1)' }), 'auth.authUrl', /is javascript:, not https/],
    ['a relative authUrl', oauth2({ authUrl: '/oauth/authorize' }), 'auth.authUrl', /not an absolute URL/],
    ['no tokenUrl', oauth2({ tokenUrl: undefined }), 'auth.tokenUrl', /is undefined, not an absolute URL/],
    [
      'a dropdown placeholder that is not text',
      custom({
        r: text('Region', { type: 'STATIC_DROPDOWN', options: { placeholder: { en: 'Pick' }, options: [{ label: 'EU', value: 'eu' }] } }),
      }),
      'auth.props.r.options.placeholder',
      /not text/,
    ],
    ['a reserved prop key', custom(Object.fromEntries([['__proto__', text()]])), 'auth.props.__proto__', /reserve/],
    [
      'a method name that is an object',
      [custom({ a: text() }), { type: 'SECRET_TEXT', displayName: { en: 'Key' }, required: true }],
      'auth[1].displayName',
      /not a string/,
    ],
    ['a scope string', oauth2({ scope: 'read write' }), 'auth.scope', /not an array of strings/],
    ['a scope with a number', oauth2({ scope: ['read', 1] }), 'auth.scope', /not an array of strings/],
    ['an unknown grant type', oauth2({ grantType: 'password' }), 'auth.grantType', /"password"/],
    ['OAuth2 props that are an array', oauth2({ props: [] }), 'auth.props', /must be an object/],
  ];

  it.each(cases)('%s', (_, auth, path, message) => {
    const found = errors(auth);
    expect(at(found)).toContain(path);
    expect(found.find((p) => p.path === path)!.message).toMatch(message);
  });

  it('repeated types in an auth array point at the second one', () => {
    const found = errors([
      storyFixtures.apiKeyAuth,
      storyFixtures.basicAuth,
      PieceAuth.SecretText({ displayName: 'Token', required: true }),
    ]);
    expect(found).toEqual([
      expect.objectContaining({ path: 'auth[2].type', message: expect.stringMatching(/repeats SECRET_TEXT of auth\[0\]/) }),
    ]);
  });

  it('reports every problem, not only the first, each with a fix', () => {
    const found = checkAuthDefinition(
      oauth2({ authUrl: 'http://{tenant}.example.com/a', scope: 'read', props: { region: { type: 'STATIC_DROPDOWN', required: true } } }),
    );
    expect(at(found)).toEqual(['auth.props.region.displayName', 'auth.props.region.options', 'auth.authUrl', 'auth.authUrl', 'auth.scope']);
    for (const p of found) expect(p.fix).toMatch(/\S/);
  });

  it('paths of keys that are not identifiers stay valid JavaScript', () => {
    expect(at(errors(custom({ 'api-key': { type: 'SHORT_TEXT', required: true } })))).toEqual(['auth.props["api-key"].displayName']);
  });
});

describe('problems the form renders around (warnings)', () => {
  const cases: [string, unknown, string, RegExp][] = [
    ['a prop key that is not an identifier', custom({ 'api-key': text('API key') }), 'auth.props["api-key"]', /not an identifier/],
    [
      'an Activepieces prop type the kit has no control for',
      custom({ j: text('Payload', { type: 'JSON' }) }),
      'auth.props.j.type',
      /shows as unsupported, blocking submit/,
    ],
    [
      'a default that is not an option',
      custom({ r: text('Region', { type: 'STATIC_DROPDOWN', options: { options: [{ label: 'EU', value: 'eu' }] }, defaultValue: 'us' }) }),
      'auth.props.r.defaultValue',
      /"us", which the form ignores/,
    ],
    [
      'a multi-select default that is not an array',
      custom({
        r: text('Regions', {
          type: 'STATIC_MULTI_SELECT_DROPDOWN',
          options: { options: [{ label: 'EU', value: 'eu' }] },
          defaultValue: 'eu',
        }),
      }),
      'auth.props.r.defaultValue',
      /ignores/,
    ],
    [
      'a number default that is a string',
      custom({ port: text('Port', { type: 'NUMBER', defaultValue: '5432' }) }),
      'auth.props.port.defaultValue',
      /"5432", which the form ignores/,
    ],
    [
      'a checkbox default that is a string',
      custom({ ssl: text('SSL', { type: 'CHECKBOX', defaultValue: 'yes' }) }),
      'auth.props.ssl.defaultValue',
      /ignores/,
    ],
    ['a text default that is a number', custom({ host: text('Host', { defaultValue: 5 }) }), 'auth.props.host.defaultValue', /ignores/],
    [
      'two props with one label',
      custom({ a: text('Region'), b: text('Region') }),
      'auth.props.b.displayName',
      /repeats the label of auth.props.a/,
    ],
    [
      'a placeholder naming an optional prop',
      oauth2({ authUrl: 'https://{r}.example.com/a', props: { r: text('Region', { required: false }) } }),
      'auth.authUrl',
      /optional/,
    ],
    [
      'a prop type Activepieces does not allow in OAuth2 props',
      oauth2({ props: { n: text('N', { type: 'NUMBER' }) } }),
      'auth.props.n.type',
      /does not allow/,
    ],
  ];

  it.each(cases)('%s', (_, auth, path, message) => {
    expect(errors(auth)).toEqual([]);
    const found = warnings(auth);
    expect(at(found)).toContain(path);
    expect(found.find((p) => p.path === path)!.message).toMatch(message);
  });
});

describe('checkAuthDefinition itself', () => {
  it('answers as the README and its TSDoc show', () => {
    const auth = PieceAuth.OAuth2({
      authUrl: 'https://a.example.com/authorize',
      tokenUrl: 'https://a.example.com/token',
      required: true,
      scope: [],
    });
    expect(checkAuthDefinition({ ...auth, authUrl: 'http://{tenant}.example.com/authorize' })[0]).toEqual({
      path: 'auth.authUrl',
      message: 'uses {tenant}, which names no prop',
      fix: 'Add a prop "tenant", or fix the spelling.',
      severity: 'error',
    });
    expect(checkAuthDefinition({ ...auth, authUrl: 'http://example.com/authorize' })).toEqual([
      { path: 'auth.authUrl', message: 'is http:, not https (http only on localhost)', fix: 'Use the https:// URL.', severity: 'error' },
    ]);
  });

  it('never throws and always returns a list, whatever it is given', () => {
    const odd: unknown[] = [
      0,
      '',
      true,
      Symbol('x'),
      () => 1,
      [null],
      [[]],
      new Date(),
      Object.create(null),
      { type: 'CUSTOM_AUTH', props: Object.create(null) },
      { type: 'OAUTH2', authUrl: 5, tokenUrl: {}, scope: [null], props: { a: null } },
      { type: 'CUSTOM_AUTH', displayName: 'x', props: { toString: text(), constructor: text('C'), __proto__: text('P') } },
      { type: 'toString' },
      { type: 'hasOwnProperty', props: 5 },
      { type: Symbol('t') },
      custom({ a: { type: Symbol('t'), displayName: 1n } }),
      custom({ n: text('N', { type: 'NUMBER', defaultValue: 1n }) }),
    ];
    const cyclic: Record<string, unknown> = { type: 'STATIC_DROPDOWN', displayName: 'C', options: { options: [] } };
    cyclic.defaultValue = cyclic;
    odd.push(custom({ c: cyclic }));
    for (const auth of odd) expect(Array.isArray(checkAuthDefinition(auth))).toBe(true);
  });

  it('does not mutate the definition', () => {
    const auth = structuredClone(storyFixtures.regionalOAuth2Auth);
    const before = JSON.stringify(auth);
    checkAuthDefinition(auth);
    expect(JSON.stringify(auth)).toBe(before);
  });

  it('builders of this kit produce definitions without problems', () => {
    const auth = PieceAuth.CustomAuth({
      required: true,
      props: { note: Property.MarkDown({ value: 'Hi' }), key: PieceAuth.SecretText({ displayName: 'Key', required: true }) },
    });
    expect(checkAuthDefinition(auth)).toEqual([]);
  });
});

describe('protocol parameters in extra or the authUrl query (issue 12 item 6)', () => {
  it('are reported as ignored, one warning each, and ordinary provider parameters are not', () => {
    const problems = checkAuthDefinition(
      PieceAuth.OAuth2({
        authUrl: 'https://auth.example.com/authorize?request_uri=urn:x&user_scope=chat',
        tokenUrl: 'https://auth.example.com/token',
        required: true,
        scope: [],
        extra: { request: 'jwt', Response_Mode: 'form_post', audience: 'api', access_type: 'offline' },
      }),
    );
    expect(problems.map((p) => [p.path, p.message.split(',')[0], p.severity])).toEqual([
      ['auth.extra', 'sets request', 'warning'],
      ['auth.extra', 'sets Response_Mode', 'warning'],
      ['auth.authUrl', 'sets request_uri', 'warning'],
    ]);
  });
});

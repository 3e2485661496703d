// @vitest-environment node
// `connection-kit pieces` against real published pieces installed in test/cli/fixture-project
// (scripts/test-all.sh runs `npm ci` there): the module it writes (committed as
// examples/pieces.generated.ts, whose types test/types/generated-pieces.test-d.ts checks), its
// JSON, and its errors. scripts/check-package.mjs runs the packed bin once more.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAuthDefinition, toClientAuth } from '../../src/definitions-entry';
import * as generated from '../../examples/pieces.generated';
import { FIXTURE_PROJECT, requirePiece } from './fixture-pieces';
import { runCli } from './run-cli';

const GOLDEN = new URL('../../examples/pieces.generated.ts', import.meta.url).pathname;
const PIECES = ['@activepieces/piece-mistral-ai', '@activepieces/piece-openai', '@activepieces/piece-slack', '@activepieces/piece-twilio'];

describe('connection-kit pieces --all, in a project with four real pieces', () => {
  it('writes the committed module (regenerate: CK_UPDATE_GENERATED=1 npx vitest run --project unit test/cli)', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ck-cli-')), 'src/pieces.generated.ts');
    const { code, stderr } = await runCli(['pieces', '--all', '--out', out]);
    expect(code, stderr).toBe(0);
    const written = readFileSync(out, 'utf8');
    if (process.env.CK_UPDATE_GENERATED) writeFileSync(GOLDEN, written);
    expect(written).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('prints one progress line per piece on stderr, naming what it left for the server', async () => {
    const { stderr, stdout } = await runCli(['pieces', '--all']);
    const progress = stderr.split('\n').filter((line) => /^\[\d\/4\]/.test(line));
    expect(progress).toEqual([
      '[1/4] @activepieces/piece-mistral-ai@0.3.0: SecretText or CustomAuth as mistralAiAuth; validate of auth[0], auth[1] left for your server',
      '[2/4] @activepieces/piece-openai@0.3.18: CustomAuth as openaiAuth; validate of auth left for your server',
      '[3/4] @activepieces/piece-slack@0.17.9: OAuth2 or CustomAuth as slackAuth; validate of auth[1] left for your server',
      '[4/4] @activepieces/piece-twilio@0.2.0: BasicAuth as twilioAuth',
    ]);
    // Without --out the module goes to stdout, and nothing else does.
    expect(stdout).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it("evaluates to each piece's own auth without its functions", () => {
    const { slack } = requirePiece('@activepieces/piece-slack');
    const { mistralAi } = requirePiece('@activepieces/piece-mistral-ai');
    expect(generated.slackAuth).toEqual(toClientAuth(slack.auth));
    // Plain data all through: structured cloning (as React Server Components do) throws on a function.
    expect(() => structuredClone(generated.pieces)).not.toThrow();
    expect(generated.mistralAiAuth).toEqual(toClientAuth(mistralAi.auth));
    expect(generated.pieces.slack).toMatchObject({
      package: '@activepieces/piece-slack',
      version: '0.17.9',
      displayName: 'Slack',
      validate: ['auth[1]'],
    });
    expect(generated.pieces.slack.droppedFunctions).toEqual(['auth[0].getConnectionIdentifier', 'auth[1].validate']);
  });

  it("takes an old-framework piece's auth from its actions' `authentication` prop", () => {
    const { twilio } = requirePiece('@activepieces/piece-twilio');
    expect(twilio.auth).toBeUndefined();
    expect(generated.twilioAuth).toEqual(toClientAuth(twilio._actions.send_sms.props.authentication));
  });

  it('leaves out the keys the form does not read (the old framework’s processors), and says so', async () => {
    const { openaiAuth } = requirePiece('@activepieces/piece-openai');
    const { defaultProcessors: _p, defaultValidators: _v, ...baseUrl } = toClientAuth(openaiAuth).props.baseUrl;
    expect(generated.openaiAuth.props.baseUrl).toEqual(baseUrl);
    const { stdout } = await runCli(['pieces', '@activepieces/piece-openai', '--json']);
    expect(JSON.parse(stdout).pieces[0].ignoredKeys).toEqual([
      'auth.props.baseUrl.defaultProcessors',
      'auth.props.baseUrl.defaultValidators',
      'auth.props.apiVersion.defaultProcessors',
      'auth.props.apiVersion.defaultValidators',
    ]);
  });
});

describe('connection-kit pieces --json', () => {
  it('gives each auth as the fixture corpus has it, which parseAuthDefinition accepts', async () => {
    const { code, stdout } = await runCli(['pieces', ...PIECES, '--json']);
    expect(code).toBe(0);
    const { pieces } = JSON.parse(stdout) as {
      pieces: { key: string; version: string; auth: unknown; ignoredKeys: string[]; from: string; validate: string[] }[];
    };
    expect(pieces.map((p) => p.key)).toEqual(['mistral-ai', 'openai', 'slack', 'twilio']);
    for (const piece of pieces) {
      const fixture = JSON.parse(readFileSync(new URL(`../../fixtures/pieces/${piece.key}.json`, import.meta.url), 'utf8'));
      expect(piece.version).toBe(fixture.version);
      expect(piece).toMatchObject({ from: fixture.from, validate: fixture.validate });
      // The corpus keeps what the piece's builders made; the CLI leaves out what the form ignores.
      const expected = structuredClone(fixture.auth);
      for (const path of piece.ignoredKeys) {
        const keys = path.split('.').slice(1);
        const last = keys.pop()!;
        delete keys.reduce((o, k) => o[k], expected)[last];
      }
      expect(piece.auth, piece.key).toEqual(expected);
      expect(parseAuthDefinition(piece.auth)).toMatchObject({ ok: true, auth: piece.auth });
    }
  });

  it('is chosen by an --out ending in .json', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ck-cli-')), 'pieces.json');
    expect((await runCli(['pieces', '@activepieces/piece-slack', '--out', out, '--quiet'])).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).pieces[0].auth).toEqual(JSON.parse(JSON.stringify(generated.slackAuth)));
  });
});

describe('connection-kit pieces, on packages that are not usable pieces', () => {
  const project = mkdtempSync(join(tmpdir(), 'ck-cli-host-'));
  afterAll(() => rmSync(project, { recursive: true, force: true }));
  const fakePackage = (name: string, code: string) => {
    const dir = join(project, 'node_modules', name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', main: 'index.js' }));
    writeFileSync(join(dir, 'index.js'), code);
  };
  writeFileSync(join(project, 'package.json'), '{"name":"host","private":true}');
  fakePackage('not-a-piece', 'exports.helper = () => 1; exports.version = "1";');
  fakePackage('throws-on-load', 'throw new Error("Cannot find module \'tiktoken\'");');
  fakePackage(
    '@acme/piece-chatty',
    `console.log('hello from the piece'); exports.chatty = { displayName: 'Chatty', actions: {}, auth: { type: 'SECRET_TEXT', displayName: 'Token', required: true, validate: async () => ({ valid: true }) } };`,
  );
  fakePackage(
    '@acme/piece-dynamic',
    `exports.dyn = { displayName: 'Dyn', actions: {}, auth: { type: 'CUSTOM_AUTH', displayName: 'Dyn', required: true, props: { base: { type: 'DROPDOWN', displayName: 'Base', required: true, options: async () => [] } } } };`,
  );
  fakePackage(
    '@acme/piece-broken',
    `exports.broken = { displayName: 'Broken', actions: {}, auth: { type: 'OAUTH2', displayName: 'X', required: true, authUrl: 'http://example.com/a', tokenUrl: 'https://example.com/t', scope: [] } };`,
  );

  it('names a package that is not installed where it runs, even one the kit itself has', async () => {
    for (const name of ['@activepieces/piece-nope', 'zod']) {
      const { code, stderr, stdout } = await runCli(['pieces', name], project);
      expect(code).toBe(1);
      expect(stderr).toContain(`error: ${name} is not installed where this runs (${project})`);
      expect(stderr).toContain(`fix: npm install ${name} in ${project}, or pass --cwd`);
      expect(stdout).toBe('');
    }
  });

  it('says a package is not a piece, listing its exports', async () => {
    const { code, stderr } = await runCli(['pieces', 'not-a-piece'], project);
    expect(code).toBe(1);
    expect(stderr).toContain('error: not-a-piece@1.0.0 exports no piece (exports: helper, version)');
    expect(stderr).toContain('fix: Pass an Activepieces piece package');
  });

  it('reports a package that throws while loading, with the first line of its error', async () => {
    const { code, stderr } = await runCli(['pieces', 'throws-on-load'], project);
    expect(code).toBe(1);
    expect(stderr).toContain("error: throws-on-load@1.0.0 threw while loading: Cannot find module 'tiktoken'");
    expect(stderr).toContain('fix: Install its dependencies');
  });

  it("keeps a piece's console output off stdout, so the JSON stays whole", async () => {
    const { code, stdout, stderr } = await runCli(['pieces', '@acme/piece-chatty', '--json'], project);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('hello from the piece');
    expect(JSON.parse(stdout).pieces[0]).toMatchObject({
      key: 'chatty',
      validate: ['auth'],
      droppedFunctions: ['auth.validate'],
      auth: { type: 'SECRET_TEXT', displayName: 'Token', required: true },
    });
  });

  it('refuses an auth the form cannot show, with checkAuthDefinition’s errors, and writes the others', async () => {
    const out = join(project, 'out.ts');
    const { code, stderr } = await runCli(
      ['pieces', '@acme/piece-broken', '@acme/piece-dynamic', '@acme/piece-chatty', '--out', out],
      project,
    );
    expect(code).toBe(1);
    expect(stderr).toContain('auth.authUrl is http:, not https (http only on localhost). Use the https:// URL.');
    expect(stderr).toContain('auth.props.base is a DROPDOWN prop, which the kit has no control for');
    expect(stderr).toContain('2 of 3 piece(s) failed, the others were written.');
    expect(readFileSync(out, 'utf8')).toContain('export const chattyAuth = PieceAuth.SecretText({');
  });

  it("writes a piece's text as data: nothing in it can become code in the module", async () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the text must carry a literal ${…} to prove it never becomes code.
    const hostile = '*/ globalThis.pwned = 1; /* `${globalThis.pwned = 2}` \\\' " </script>\u2028';
    const spec = {
      type: 'CUSTOM_AUTH',
      displayName: hostile,
      description: hostile,
      required: true,
      props: {
        // biome-ignore lint/complexity/useLiteralKeys: a key with a quote in it, written as the hostile text it is.
        [`x'] = 1; globalThis.pwned = 3; //`]: { type: 'SHORT_TEXT', displayName: hostile, required: true, defaultValue: hostile },
        region: {
          type: 'STATIC_DROPDOWN',
          displayName: 'Region',
          required: true,
          options: { options: [{ label: hostile, value: hostile }] },
        },
      },
    };
    fakePackage(
      '@acme/piece-hostile',
      `exports.hostile = { displayName: ${JSON.stringify(hostile)}, actions: {}, auth: ${JSON.stringify(spec)} };`,
    );
    const out = join(project, 'hostile.generated.ts');
    const { code, stderr } = await runCli(['pieces', '@acme/piece-hostile', '--out', out, '--quiet'], project);
    expect(code, stderr).toBe(0);
    const module = await import(/* @vite-ignore */ out);
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
    expect(JSON.parse(JSON.stringify(module.hostileAuth))).toEqual(spec);
    expect(module.pieces.hostile.displayName).toBe(hostile);
  });

  it('refuses a version in the name, no package at all, and an unknown command', async () => {
    expect(await runCli(['pieces', '@activepieces/piece-slack@0.17.9'], project)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('has a version in it'),
    });
    expect(await runCli(['pieces'], project)).toMatchObject({ code: 2, stderr: expect.stringContaining('Pass package names') });
    expect(await runCli(['piece', 'x'], project)).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command "piece"') });
    expect(await runCli(['pieces', '--colour'], project)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("Unknown option '--colour'"),
    });
    expect((await runCli(['--help'], project)).stdout).toContain('Usage: connection-kit pieces');
  });

  it('--all finds only @activepieces/piece-* packages, and says when there are none', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'ck-cli-empty-'));
    const { code, stderr } = await runCli(['pieces', '--all'], empty);
    expect(code).toBe(1);
    expect(stderr).toContain(`no @activepieces/piece-* package is installed in ${empty} or above`);
    rmSync(empty, { recursive: true });
  });

  it('resolves from --cwd', async () => {
    const { code, stdout } = await runCli(['pieces', '@activepieces/piece-twilio', '--cwd', FIXTURE_PROJECT, '--quiet'], project);
    expect(code).toBe(0);
    expect(stdout).toContain('export const twilioAuth = PieceAuth.BasicAuth({');
  });
});

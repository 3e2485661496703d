import { createPkcePair, s256Challenge } from '../../src/oauth/pkce';

const UNRESERVED = /^[A-Za-z0-9\-._~]{43,128}$/;

afterEach(() => vi.restoreAllMocks());

describe('the S256 challenge', () => {
  it('reproduces the RFC 7636 Appendix B example', async () => {
    await expect(s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).resolves.toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });
});

describe('a new PKCE pair with the default method', () => {
  it('is S256, and its challenge is the S256 of its verifier, not the verifier', async () => {
    const pair = await createPkcePair();
    expect(pair.method).toBe('S256');
    expect(pair.challenge).toBe(await s256Challenge(pair.verifier));
    expect(pair.challenge).not.toBe(pair.verifier);
  });

  it('has a verifier of 43 to 128 unreserved characters (RFC 7636 §4.1)', async () => {
    for (let i = 0; i < 50; i++) {
      const { verifier, challenge } = await createPkcePair();
      expect(verifier).toMatch(UNRESERVED);
      expect(challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
  });

  it('draws its verifier from at least 32 bytes of crypto.getRandomValues', async () => {
    const spy = vi.spyOn(crypto, 'getRandomValues');
    await createPkcePair();
    const bytes = spy.mock.calls.reduce((sum, [array]) => sum + (array as Uint8Array).byteLength, 0);
    expect(bytes).toBeGreaterThanOrEqual(32);
  });

  it('never repeats a verifier', async () => {
    const verifiers = new Set<string>();
    for (let i = 0; i < 200; i++) verifiers.add((await createPkcePair()).verifier);
    expect(verifiers.size).toBe(200);
  });
});

describe('a PKCE pair for a definition that asks for plain', () => {
  it('uses the verifier itself as the challenge, and says plain', async () => {
    const pair = await createPkcePair('plain');
    expect(pair).toEqual({ verifier: pair.verifier, challenge: pair.verifier, method: 'plain' });
    expect(pair.verifier).toMatch(UNRESERVED);
  });
});

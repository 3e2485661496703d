import { base64Url, createState } from '../../src/oauth/random';

afterEach(() => vi.restoreAllMocks());

describe('base64Url', () => {
  it('uses the URL-safe alphabet without padding (RFC 4648 §5)', () => {
    expect(base64Url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
    expect(base64Url(new Uint8Array([0x66, 0x6f]))).toBe('Zm8');
    expect(base64Url(new Uint8Array([]))).toBe('');
  });
});

describe('a new OAuth2 state', () => {
  it('carries at least 128 bits: 43 base64url characters', () => {
    const state = createState();
    expect(state.length).toBeGreaterThanOrEqual(22);
    expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('is different on every call', () => {
    const states = new Set(Array.from({ length: 2000 }, () => createState()));
    expect(states.size).toBe(2000);
  });

  it('comes from crypto.getRandomValues with at least 16 bytes, never from Math.random', () => {
    const random = vi.spyOn(Math, 'random');
    const cs = vi.spyOn(crypto, 'getRandomValues');
    createState();
    expect(cs).toHaveBeenCalledTimes(1);
    expect((cs.mock.calls[0]![0] as Uint8Array).byteLength).toBeGreaterThanOrEqual(16);
    expect(random).not.toHaveBeenCalled();
  });

  it('is exactly the base64url of the bytes the CSPRNG filled', () => {
    vi.spyOn(crypto, 'getRandomValues').mockImplementation((array) => {
      new Uint8Array(array.buffer, array.byteOffset, array.byteLength).fill(0xff);
      return array;
    });
    expect(createState()).toBe(base64Url(new Uint8Array(32).fill(0xff)));
  });
});

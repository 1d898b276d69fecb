import { afterEach, describe, expect, it, vi } from 'vitest';

const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
/** Text with a lone surrogate: hashed as TextEncoder encodes it, U+FFFD (EF BF BD) in its place. */
const LONE = 'a\ud800b';
const LONE_DIGEST = '05087813392efc16fe8ff448920c6328e53af865df39419436659d9ffda90f7b';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('sha256Hex', () => {
  it('hashes at once through node:crypto on Node', async () => {
    const { sha256Hex } = await import('./sha256-hex.js');
    expect(sha256Hex('abc')).toBe(ABC);
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe(ABC);
    expect(sha256Hex(LONE)).toBe(LONE_DIGEST);
  });

  it("uses node:crypto's createHash where its one-shot hash is missing (Node before 20.12)", async () => {
    const crypto = process.getBuiltinModule('node:crypto');
    const { hash: _oneShot, ...older } = crypto;
    vi.stubGlobal('process', { ...process, getBuiltinModule: () => older });
    vi.resetModules();
    const { sha256Hex } = await import('./sha256-hex.js');
    expect(sha256Hex('abc')).toBe(ABC);
    expect(sha256Hex(LONE)).toBe(LONE_DIGEST);
  });

  it('falls back to Web Crypto where node:crypto cannot be reached, with the same digest', async () => {
    vi.stubGlobal('process', { ...process, getBuiltinModule: undefined });
    vi.resetModules();
    const { sha256Hex } = await import('./sha256-hex.js');
    const digest = sha256Hex('abc');
    expect(digest).toBeInstanceOf(Promise);
    expect(await digest).toBe(ABC);
    expect(await sha256Hex(LONE)).toBe(LONE_DIGEST);
  });
});

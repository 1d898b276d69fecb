import { describe, expect, it } from 'vitest';
import { createTokenCache } from './token-cache.js';

describe('createTokenCache', () => {
  it('serves a stored token until its entry is stale, then forgets it', () => {
    const cache = createTokenCache(10, 1000);
    const claims = { sub: 'u1' };
    cache.set('a.b.c', claims, 0);
    expect(cache.get('a.b.c', 999)).toBe(claims);
    expect(cache.get('a.b.c', 1000)).toBeUndefined();
    expect(cache.get('a.b.c', 0)).toBeUndefined();
  });

  it('answers only the byte-identical token', () => {
    const cache = createTokenCache(10, Number.POSITIVE_INFINITY);
    cache.set('a.b.c', { sub: 'u1' }, 0);
    for (const other of ['a.b.C', 'a.b.c ', ' a.b.c', 'a.b', 'a.b.c.'])
      expect(cache.get(other, 0)).toBeUndefined();
  });

  it('holds at most maxEntries, forgetting the least recently used first', () => {
    const cache = createTokenCache(2, Number.POSITIVE_INFINITY);
    cache.set('t1', { sub: '1' }, 0);
    cache.set('t2', { sub: '2' }, 0);
    // Reading t1 makes t2 the least recently used.
    expect(cache.get('t1', 0)).toEqual({ sub: '1' });
    cache.set('t3', { sub: '3' }, 0);
    expect([cache.get('t1', 0), cache.get('t2', 0), cache.get('t3', 0)]).toEqual([
      { sub: '1' },
      undefined,
      { sub: '3' },
    ]);
  });

  it('forgets a deleted token', () => {
    const cache = createTokenCache(2, Number.POSITIVE_INFINITY);
    cache.set('t1', { sub: '1' }, 0);
    cache.delete('t1');
    expect(cache.get('t1', 0)).toBeUndefined();
  });
});

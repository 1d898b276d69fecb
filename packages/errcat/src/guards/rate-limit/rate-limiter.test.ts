import { describe, expect, it } from 'vitest';
import { defineCatalog } from '../../define-catalog.js';
import { isCatalogError } from '../../is-catalog-error.js';
import { renderError } from '../../render/render-error.js';
import type { GcraRule } from './gcra.js';
import { memoryRateLimitStore } from './memory-rate-limit-store.js';
import { parseRateLimit, parseRateLimitPolicy } from './parse-rate-limit-fields.js';
import type { RateLimitStore } from './rate-limit-store.js';
import { createRateLimiter } from './rate-limiter.js';

function fakeClock(start = 1_700_000_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

async function outcome(promise: Promise<unknown>) {
  try {
    await promise;
    return { status: 200, headers: {} as Record<string, string>, error: undefined };
  } catch (error) {
    if (!isCatalogError(error)) throw error;
    return { status: error.status, headers: renderError(error).headers, error };
  }
}

describe('createRateLimiter with the memory store', () => {
  it('admits exactly the limit out of 1000 concurrent requests on one key (R1)', async () => {
    const limiter = createRateLimiter({ policies: { general: { limit: 100, window: 60 } } });
    const results = await Promise.all(
      Array.from({ length: 1000 }, () => outcome(limiter.check('general', { ip: '203.0.113.7' }))),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(100);
    expect(results.filter((r) => r.status === 429)).toHaveLength(900);
  });

  it('answers a 429 with a whole-second Retry-After, RateLimit r=0 and no-store (R3)', async () => {
    const limiter = createRateLimiter({ policies: { auth: { limit: 10, window: 60 } } });
    for (let i = 0; i < 10; i++) await limiter.check('auth', { ip: '198.51.100.1' });
    const refused = await outcome(limiter.check('auth', { ip: '198.51.100.1' }));
    expect(refused.status).toBe(429);
    expect(refused.error?.key).toBe('RATE_LIMITED');
    expect(refused.error?.retryable).toBe(true);
    const retryAfter = refused.headers['retry-after'] ?? '';
    expect(retryAfter).toMatch(/^\d+$/);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
    expect(refused.headers['cache-control']).toBe('no-store');
    const state = parseRateLimit(refused.headers.ratelimit);
    expect(state).toEqual([{ name: 'auth', remaining: 0, reset: Number(retryAfter) }]);
    expect(parseRateLimitPolicy(refused.headers['ratelimit-policy'])).toEqual([
      { name: 'auth', quota: 10, window: 60 },
    ]);
    expect(JSON.parse(renderError(refused.error as never).body).details).toEqual({ policy: 'auth' });
  });

  it('tells allowed requests their remaining quota', async () => {
    const limiter = createRateLimiter({ policies: { general: { limit: 3, window: 30 } } });
    const seen: (number | undefined)[] = [];
    for (let i = 0; i < 3; i++) {
      const { headers } = await limiter.check('general', { ip: '192.0.2.1' });
      seen.push(parseRateLimit(headers.ratelimit)?.[0]?.remaining);
      expect(headers['ratelimit-policy']).toBe('"general";q=3;w=30');
    }
    expect(seen).toEqual([2, 1, 0]);
  });

  it('lets the next request through once the advertised Retry-After has passed (R4)', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({
      policies: { queue: { limit: 5, window: 10 } },
      store: memoryRateLimitStore({ now: clock.now }),
    });
    for (let i = 0; i < 5; i++) await limiter.check('queue', { user: 'u1' });
    const refused = await outcome(limiter.check('queue', { user: 'u1' }));
    const wait = Number(refused.headers['retry-after']);
    expect(wait).toBe(2);
    clock.advance(wait * 1000 - 1);
    expect((await outcome(limiter.check('queue', { user: 'u1' }))).status).toBe(429);
    clock.advance(1);
    expect((await outcome(limiter.check('queue', { user: 'u1' }))).status).toBe(200);
  });

  it('sends the legacy X-RateLimit trio when asked, for the tightest policy', async () => {
    const limiter = createRateLimiter({
      policies: { general: { limit: 100, window: 60 }, auth: { limit: 2, window: 60 } },
      headers: 'legacy',
    });
    const { headers } = await limiter.check(['general', 'auth'], { ip: '192.0.2.9' });
    expect(headers).toEqual({
      'x-ratelimit-limit': '2',
      'x-ratelimit-remaining': '1',
      'x-ratelimit-reset': '30',
    });
  });

  it('reports every checked policy in the draft fields', async () => {
    const limiter = createRateLimiter({
      policies: { general: { limit: 100, window: 60 }, auth: { limit: 2, window: 60 } },
    });
    const { headers } = await limiter.check(['general', 'auth'], { ip: '192.0.2.9' });
    expect(parseRateLimitPolicy(headers['ratelimit-policy'])?.map((p) => p.name)).toEqual([
      'general',
      'auth',
    ]);
    expect(parseRateLimit(headers.ratelimit)?.map((s) => s.remaining)).toEqual([99, 1]);
  });

  it('counts users apart, falls back to the address without a user, and never stores a raw token', async () => {
    const keys: string[] = [];
    const inner = memoryRateLimitStore();
    const store: RateLimitStore = {
      consume: (key: string, rule: GcraRule) => {
        keys.push(key);
        return inner.consume(key, rule);
      },
    };
    const limiter = createRateLimiter({
      store,
      policies: {
        perUser: { limit: 1, window: 60, key: 'user' },
        perToken: { limit: 1, window: 60, key: 'token' },
      },
    });
    await limiter.check('perUser', { ip: '192.0.2.1', user: 'alice' });
    await limiter.check('perUser', { ip: '192.0.2.1', user: 'bob' });
    expect((await outcome(limiter.check('perUser', { ip: '192.0.2.2', user: 'alice' }))).status).toBe(429);
    await limiter.check('perUser', { ip: '192.0.2.1' });
    await limiter.check('perToken', { token: 'sk_live_secret' });
    expect(keys.slice(0, 4)).toEqual([
      'rl:perUser:user:alice',
      'rl:perUser:user:bob',
      'rl:perUser:user:alice',
      'rl:perUser:ip:192.0.2.1',
    ]);
    expect(keys[4]).toMatch(/^rl:perToken:token:[0-9a-f]{32}$/);
    expect(keys.join()).not.toContain('secret');
  });

  it('groups IPv6 clients by /64 and IPv4-mapped addresses with IPv4', async () => {
    const limiter = createRateLimiter({ policies: { general: { limit: 1, window: 60 } } });
    await limiter.check('general', { ip: '2001:db8:1:2::1' });
    expect((await outcome(limiter.check('general', { ip: '2001:db8:1:2:ffff::9' }))).status).toBe(429);
    expect((await outcome(limiter.check('general', { ip: '2001:db8:1:3::1' }))).status).toBe(200);
    await limiter.check('general', { ip: '10.1.1.1' });
    expect((await outcome(limiter.check('general', { ip: '::ffff:10.1.1.1' }))).status).toBe(429);
  });

  it('speaks the catalog codes that play the roles', async () => {
    const catalog = defineCatalog({
      domain: 'queue.example.com',
      errors: {
        TOO_MANY: { code: 4290, status: 429, message: 'Slow down', role: 'RATE_LIMITED' },
        NO_COUNTER: { code: 5033, status: 503, message: 'Try later', role: 'RATE_LIMITER_UNAVAILABLE' },
      },
    });
    const limiter = createRateLimiter({ catalog, policies: { general: { limit: 1, window: 60 } } });
    await limiter.check('general', { ip: '192.0.2.1' });
    const refused = await outcome(limiter.check('general', { ip: '192.0.2.1' }));
    expect(refused.error?.code).toBe(4290);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
  });

  it('refuses bad configuration with a catalog error', () => {
    for (const policy of [
      { limit: 0, window: 60 },
      { limit: 1.5, window: 60 },
      { limit: 10, window: 0 },
      { limit: 10, window: 60, burst: -1 },
    ]) {
      expect(() => createRateLimiter({ policies: { p: policy } })).toThrow(/positive integer/);
    }
    expect(() => createRateLimiter({ policies: { 'bad name': { limit: 1, window: 1 } } })).toThrow(
      /must match/,
    );
    const limiter = createRateLimiter({ policies: { p: { limit: 1, window: 1 } } });
    return expect(limiter.check('nope' as 'p', {})).rejects.toMatchObject({ key: 'ERRCAT_BAD_ARGUMENT' });
  });
});

describe('store failures', () => {
  const failing: RateLimitStore = {
    consume: () => Promise.reject(new Error('ECONNREFUSED 10.0.0.5:6379')),
  };
  const hanging: RateLimitStore = { consume: () => new Promise(() => {}) };

  it('fails closed by default with a typed 503 and Retry-After, never leaking the cause', async () => {
    const failures: unknown[] = [];
    const limiter = createRateLimiter({
      store: failing,
      policies: { general: { limit: 1, window: 1 } },
      onStoreFailure: (error) => failures.push(error),
    });
    const refused = await outcome(limiter.check('general', { ip: '192.0.2.1' }));
    expect(refused.status).toBe(503);
    expect(refused.error?.key).toBe('RATE_LIMITER_UNAVAILABLE');
    expect(refused.headers['retry-after']).toBe('5');
    expect(renderError(refused.error as never).body).not.toContain('ECONNREFUSED');
    expect(failures).toHaveLength(1);
  });

  it('fails open when asked: the request passes uncounted, without quota headers', async () => {
    const limiter = createRateLimiter({
      store: failing,
      failMode: 'open',
      policies: { general: { limit: 1, window: 1 } },
    });
    expect(await limiter.check('general', { ip: '192.0.2.1' })).toEqual({
      headers: {},
      decisions: new Map(),
    });
  });

  it('falls back to the insurance store on its share of the limit', async () => {
    const failures: unknown[] = [];
    const limiter = createRateLimiter({
      store: failing,
      failMode: 'insurance',
      insurance: { instances: 4 },
      policies: { general: { limit: 10, window: 60 } },
      onStoreFailure: (error) => failures.push(error),
    });
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await outcome(limiter.check('general', { ip: '192.0.2.1' })));
    // 10 per minute over 4 processes: 2 here, then 429 with the usual headers.
    expect(results.map((r) => r.status)).toEqual([200, 200, 429, 429, 429]);
    expect(results[2]?.headers['retry-after']).toMatch(/^\d+$/);
    expect(failures).toHaveLength(5);
    const broken = createRateLimiter({
      store: failing,
      failMode: 'insurance',
      insurance: { store: failing },
      policies: { general: { limit: 10, window: 60 } },
    });
    expect((await outcome(broken.check('general', {}))).error?.key).toBe('RATE_LIMITER_UNAVAILABLE');
    expect(() => createRateLimiter({ policies: {}, insurance: { instances: 0 } })).toThrow(/instances/);
  });

  it('stops waiting for a store that never answers after the timeout', async () => {
    const failures: unknown[] = [];
    const closed = createRateLimiter({
      store: hanging,
      timeout: 20,
      policies: { general: { limit: 1, window: 1 } },
      onStoreFailure: (error) => failures.push(error),
    });
    expect((await outcome(closed.check('general', {}))).error?.key).toBe('RATE_LIMITER_UNAVAILABLE');
    expect(failures[0]).toMatchObject({ name: 'TimeoutError' });
    const open = createRateLimiter({
      store: hanging,
      timeout: 20,
      failMode: 'open',
      policies: { g: { limit: 1, window: 1 } },
    });
    expect((await open.check('g', {})).decisions.size).toBe(0);
  });
});

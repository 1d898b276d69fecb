import { describe, expect, it } from 'vitest';
import { busiestWindow } from '../../../../../test-support/rate-limit-model.js';
import { defineCatalog } from '../../define-catalog.js';
import { parseRateLimit, parseRateLimitPolicy } from '../../http/parse-rate-limit-fields.js';
import { isCatalogError } from '../../is-catalog-error.js';
import { renderError } from '../../render/render-error.js';
import { memoryRateLimitStore } from './memory-rate-limit-store.js';
import type { RateLimitRule, RateLimitStore } from './rate-limit-store.js';
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

/** A memory store that records every key it is asked about into `keys`. */
function recordingStore(keys: string[]): RateLimitStore {
  const inner = memoryRateLimitStore();
  return {
    consume: (key: string, rule: RateLimitRule) => {
      keys.push(key);
      return inner.consume(key, rule);
    },
  };
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

  it('keeps the promise of RateLimit-Policy under a steady stream: never more than limit in any window', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({
      policies: { auth: { limit: 5, window: 2 } },
      store: memoryRateLimitStore({ now: clock.now }),
    });
    const admitted: number[] = [];
    // A request every 100 ms for 7 s: GCRA with a burst of `limit` let 9 through in the first 2 s.
    for (let elapsed = 0; elapsed < 7000; elapsed += 100, clock.advance(100)) {
      const answer = await outcome(limiter.check('auth', { ip: '203.0.113.9' }));
      if (answer.status === 200) admitted.push(elapsed);
    }
    expect(busiestWindow(admitted, 2000)).toBe(5);
    // The whole limit at once, then again as each admission leaves its window.
    expect(admitted).toEqual([
      0, 100, 200, 300, 400, 2000, 2100, 2200, 2300, 2400, 4000, 4100, 4200, 4300, 4400, 6000, 6100, 6200,
      6300, 6400,
    ]);
  });

  it('smooths with GCRA when a policy sets burst: an even pace with burst 1, burst + limit - 1 with more', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({
      policies: { even: { limit: 5, window: 2, burst: 1 }, bursty: { limit: 5, window: 2, burst: 5 } },
      store: memoryRateLimitStore({ now: clock.now }),
    });
    const admitted: Record<string, number[]> = { even: [], bursty: [] };
    for (let elapsed = 0; elapsed < 2000; elapsed += 100, clock.advance(100)) {
      for (const name of ['even', 'bursty'] as const) {
        const answer = await outcome(limiter.check(name, { ip: '203.0.113.9' }));
        if (answer.status === 200) admitted[name]?.push(elapsed);
      }
    }
    expect(admitted.even).toEqual([0, 400, 800, 1200, 1600]);
    // The documented trade: a full burst, then the steady rate, 9 in the first window.
    expect(admitted.bursty).toHaveLength(9);
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
    // All five were admitted at once: one more fits when the first leaves its 10 s window.
    expect(wait).toBe(10);
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
      'x-ratelimit-reset': '60',
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
    const store = recordingStore(keys);
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

  it('starts every key with its prefix and the encoded policy name, the same on every request', async () => {
    const keys: string[] = [];
    const store = recordingStore(keys);
    const limiter = createRateLimiter({
      store,
      prefix: 'api',
      policies: {
        'tier:free': { limit: 9, window: 60 },
        byTenant: { limit: 9, window: 60, key: () => 't1' },
      },
    });
    for (let round = 0; round < 2; round++)
      await limiter.check(['tier:free', 'byTenant'], { ip: '192.0.2.01' });
    expect(keys).toEqual([
      'api:tier%3Afree:ip:192.0.2.1',
      'api:byTenant:fn:t1',
      'api:tier%3Afree:ip:192.0.2.1',
      'api:byTenant:fn:t1',
    ]);
  });

  it('groups IPv6 clients by /64 and IPv4-mapped addresses with IPv4', async () => {
    const limiter = createRateLimiter({ policies: { general: { limit: 1, window: 60 } } });
    await limiter.check('general', { ip: '2001:db8:1:2::1' });
    expect((await outcome(limiter.check('general', { ip: '2001:db8:1:2:ffff::9' }))).status).toBe(429);
    expect((await outcome(limiter.check('general', { ip: '2001:db8:1:3::1' }))).status).toBe(200);
    await limiter.check('general', { ip: '10.1.1.1' });
    expect((await outcome(limiter.check('general', { ip: '::ffff:10.1.1.1' }))).status).toBe(429);
  });

  it('accepts policy names as written, such as "Queue entry", and sends them as structured-field strings', async () => {
    const limiter = createRateLimiter({
      policies: { 'Queue entry': { limit: 1, window: 10 }, 'say "hi" \\ bye': { limit: 1, window: 10 } },
    });
    const { headers } = await limiter.check(['Queue entry', 'say "hi" \\ bye'], { ip: '192.0.2.3' });
    expect(headers['ratelimit-policy']).toBe('"Queue entry";q=1;w=10, "say \\"hi\\" \\\\ bye";q=1;w=10');
    expect(parseRateLimitPolicy(headers['ratelimit-policy'])?.map((policy) => policy.name)).toEqual([
      'Queue entry',
      'say "hi" \\ bye',
    ]);
    expect(parseRateLimit(headers.ratelimit)?.[0]).toEqual({ name: 'Queue entry', remaining: 0, reset: 10 });
    const refused = await outcome(limiter.check('Queue entry', { ip: '192.0.2.3' }));
    expect(refused.status).toBe(429);
    expect(JSON.parse(renderError(refused.error as never).body).details).toEqual({ policy: 'Queue entry' });
  });

  it("puts the policy's declared details on its 429, as far as the catalog entry declares them", async () => {
    const catalog = defineCatalog({
      domain: 'api.example.com',
      errors: {
        RATE_LIMITED: {
          code: 'rate_limited',
          status: 429,
          message: 'Rate limit exceeded',
          role: 'RATE_LIMITED',
          details: {
            endpointType: { type: 'string' },
            limit: { type: 'integer' },
            window: { type: 'string' },
          },
        },
      },
    });
    const limiter = createRateLimiter({
      catalog,
      policies: {
        'Queue entry': {
          limit: 1,
          window: 10,
          details: { endpointType: 'Queue entry', limit: 5, window: '10 seconds', secret: 'not declared' },
        },
      },
    });
    await limiter.check('Queue entry', { ip: '192.0.2.4' });
    const refused = await outcome(limiter.check('Queue entry', { ip: '192.0.2.4' }));
    expect(JSON.parse(renderError(refused.error as never).body)).toMatchObject({
      code: 'rate_limited',
      details: { endpointType: 'Queue entry', limit: 5, window: '10 seconds' },
    });
    expect(renderError(refused.error as never).body).not.toContain('not declared');
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
    for (const name of ['', ' padded', 'padded ', 'naïve', 'tab\there', 'x'.repeat(65)]) {
      expect(() => createRateLimiter({ policies: { [name]: { limit: 1, window: 1 } } })).toThrow(
        expect.objectContaining({
          key: 'ERRCAT_BAD_ARGUMENT',
          message: expect.stringMatching(/printable ASCII/),
        }),
      );
    }
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

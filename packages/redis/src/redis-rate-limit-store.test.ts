import { once } from 'node:events';
import { isCatalogError } from 'errcat';
import { gcraRule, slidingWindowRule } from 'errcat/adapter';
import { createRateLimiter, memoryRateLimitStore } from 'errcat/rate-limit';
import fc from 'fast-check';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { windowPromiseProperty } from '../../../test-support/rate-limit-model.js';
import { startRedis, type TestRedis } from '../../../test-support/redis.js';
import { redisRateLimitStore } from './redis-rate-limit-store.js';

let redis: TestRedis;
let client: Redis;

beforeAll(async () => {
  redis = await startRedis();
  client = new Redis({ port: redis.port, host: '127.0.0.1', maxRetriesPerRequest: 1 });
});

afterAll(async () => {
  client?.disconnect();
  await redis?.stop();
});

describe('redisRateLimitStore', () => {
  it.each([
    // The sliding window: no quota comes back before the first admission leaves its hour.
    ['sliding window', slidingWindowRule(100, 3600), 3_590_000],
    // GCRA: one unit comes back every 36 s.
    ['GCRA', gcraRule(100, 3600, 100), 35_000],
  ] as const)(
    'admits exactly 100 out of 1000 concurrent decisions on one key (%s)',
    async (name, rule, wait) => {
      const store = redisRateLimitStore({ client, keyPrefix: 'concurrent:' });
      const decisions = await Promise.all(Array.from({ length: 1000 }, () => store.consume(name, rule)));
      const refused = decisions.filter((d) => !d.allowed);
      expect(refused).toHaveLength(900);
      for (const decision of refused) expect(decision.retryAfterMs).toBeGreaterThan(wait);
      expect(
        decisions
          .filter((d) => d.allowed)
          .map((d) => d.remaining)
          .sort((a, b) => a - b),
      ).toEqual(Array.from({ length: 100 }, (_, i) => i));
    },
  );

  it('never admits more than the limit in any window, and refuses nothing that fits (model-based)', async () => {
    let now = 0;
    const store = redisRateLimitStore({ client, keyPrefix: 'model:', now: () => now });
    await fc.assert(
      windowPromiseProperty(async (key, rule, nowMs) => {
        now = nowMs;
        return store.consume(key, rule);
      }),
      { numRuns: 150 },
    );
  });

  it('lets the key expire once it holds nothing: a window after the last admission, a full GCRA bucket', async () => {
    const store = redisRateLimitStore({ client, keyPrefix: 'ttl:' });
    await store.consume('gcra', gcraRule(10, 60, 10));
    const ttl = await client.pttl('ttl:gcra');
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(6000);
    await store.consume('window', slidingWindowRule(10, 60));
    const windowTtl = await client.pttl('ttl:window');
    expect(windowTtl).toBeGreaterThan(50_000);
    expect(windowTtl).toBeLessThanOrEqual(60_000);
  });

  it('starts a key afresh when its policy changes algorithm, instead of failing on the old value', async () => {
    const store = redisRateLimitStore({ client, keyPrefix: 'switch:' });
    expect(await store.consume('k', gcraRule(1, 60, 1))).toMatchObject({ allowed: true });
    expect(await store.consume('k', slidingWindowRule(1, 60))).toMatchObject({ allowed: true, remaining: 0 });
    expect(await store.consume('k', slidingWindowRule(1, 60))).toMatchObject({ allowed: false });
    expect(await store.consume('k', gcraRule(1, 60, 1))).toMatchObject({ allowed: true });
  });

  it('loads the script again after SCRIPT FLUSH (EVALSHA falls back to EVAL)', async () => {
    const store = redisRateLimitStore({ client });
    await client.script('FLUSH');
    const decision = await store.consume('flushed', gcraRule(1, 60, 1));
    expect(decision).toMatchObject({ allowed: true, remaining: 0 });
    expect(await store.consume('flushed', gcraRule(1, 60, 1))).toMatchObject({ allowed: false });
  });

  it('stores times as exact integers of microseconds', async () => {
    const store = redisRateLimitStore({ client });
    await store.consume('exact', gcraRule(7, 60, 7));
    expect(await client.get('errcat:exact')).toMatch(/^\d{16}$/);
    await store.consume('exact-log', slidingWindowRule(7, 60));
    await store.consume('exact-log', slidingWindowRule(7, 60));
    const log = await client.lrange('errcat:exact-log', 0, -1);
    expect(log).toHaveLength(2);
    for (const time of log) expect(time).toMatch(/^\d{16}$/);
  });

  it('decides as the memory store does: the Lua scripts and the core steps agree (property)', async () => {
    let now = 1_700_000_000_000;
    const store = redisRateLimitStore({ client, keyPrefix: 'agree:', now: () => now });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 120 }),
        fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
        fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 30 }),
        async (limit, window, burst, gaps) => {
          const rule =
            burst === undefined ? slidingWindowRule(limit, window) : gcraRule(limit, window, burst);
          const memory = memoryRateLimitStore({ now: () => now });
          const key = `k${run++}`;
          for (const gap of gaps) {
            now += gap;
            const expected = memory.consume(key, rule);
            if (expected instanceof Promise) throw new Error('memory store must be synchronous');
            expect(await store.consume(key, rule)).toEqual(expected);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('serves a limiter: a 429 with whole-second Retry-After, then fail-closed when Redis is gone', async () => {
    const own = await startRedis();
    const ownClient = new Redis({
      port: own.port,
      host: '127.0.0.1',
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: () => 50,
    });
    ownClient.on('error', () => {});
    await once(ownClient, 'ready');
    const limiter = createRateLimiter({
      policies: { auth: { limit: 2, window: 60 } },
      store: redisRateLimitStore({ client: ownClient, closeClient: true }),
      timeout: 200,
    });
    await limiter.check('auth', { ip: '192.0.2.1' });
    await limiter.check('auth', { ip: '192.0.2.1' });
    const refused = await limiter.check('auth', { ip: '192.0.2.1' }).catch((error: unknown) => error);
    expect(isCatalogError(refused) && refused.status).toBe(429);
    expect(isCatalogError(refused) && refused.headers['retry-after']).toMatch(/^[1-9]\d*$/);
    await own.kill();
    const down = await limiter.check('auth', { ip: '192.0.2.2' }).catch((error: unknown) => error);
    expect(isCatalogError(down) && down.key).toBe('RATE_LIMITER_UNAVAILABLE');
    await limiter.close();
    await own.stop();
  });
});

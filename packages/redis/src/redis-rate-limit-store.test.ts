import { once } from 'node:events';
import { createRateLimiter, gcraRule, isCatalogError, memoryRateLimitStore } from 'errcat';
import fc from 'fast-check';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  it('admits exactly the burst out of 1000 concurrent decisions on one key', async () => {
    const store = redisRateLimitStore({ client });
    const rule = gcraRule(100, 3600, 100);
    const decisions = await Promise.all(Array.from({ length: 1000 }, () => store.consume('burst', rule)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(100);
    const refused = decisions.filter((d) => !d.allowed);
    expect(refused).toHaveLength(900);
    // GCRA: one unit comes back every 36 s.
    for (const decision of refused) expect(decision.retryAfterMs).toBeGreaterThan(35_000);
    expect(
      decisions
        .filter((d) => d.allowed)
        .map((d) => d.remaining)
        .sort((a, b) => a - b),
    ).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('lets the key expire once its bucket is full again', async () => {
    const store = redisRateLimitStore({ client, keyPrefix: 'ttl:' });
    await store.consume('k', gcraRule(10, 60, 10));
    const ttl = await client.pttl('ttl:k');
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(6000);
  });

  it('loads the script again after SCRIPT FLUSH (EVALSHA falls back to EVAL)', async () => {
    const store = redisRateLimitStore({ client });
    await client.script('FLUSH');
    const decision = await store.consume('flushed', gcraRule(1, 60, 1));
    expect(decision).toMatchObject({ allowed: true, remaining: 0 });
    expect(await store.consume('flushed', gcraRule(1, 60, 1))).toMatchObject({ allowed: false });
  });

  it('stores the arrival time as an exact integer of microseconds', async () => {
    const store = redisRateLimitStore({ client });
    await store.consume('exact', gcraRule(7, 60, 7));
    expect(await client.get('errcat:exact')).toMatch(/^\d{16}$/);
  });

  it('decides as the memory store does: the Lua script and gcraStep agree (property)', async () => {
    const store = redisRateLimitStore({ client, keyPrefix: 'agree:' });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 20 }),
        // Windows long enough that the milliseconds a run takes on Redis's clock change nothing.
        fc.integer({ min: 60, max: 3600 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 30 }),
        async (limit, window, burst, count) => {
          const rule = gcraRule(limit, window, burst);
          const memory = memoryRateLimitStore({ now: () => 1_700_000_000_000 });
          const key = `k${run++}`;
          for (let i = 0; i < count; i++) {
            const expected = memory.consume(key, rule);
            const actual = await store.consume(key, rule);
            if (expected instanceof Promise) throw new Error('memory store must be synchronous');
            expect(actual.allowed).toBe(expected.allowed);
            expect(actual.remaining).toBe(expected.remaining);
            expect(Math.abs(actual.retryAfterMs - expected.retryAfterMs)).toBeLessThanOrEqual(1000);
            expect(Math.abs(actual.resetMs - expected.resetMs)).toBeLessThanOrEqual(1000);
          }
        },
      ),
      { numRuns: 40 },
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

import { createIdempotencyGuard } from 'errcat/idempotency';
import { storeConformance } from 'errcat/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postOrder, startOrderApp } from '../../../test-support/idempotency-app.js';
import { sharedStoreScenarios } from '../../../test-support/idempotency-scenarios.js';
import { startRedis, type TestRedis } from '../../../test-support/redis.js';
import { redisIdempotencyStore } from './redis-idempotency-store.js';

let redis: TestRedis;
let client: Redis;

beforeAll(async () => {
  redis = await startRedis();
  client = new Redis(redis.port, '127.0.0.1', { maxRetriesPerRequest: 1 });
  // The chaos test kills Redis: the reconnecting client reports it, which is expected.
  client.on('error', () => {});
});

afterAll(async () => {
  client.disconnect();
  await redis.stop();
});

describe('redisIdempotencyStore', () => {
  describe('passes the store conformance suite', () => {
    storeConformance({ create: () => redisIdempotencyStore({ client }), test: it });
  });

  it('falls back to EVAL when Redis has forgotten its scripts', async () => {
    await client.script('FLUSH');
    const store = redisIdempotencyStore({ client, keyPrefix: 'flushed:' });
    expect(await store.claim('k', { fingerprint: 'f', token: 't', leaseMs: 1000 })).toEqual({
      claimed: true,
    });
    expect(await client.exists('flushed:k')).toBe(1);
  });

  sharedStoreScenarios({
    kind: 'redis',
    target: () => redis.url,
    store: () => redisIdempotencyStore({ client }),
  });

  it('fails closed with a typed 503 while Redis hangs or is down, running nothing, then recovers', async () => {
    const own = new Redis(redis.port, '127.0.0.1', { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    own.on('error', () => {});
    const failures: string[] = [];
    const app = await startOrderApp({
      guard: {
        store: redisIdempotencyStore({ client: own, closeClient: true }),
        timeout: 200,
        onStoreFailure: (_error, operation) => failures.push(operation),
      },
    });
    try {
      const body = { sku: 'chaos' };
      redis.pause();
      const hung = await postOrder(app.url, `"${crypto.randomUUID()}"`, body);
      redis.resume();
      await redis.kill();
      const down = await postOrder(app.url, `"${crypto.randomUUID()}"`, body);
      for (const answer of [hung, down]) {
        expect(answer.status).toBe(503);
        expect(answer.headers.get('retry-after')).toBe('5');
        expect(JSON.parse(answer.body)).toMatchObject({ code: 'IDEMPOTENCY_STORE_UNAVAILABLE' });
      }
      expect(app.runs()).toBe(0);
      expect(failures).toEqual(['claim', 'claim']);
      await redis.restart();
      let recovered = await postOrder(app.url, `"${crypto.randomUUID()}"`, body);
      while (recovered.status === 503) recovered = await postOrder(app.url, `"${crypto.randomUUID()}"`, body);
      expect(recovered.status).toBe(201);
    } finally {
      await app.close();
    }
  });

  it('keeps the key apart from what the guard never stored: a refused request leaves no record', async () => {
    const guard = createIdempotencyGuard({ store: redisIdempotencyStore({ client, keyPrefix: 'refused:' }) });
    await expect(guard.begin({ method: 'POST', path: '/', key: '""' })).rejects.toMatchObject({
      key: 'IDEMPOTENCY_KEY_INVALID',
    });
    expect(await client.keys('refused:*')).toEqual([]);
  });
});

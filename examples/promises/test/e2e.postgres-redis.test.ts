import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startPostgres, type TestPostgres } from '../../../test-support/postgres.js';
import { startRedis, type TestRedis } from '../../../test-support/redis.js';
import { describePromisesService } from './e2e-suite.js';
import { failure, startTestService, type TestService } from './support.js';

// The same suite with DATABASE_URL and REDIS_URL: promises and idempotency records in PostgreSQL,
// rate limits (and idempotency records) in Redis, both real servers on 127.0.0.1.
let postgres: TestPostgres;
let redis: TestRedis;
beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
});
afterAll(async () => {
  await Promise.all([postgres?.stop(), redis?.stop()]);
});

describePromisesService({
  profile: 'problem',
  rich: true,
  backend: () => ({ database: postgres.url, redis: redis.url }),
});

describe('promises service on PostgreSQL and Redis, when they fail', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ profile: 'problem', database: postgres.url, redis: redis.url });
  });
  afterAll(() => service.stop());

  test('Redis down: 5033, refused rather than run uncounted; back up: served again', async () => {
    const api = await service.client('redis-watcher', { retry: false });
    await api.createPromise({ id: 'kept-order', timeout: 4_102_444_800_000 });
    await redis.kill();
    const refused = await failure(api.getPromise('kept-order'));
    expect({ status: refused.httpStatus, code: refused.code, key: refused.key }).toEqual({
      status: 503,
      code: 5033,
      key: 'RATE_LIMITER_UNAVAILABLE',
    });
    expect(refused.retryAfter).toBe(5);
    await redis.restart();
    let answer: unknown;
    for (let attempt = 0; attempt < 100 && answer === undefined; attempt++) {
      answer = await api.getPromise('kept-order').catch(async () => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        return undefined;
      });
    }
    expect(answer).toMatchObject({ id: 'kept-order', state: 'PENDING' });
  });

  test('PostgreSQL down: 5002, with the driver’s error only in the logs', async () => {
    const api = await service.client('postgres-watcher', { retry: false });
    await postgres.stop();
    const error = await failure(api.getPromise('kept-order'));
    expect({ status: error.httpStatus, code: error.code, key: error.key }).toEqual({
      status: 500,
      code: 5002,
      key: 'STORAGE_FAILED',
    });
    expect(JSON.stringify(error.raw)).not.toMatch(/ECONNREFUSED|connect|postgres/i);
    expect(service.logs.some((event) => event.object.code === 5002 && event.level === 'error')).toBe(true);
  });
});

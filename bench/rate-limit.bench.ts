/**
 * Rate-limit decisions per second: errcat's limiter, by its exact sliding window (the default) and
 * by GCRA (a policy with `burst`), on the memory store and the Redis store, next to
 * rate-limiter-flexible (RateLimiterMemory, RateLimiterRedis) and @fastify/rate-limit's stores
 * (LocalStore, RedisStore), in the same run. Memory stores are timed one decision at a time; Redis
 * stores at 64 decisions in flight over one ioredis connection to a private redis-server, which is
 * how a busy server drives them. Keys rotate over 1000 clients with a quota no client exhausts, so
 * every decision is a real allowed decision (a sliding-window key then holds every admission of
 * the run, the most a window can hold). Last, what the load shedder costs per admitted and
 * per refused request.
 */
import { createRequire } from 'node:module';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
// The source, not dist/: the bench runs without a build.
import { gcraRule, slidingWindowRule } from '../packages/errcat/src/adapter/index.js';
import { createRateLimiter, memoryRateLimitStore } from '../packages/errcat/src/guards/rate-limit/index.js';
import { createLoadShedder } from '../packages/errcat/src/guards/shed/index.js';
import { renderError } from '../packages/errcat/src/index.js';
import { redisRateLimitStore } from '../packages/redis/src/index.js';
import { startRedis } from '../test-support/redis.js';
import { measure, printRatios } from './support/report.js';

const require = createRequire(import.meta.url);

/** The callback API of @fastify/rate-limit's stores (they ship no types). */
interface FastifyStore {
  incr(
    key: string,
    cb: (error: Error | null, result?: { current: number; ttl: number }) => void,
    timeWindow: number,
    max: number,
  ): void;
}
type FastifyLocalStore = new (
  continueExceeding: boolean,
  exponentialBackoff: boolean,
  cache?: number,
) => FastifyStore;
type FastifyRedisStore = new (
  continueExceeding: boolean,
  exponentialBackoff: boolean,
  redis: Redis,
  key?: string,
) => FastifyStore;
const LocalStore = require('@fastify/rate-limit/store/LocalStore.js') as FastifyLocalStore;
const RedisStore = require('@fastify/rate-limit/store/RedisStore.js') as FastifyRedisStore;

const KEYS = Array.from({ length: 1000 }, (_, i) => `client-${i}`);
const LIMIT = 1_000_000_000;
const WINDOW_S = 60;
const windowRule = slidingWindowRule(LIMIT, WINDOW_S);
const gcra = gcraRule(LIMIT, WINDOW_S, LIMIT);

function fastifyIncr(store: FastifyStore, key: string): Promise<unknown> {
  return new Promise((resolve, reject) =>
    store.incr(key, (error, result) => (error ? reject(error) : resolve(result)), WINDOW_S * 1000, LIMIT),
  );
}

interface Row {
  readonly name: string;
  readonly perSecond: number;
}

function printRows(rows: readonly Row[], baseline: string): void {
  const base = rows.find((row) => row.name === baseline)?.perSecond ?? Number.NaN;
  console.log(`| case | decisions/s | × ${baseline} |`);
  console.log('|---|---:|---:|');
  for (const row of rows) {
    console.log(
      `| ${row.name} | ${Math.round(row.perSecond).toLocaleString('en-US')} | ${(row.perSecond / base).toFixed(2)} |`,
    );
  }
}

/** Runs `total` decisions with `concurrency` in flight; returns decisions per second. */
async function throughput(
  decide: (i: number) => Promise<unknown>,
  total: number,
  concurrency: number,
): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < total) await decide(next++);
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return total / ((performance.now() - start) / 1000);
}

async function memoryRows(): Promise<Row[]> {
  let i = 0;
  const key = () => KEYS[i++ % KEYS.length] as string;
  const store = memoryRateLimitStore({ maxKeys: 10_000 });
  const gcraStore = memoryRateLimitStore({ maxKeys: 10_000 });
  const limiter = createRateLimiter({ policies: { general: { limit: LIMIT, window: WINDOW_S } } });
  const rlf = new RateLimiterMemory({ points: LIMIT, duration: WINDOW_S });
  const fastify = new LocalStore(false, false, 5000);
  const rows = await measure(
    {
      'errcat memory store (sliding window)': () => store.consume(key(), windowRule),
      'errcat memory store (GCRA)': () => gcraStore.consume(key(), gcra),
      'errcat limiter.check (memory, headers)': () => limiter.check('general', { ip: key() }),
      'rate-limiter-flexible RateLimiterMemory': () => rlf.consume(key()),
      '@fastify/rate-limit LocalStore': () => fastifyIncr(fastify, key()),
    },
    700,
  );
  return rows.map((row) => ({ name: row.name, perSecond: 1e9 / row.nanos }));
}

async function redisRows(): Promise<Row[]> {
  const redis = await startRedis();
  const client = new Redis({ port: redis.port, host: '127.0.0.1', enableOfflineQueue: true });
  try {
    const store = redisRateLimitStore({ client, keyPrefix: 'window:' });
    const gcraStore = redisRateLimitStore({ client, keyPrefix: 'gcra:' });
    const limiter = createRateLimiter({
      policies: { general: { limit: LIMIT, window: WINDOW_S } },
      store,
      timeout: 5000,
    });
    const rlf = new RateLimiterRedis({
      storeClient: client,
      points: LIMIT,
      duration: WINDOW_S,
      keyPrefix: 'rlf',
    });
    const fastify = new RedisStore(false, false, client, 'frl-');
    const cases: Record<string, (i: number) => Promise<unknown>> = {
      'errcat Redis store (sliding window)': async (i) =>
        store.consume(KEYS[i % KEYS.length] as string, windowRule),
      'errcat Redis store (GCRA)': async (i) => gcraStore.consume(KEYS[i % KEYS.length] as string, gcra),
      'errcat limiter.check (Redis, headers)': (i) => limiter.check('general', { ip: KEYS[i % KEYS.length] }),
      'rate-limiter-flexible RateLimiterRedis': (i) => rlf.consume(KEYS[i % KEYS.length] as string),
      '@fastify/rate-limit RedisStore': (i) => fastifyIncr(fastify, KEYS[i % KEYS.length] as string),
    };
    const best = new Map<string, number>();
    // Three rounds, interleaved, best of each: the machine's noise hits every case alike.
    for (let round = 0; round < 3; round++) {
      for (const [name, decide] of Object.entries(cases)) {
        await throughput(decide, 2000, 64);
        const perSecond = await throughput(decide, 20_000, 64);
        best.set(name, Math.max(best.get(name) ?? 0, perSecond));
      }
    }
    return [...best].map(([name, perSecond]) => ({ name, perSecond }));
  } finally {
    client.disconnect();
    await redis.stop();
  }
}

/** What shedding costs per request: admission when a slot is free, and a refusal rendered. */
async function shedRows() {
  const free = createLoadShedder({ maxConcurrent: 1_000_000 });
  const full = createLoadShedder({ maxConcurrent: 1, maxQueue: 0 });
  await full.admit();
  const ignore = () => undefined;
  return measure(
    {
      'admit + release (slot free)': async () => (await free.admit()).release(),
      'refuse with QUEUE_FULL': () => full.admit().catch(ignore),
      'refuse with QUEUE_FULL + renderError': () =>
        full.admit().catch((error: Parameters<typeof renderError>[0]) => renderError(error)),
    },
    500,
  );
}

export default async function run(): Promise<void> {
  console.log('### In memory (one decision at a time)\n');
  printRows(await memoryRows(), 'errcat memory store (sliding window)');
  console.log('\n### Redis (64 decisions in flight, one connection)\n');
  printRows(await redisRows(), 'errcat Redis store (sliding window)');
  console.log('\n### Load shedder: cost per request\n');
  printRatios(await shedRows(), 'admit + release (slot free)');
}

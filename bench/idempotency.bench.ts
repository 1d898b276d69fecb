/**
 * The latency the idempotency guard adds to a request, on each store (memory, SQLite file, Redis,
 * PostgreSQL), next to the same node:http route without the guard. One client sends requests one
 * at a time over a keep-alive connection to a server in this process, so each figure is the time
 * of one whole request; the guard's cost is the difference from the baseline. Two paths:
 * - `first`: a fresh key per request, the handler runs (claim, then store the response);
 * - `replay`: the same key again, the stored response is sent (claim refused, record read).
 * The cases run in interleaved rounds; each reports the median request of its best round, so
 * load from elsewhere on the machine (a burst of it, or a steady share) decides no ratio. It also
 * times the guard alone (`begin` + `complete`, no HTTP), best of the rounds, with each store and
 * with a memory store that is full (every new key makes room).
 *
 * Redis and PostgreSQL are private servers on 127.0.0.1 started for the run (as the tests do).
 * `ERRCAT_BENCH_IDEMPOTENCY_REQUESTS` sets the requests per round (default 1000).
 */
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresIdempotencyStore } from '@errcat/postgres';
import { redisIdempotencyStore } from '@errcat/redis';
import { sqliteIdempotencyStore } from '@errcat/sqlite';
import Database from 'better-sqlite3';
import type { IdempotencyStore } from 'errcat/adapter';
import { createIdempotencyGuard, memoryIdempotencyStore } from 'errcat/idempotency';
import { withErrors, withIdempotency } from 'errcat/node';
import { Redis } from 'ioredis';
import pg from 'pg';
import { startPostgres } from '../test-support/postgres.js';
import { startRedis } from '../test-support/redis.js';

const REQUESTS = Math.max(100, Number(process.env.ERRCAT_BENCH_IDEMPOTENCY_REQUESTS ?? 1000));
const ROUNDS = 5;
const BODY = JSON.stringify({ sku: 'A1', qty: 2, note: 'bench' });
const ANSWER = JSON.stringify({ id: 'o1', sku: 'A1', qty: 2 });
const silent = { error() {}, warn() {}, info() {}, debug() {} };

interface Case {
  readonly name: string;
  readonly url: string;
  readonly close: () => Promise<void>;
}

async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function stop(server: Server): Promise<void> {
  server.closeAllConnections();
  server.close();
  await once(server, 'close');
}

/** The route without the guard: read the body, answer 201 with JSON. */
async function baseline(): Promise<Case> {
  const server = createServer(
    withErrors(
      async (req, res) => {
        // Read the body as the guard does (events, not an async iterator), so that only the guard differs.
        const body = await new Promise<Buffer>((resolve, reject) => {
          const chunks: Buffer[] = [];
          req.on('data', (chunk: Buffer) => chunks.push(chunk));
          req.on('end', () => resolve(Buffer.concat(chunks)));
          req.on('error', reject);
        });
        JSON.parse(body.toString());
        res.writeHead(201, { 'content-type': 'application/json', location: '/orders/o1' });
        res.end(ANSWER);
      },
      { logger: silent },
    ),
  );
  return { name: 'no guard', url: await listen(server), close: () => stop(server) };
}

/** The same route behind `withIdempotency` on a store. */
async function guarded(name: string, store: IdempotencyStore): Promise<Case> {
  const guard = createIdempotencyGuard({ store });
  const server = createServer(
    withErrors(
      withIdempotency(
        async (_req, res, { body }) => {
          JSON.parse(body.toString());
          res.writeHead(201, { 'content-type': 'application/json', location: '/orders/o1' });
          res.end(ANSWER);
        },
        { guard },
      ),
      { logger: silent },
    ),
  );
  return {
    name,
    url: await listen(server),
    close: async () => {
      await stop(server);
      await guard.close();
    },
  };
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function post(url: string, key: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (key !== undefined) headers['idempotency-key'] = key;
    const req = request(url, { method: 'POST', agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(BODY);
  });
}

/** Microseconds of each of `count` sequential requests. */
async function round(
  url: string,
  mode: 'first' | 'replay',
  count: number,
  keyed: boolean,
): Promise<number[]> {
  const replayKey = `"${crypto.randomUUID()}"`;
  if (keyed && mode === 'replay') await post(url, replayKey);
  const times: number[] = [];
  for (let index = 0; index < count; index++) {
    const key = !keyed ? undefined : mode === 'replay' ? replayKey : `"${crypto.randomUUID()}"`;
    const started = performance.now();
    const status = await post(url, key);
    times.push((performance.now() - started) * 1000);
    if (status !== 201) throw new Error(`unexpected status ${status}`);
  }
  return times;
}

const percentile = (values: readonly number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? 0;

/** The guard alone: microseconds per `begin` + `complete` with a fresh key, no HTTP; the best round. */
async function guardOnly(store: IdempotencyStore): Promise<number> {
  const guard = createIdempotencyGuard({ store });
  const response = {
    status: 201,
    headers: { 'content-type': 'application/json' },
    body: Buffer.from(ANSWER),
  };
  const once = async () => {
    const start = await guard.begin({
      method: 'POST',
      path: '/orders',
      body: BODY,
      key: `"${crypto.randomUUID()}"`,
    });
    if (start.kind === 'claimed') await start.complete(response);
  };
  for (let index = 0; index < 200; index++) await once();
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < ROUNDS; r++) {
    const started = performance.now();
    for (let index = 0; index < REQUESTS; index++) await once();
    best = Math.min(best, ((performance.now() - started) * 1000) / REQUESTS);
  }
  await guard.close();
  return best;
}

/** A memory store holding its default 100,000 keys, all completed: every new key must make room. */
function fullMemoryStore(): IdempotencyStore {
  const store = memoryIdempotencyStore();
  const response = { status: 201, headers: {}, body: new Uint8Array() };
  for (let index = 0; index < 100_000; index++) {
    store.claim(`filler-${index}`, { fingerprint: 'f', token: 't', leaseMs: 60_000 });
    store.complete(`filler-${index}`, 't', response, 3_600_000);
  }
  return store;
}

export default async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'errcat-bench-idem-'));
  const [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
  const client = new Redis(redis.port, '127.0.0.1', { maxRetriesPerRequest: 1 });
  const pool = new pg.Pool({ connectionString: postgres.url, max: 4 });
  pool.on('error', () => {});
  const stores: [string, () => IdempotencyStore][] = [
    ['memory', () => memoryIdempotencyStore()],
    [
      'SQLite (file, WAL)',
      () =>
        sqliteIdempotencyStore({
          database: new Database(join(dir, `${crypto.randomUUID()}.db`)),
          closeDatabase: true,
        }),
    ],
    ['Redis', () => redisIdempotencyStore({ client })],
    ['PostgreSQL', () => postgresIdempotencyStore({ pool })],
  ];
  const cases = [
    await baseline(),
    ...(await Promise.all(stores.map(([name, make]) => guarded(name, make())))),
  ];
  try {
    for (const mode of ['first', 'replay'] as const) {
      const samples = new Map<string, number[]>();
      for (const item of cases) {
        await round(item.url, mode, 200, item.name !== 'no guard');
        samples.set(item.name, []);
      }
      for (let r = 0; r < ROUNDS; r++) {
        for (const item of cases) {
          const times = await round(item.url, mode, REQUESTS, item.name !== 'no guard');
          samples.get(item.name)?.push(percentile(times, 0.5));
        }
      }
      const base = Math.min(...(samples.get('no guard') ?? []));
      console.log(
        `\n### ${mode === 'first' ? 'first request (claim + store)' : 'replay (stored response)'}\n`,
      );
      console.log('| case | median µs/request | added µs | × no guard |');
      console.log('|---|---:|---:|---:|');
      for (const [name, medians] of samples) {
        const value = Math.min(...medians);
        console.log(
          `| ${name} | ${value.toFixed(1)} | ${(value - base).toFixed(1)} | ${(value / base).toFixed(2)} |`,
        );
      }
    }
    console.log('\n### the guard alone (begin + complete, fresh key, no HTTP)\n');
    console.log('| store | µs/request |');
    console.log('|---|---:|');
    for (const [name, make] of stores) console.log(`| ${name} | ${(await guardOnly(make())).toFixed(1)} |`);
    console.log(
      `| memory, full (100,000 keys; every key new) | ${(await guardOnly(fullMemoryStore())).toFixed(1)} |`,
    );
  } finally {
    for (const item of cases) await item.close();
    agent.destroy();
    client.disconnect();
    await pool.end();
    await Promise.all([redis.stop(), postgres.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

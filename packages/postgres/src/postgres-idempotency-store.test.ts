import { storeConformance } from 'errcat/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postOrder, startOrderApp } from '../../../test-support/idempotency-app.js';
import { sharedStoreScenarios } from '../../../test-support/idempotency-scenarios.js';
import { startPostgres, type TestPostgres } from '../../../test-support/postgres.js';
import { postgresIdempotencyStore } from './postgres-idempotency-store.js';

let postgres: TestPostgres;
let pool: pg.Pool;

beforeAll(async () => {
  postgres = await startPostgres();
  pool = new pg.Pool({ connectionString: postgres.url, max: 20 });
  // pool.end() does not wait for the server to see each connection go: when PostgreSQL stops right
  // after, an ending connection may get its shutdown notice, which the pool reports here.
  pool.on('error', () => {});
});

afterAll(async () => {
  await pool.end();
  await postgres.stop();
});

describe('postgresIdempotencyStore', () => {
  describe('passes the store conformance suite', () => {
    storeConformance({ create: () => postgresIdempotencyStore({ pool }), test: it });
  });

  it('creates its table once when many sessions start at the same time, in a schema of your choice', async () => {
    await pool.query('CREATE SCHEMA IF NOT EXISTS api');
    const stores = Array.from({ length: 8 }, () =>
      postgresIdempotencyStore({ pool, table: 'api.idempotency_keys', sweepInterval: 0 }),
    );
    const results = await Promise.all(
      stores.map((store, index) =>
        store.claim('same', { fingerprint: 'f', token: `t${index}`, leaseMs: 60_000 }),
      ),
    );
    expect(results.filter((result) => result.claimed)).toHaveLength(1);
    const { rows } = await pool.query(
      "SELECT count(*)::int AS n FROM api.idempotency_keys WHERE key = 'same'",
    );
    expect(rows[0]).toEqual({ n: 1 });
  });

  it('deletes lapsed records in its sweep', async () => {
    const store = postgresIdempotencyStore({ pool, table: 'swept', sweepInterval: 50 });
    await store.claim('lapsing', { fingerprint: 'f', token: 't', leaseMs: 1 });
    let count = 1;
    while (count > 0) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const { rows } = await pool.query<{ count: number }>('SELECT count(*)::int AS count FROM swept');
      count = rows[0]?.count ?? 0;
    }
    await store.close?.();
    expect(count).toBe(0);
  });

  it('refuses a table name that is not a plain or schema-qualified identifier', () => {
    expect(() => postgresIdempotencyStore({ pool, table: 'x"; DROP TABLE y; --' })).toThrow(
      /table must match/,
    );
  });

  sharedStoreScenarios({
    kind: 'postgres',
    target: () => postgres.url,
    store: () => postgresIdempotencyStore({ pool }),
  });

  it('fails closed with a typed 503 when the database is unreachable', async () => {
    const unreachable = new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:1/postgres', max: 1 });
    const app = await startOrderApp({
      guard: { store: postgresIdempotencyStore({ pool: unreachable, closePool: true }), timeout: 1000 },
    });
    try {
      const answer = await postOrder(app.url, `"${crypto.randomUUID()}"`, { sku: 'A1' });
      expect([answer.status, JSON.parse(answer.body).code]).toEqual([503, 'IDEMPOTENCY_STORE_UNAVAILABLE']);
      expect(app.runs()).toBe(0);
    } finally {
      await app.close();
    }
  });
});

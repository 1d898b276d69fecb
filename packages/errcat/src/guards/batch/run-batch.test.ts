import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { defineCatalog } from '../../define-catalog.js';
import { rstmdbBatchResult, rstmdbProfile } from '../../profiles/rstmdb-profile.js';
import { fromDatabaseError } from '../database/from-database-error.js';
import { notFound } from '../lifecycle/lifecycle-errors.js';
import { renderBatch } from './render-batch.js';
import { runBatch } from './run-batch.js';

const dir = mkdtempSync(join(tmpdir(), 'errcat-batch-'));
const db = new Database(join(dir, 'batch.db'));
db.exec('CREATE TABLE instances (id TEXT PRIMARY KEY, state TEXT NOT NULL)');

/** An async transaction over better-sqlite3's synchronous connection. */
async function transaction<T>(work: () => Promise<T>): Promise<T> {
  db.exec('BEGIN');
  try {
    const result = await work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

const insert = db.prepare('INSERT INTO instances (id, state) VALUES (?, ?)');
const count = () => (db.prepare('SELECT count(*) AS n FROM instances').get() as { n: number }).n;
const create = (id: string) => {
  if (id === 'missing') throw notFound({ resource: 'machine', id }, { catalog: rstmdb });
  if (id === 'boom') throw new Error('SELECT secret FROM vault');
  insert.run(id, 'created');
  return { instance_id: id };
};

// Seed 002 (rstmdb) codes for the roles a batch raises.
const rstmdb = defineCatalog({
  domain: 'rstmdb',
  errors: {
    INSTANCE_EXISTS: {
      code: 'INSTANCE_EXISTS',
      status: 409,
      message: 'Instance already exists',
      role: 'UNIQUE_VIOLATION',
    },
    NOT_FOUND: { code: 'NOT_FOUND', status: 404, message: 'Not found', role: 'NOT_FOUND' },
    INTERNAL_ERROR: {
      code: 'INTERNAL_ERROR',
      status: 500,
      message: 'An unexpected error occurred',
      retryable: true,
      role: 'INTERNAL_ERROR',
    },
  },
});
const options = {
  catalog: rstmdb,
  transaction,
  toError: (error: unknown) => fromDatabaseError(error, { catalog: rstmdb }),
};

afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('runBatch', () => {
  it('best_effort: runs every item and reports each outcome', async () => {
    const result = await runBatch(['a', 'missing', 'a', 'boom', 'b'], create, options);
    expect(
      result.results.map((item) => [item.status, item.status === 'ok' ? item.result : item.error.code]),
    ).toEqual([
      ['ok', { instance_id: 'a' }],
      ['error', 'NOT_FOUND'],
      ['error', 'INSTANCE_EXISTS'],
      ['error', 'INTERNAL_ERROR'],
      ['ok', { instance_id: 'b' }],
    ]);
    expect([result.mode, result.ok, result.succeeded, result.failed]).toEqual(['best_effort', false, 2, 3]);
    expect(count()).toBe(2);
  });

  it('atomic: commits all items, or rolls all back and marks the rest aborted', async () => {
    const before = count();
    const done = await runBatch(['c', 'd'], create, { ...options, mode: 'atomic' });
    expect([done.ok, done.succeeded, count() - before]).toEqual([true, 2, 2]);

    const failed = await runBatch(['e', 'c', 'f'], create, { ...options, mode: 'atomic' });
    expect(
      failed.results.map((item) => [item.status, item.status === 'ok' ? item.result : item.error.code]),
    ).toEqual([
      ['aborted', 'BATCH_ITEM_ABORTED'],
      ['error', 'INSTANCE_EXISTS'],
      ['aborted', 'BATCH_ITEM_ABORTED'],
    ]);
    expect([failed.ok, failed.succeeded, failed.failed, failed.failure?.index]).toEqual([false, 0, 1, 1]);
    expect(count() - before).toBe(2);
    expect(db.prepare("SELECT id FROM instances WHERE id = 'e'").get()).toBeUndefined();
  });

  it('atomic: a failing commit fails the whole batch without an item index', async () => {
    const failingCommit = async <T>(work: () => Promise<T>): Promise<T> => {
      await work();
      throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    };
    const result = await runBatch(['x'], (id) => id, {
      mode: 'atomic',
      transaction: failingCommit,
      toError: fromDatabaseError,
    });
    expect([result.ok, result.failure?.index, result.failure?.error.code, result.results[0]?.status]).toEqual(
      [false, undefined, 'DATABASE_BUSY', 'aborted'],
    );
  });

  it('atomic without a transaction is a usage error', () => {
    expect(() => runBatch([1], (n) => n, { mode: 'atomic' })).toThrow(/transaction/);
  });
});

describe('renderBatch', () => {
  it('renders per-item results in the rstmdb BATCH shape (seed 002)', async () => {
    const result = await runBatch(['g', 'missing'], create, options);
    const rendered = renderBatch(result, {
      profile: rstmdbProfile,
      results: rstmdbBatchResult,
      context: { requestId: '7' },
    });
    expect(rendered.status).toBe(200);
    expect(JSON.parse(rendered.body)).toEqual({
      type: 'response',
      id: '7',
      status: 'ok',
      result: {
        results: [
          { status: 'ok', result: { instance_id: 'g' } },
          {
            status: 'error',
            error: {
              code: 'NOT_FOUND',
              message: 'Not found',
              retryable: false,
              details: { resource: 'machine', id: 'missing' },
            },
          },
        ],
      },
    });
  });

  it('renders neutral per-item problem objects by default, and leaks nothing', async () => {
    const result = await runBatch(['h', 'boom'], create, options);
    const rendered = renderBatch(result);
    expect(rendered.headers['content-type']).toBe('application/json');
    const body = JSON.parse(rendered.body);
    expect(body.results[0]).toEqual({ status: 'ok', result: { instance_id: 'h' } });
    expect(body.results[1]).toMatchObject({
      status: 'error',
      error: { status: 500, code: 'INTERNAL_ERROR' },
    });
    expect(rendered.body).not.toContain('SELECT');
  });

  it('answers a failed atomic batch like the failing item alone', async () => {
    const result = await runBatch(['i', 'missing'], create, { ...options, mode: 'atomic' });
    const rendered = renderBatch(result, { profile: rstmdbProfile });
    expect(rendered.status).toBe(404);
    expect(JSON.parse(rendered.body)).toMatchObject({ status: 'error', error: { code: 'NOT_FOUND' } });
  });
});

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { storeConformance } from 'errcat/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { checkStoreModel } from '../../../test-support/idempotency-model.js';
import { sharedStoreScenarios } from '../../../test-support/idempotency-scenarios.js';
import { sqliteIdempotencyStore } from './sqlite-idempotency-store.js';

const dir = mkdtempSync(join(tmpdir(), 'errcat-sqlite-'));
const file = (name: string) => join(dir, `${name}.db`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sqliteIdempotencyStore', () => {
  describe('passes the store conformance suite (a file, a fake clock)', () => {
    let clock = 0;
    storeConformance({
      create: () =>
        sqliteIdempotencyStore({
          database: new Database(file('conformance')),
          now: () => clock,
          closeDatabase: true,
        }),
      sleep: async (ms) => {
        clock += ms;
      },
      test: it,
    });
  });

  it('behaves as the store state machine model says (fc.commands)', async () => {
    await checkStoreModel((now) =>
      sqliteIdempotencyStore({ database: new Database(':memory:'), now, closeDatabase: true }),
    );
  });

  it('lets exactly one of several processes sharing the file claim a key', async () => {
    const shared = file('processes');
    // Create the table first, so that the processes race on the claim, not on CREATE TABLE.
    sqliteIdempotencyStore({ database: new Database(shared), closeDatabase: true }).close?.();
    const start = Date.now() + 1500;
    const script = `
      import Database from 'better-sqlite3';
      import { sqliteIdempotencyStore } from '@errcat/sqlite';
      const store = sqliteIdempotencyStore({ database: new Database(${JSON.stringify(shared)}), closeDatabase: true });
      while (Date.now() < ${start}) {}
      let won = 0;
      for (let i = 0; i < 20; i++) {
        const result = store.claim('race:' + i, { fingerprint: 'f', token: String(process.pid), leaseMs: 60000 });
        if (result.claimed) won++;
      }
      store.close();
      console.log(won);
    `;
    const run = promisify(execFile);
    const outputs = await Promise.all(
      Array.from({ length: 4 }, () =>
        run(
          process.execPath,
          ['--conditions=@errcat/source', '--import', 'tsx', '--input-type=module', '-e', script],
          {
            cwd: join(import.meta.dirname, '..'),
          },
        ),
      ),
    );
    const won = outputs.map(({ stdout }) => Number(stdout.trim()));
    // 20 keys, each won by exactly one of the 4 processes.
    expect(won.reduce((sum, count) => sum + count, 0)).toBe(20);
  });

  sharedStoreScenarios({
    kind: 'sqlite',
    target: (scenario) => file(scenario),
    store: () => sqliteIdempotencyStore({ database: new Database(file('burst')), closeDatabase: true }),
  });

  it('refuses a table name that is not a plain identifier', () => {
    expect(() =>
      sqliteIdempotencyStore({ database: new Database(':memory:'), table: 'x; DROP TABLE y' }),
    ).toThrow(/table must match/);
  });
});

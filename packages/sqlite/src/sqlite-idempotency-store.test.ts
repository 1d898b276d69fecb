import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { storeConformance } from 'errcat/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { burst, startOrderApp } from '../../../test-support/idempotency-app.js';
import { checkStoreModel } from '../../../test-support/idempotency-model.js';
import { sharedStoreScenarios } from '../../../test-support/idempotency-scenarios.js';
import { sqliteIdempotencyStore } from './sqlite-idempotency-store.js';

const dir = mkdtempSync(join(tmpdir(), 'errcat-sqlite-'));
const file = (name: string) => join(dir, `${name}.db`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The conformance suite (a file, a fake clock) and the model check, for one way of committing. */
function conformsToTheModel(groupCommit: boolean): void {
  describe('passes the store conformance suite (a file, a fake clock)', () => {
    let clock = 0;
    storeConformance({
      create: () =>
        sqliteIdempotencyStore({
          database: new Database(file(groupCommit ? 'conformance-grouped' : 'conformance')),
          now: () => clock,
          closeDatabase: true,
          groupCommit,
        }),
      sleep: async (ms) => {
        clock += ms;
      },
      test: it,
    });
  });

  it('behaves as the store state machine model says (fc.commands)', async () => {
    await checkStoreModel((now) =>
      sqliteIdempotencyStore({ database: new Database(':memory:'), now, closeDatabase: true, groupCommit }),
    );
  });
}

describe('sqliteIdempotencyStore', () => {
  conformsToTheModel(false);

  describe('with groupCommit', () => {
    conformsToTheModel(true);

    it('answers the calls of one turn from one commit, and each only after it', async () => {
      const shared = file('grouped');
      const store = sqliteIdempotencyStore({ database: new Database(shared), groupCommit: true });
      const reader = new Database(shared, { readonly: true });
      const visible = () =>
        (reader.prepare('SELECT count(*) AS n FROM errcat_idempotency').get() as { n: number }).n;
      const lease = { fingerprint: 'f', leaseMs: 60_000 };
      const calls = [0, 1, 2].map((n) => store.claim(`k${n}`, { ...lease, token: `t${n}` }));
      // Queued for the end of the turn: another connection sees none of them yet.
      expect(visible()).toBe(0);
      const [first, again] = await Promise.all([
        calls[0],
        store.claim('k0', { ...lease, token: 'u' }),
        ...calls.slice(1),
      ]);
      expect(visible()).toBe(3);
      expect(first).toEqual({ claimed: true });
      expect(again).toMatchObject({ claimed: false, record: { state: 'running', fingerprint: 'f' } });
      await store.close?.();
      reader.close();
    });

    it('commits what is still queued when closed', async () => {
      const shared = file('grouped-close');
      const store = sqliteIdempotencyStore({
        database: new Database(shared),
        groupCommit: true,
        closeDatabase: true,
      });
      const claimed = store.claim('k', { fingerprint: 'f', token: 't', leaseMs: 60_000 });
      await store.close?.();
      await expect(claimed).resolves.toEqual({ claimed: true });
      const reopened = sqliteIdempotencyStore({ database: new Database(shared), closeDatabase: true });
      expect(reopened.get('k')).toMatchObject({ state: 'running' });
      reopened.close?.();
    });

    it('runs the handler once for 200 concurrent requests with one key (HTTP)', async () => {
      const store = sqliteIdempotencyStore({
        database: new Database(file('grouped-burst')),
        closeDatabase: true,
        groupCommit: true,
      });
      const app = await startOrderApp({ guard: { store }, delayMs: 50 });
      try {
        const tally = await burst(app.url, 200, `"${crypto.randomUUID()}"`, { sku: 'A1' });
        expect(tally.other).toEqual([]);
        expect([tally.created, app.runs()]).toEqual([1, 1]);
        expect(tally.created + tally.replayed + tally.inProgress).toBe(200);
      } finally {
        await app.close();
      }
    });
  });

  it('lets exactly one of several processes sharing the file claim a key', async () => {
    // 20 keys, each won by exactly one of the 4 processes.
    expect(await claimRace(file('processes'), false)).toBe(20);
  });

  it('lets exactly one of several processes claim a key, each committing its claims together', async () => {
    expect(await claimRace(file('processes-grouped'), true)).toBe(20);
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

/**
 * Four processes open the same file and race to claim the same 20 keys, one at a time or (with
 * `groupCommit`) all in one turn; resolves with how many claims they won together.
 */
async function claimRace(shared: string, grouped: boolean): Promise<number> {
  // Create the table first, so that the processes race on the claim, not on CREATE TABLE.
  sqliteIdempotencyStore({ database: new Database(shared), closeDatabase: true }).close?.();
  const start = Date.now() + 1500;
  const script = `
    import Database from 'better-sqlite3';
    import { sqliteIdempotencyStore } from '@errcat/sqlite';
    const store = sqliteIdempotencyStore({ database: new Database(${JSON.stringify(shared)}), closeDatabase: true, groupCommit: ${grouped} });
    while (Date.now() < ${start}) {}
    const claims = [];
    for (let i = 0; i < 20; i++) {
      claims.push(store.claim('race:' + i, { fingerprint: 'f', token: String(process.pid), leaseMs: 60000 }));
    }
    const won = (await Promise.all(claims)).filter((result) => result.claimed).length;
    store.close();
    console.log(won);
  `;
  const run = promisify(execFile);
  const outputs = await Promise.all(
    Array.from({ length: 4 }, () =>
      run(
        process.execPath,
        ['--conditions=@errcat/source', '--import', 'tsx', '--input-type=module', '-e', script],
        { cwd: join(import.meta.dirname, '..') },
      ),
    ),
  );
  return outputs.reduce((sum, { stdout }) => sum + Number(stdout.trim()), 0);
}

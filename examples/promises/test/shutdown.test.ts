/**
 * SIGTERM mid-load, end to end: `npm start` (src/main.ts) runs in its own process on an SQLite
 * file; 20 keep-alive connections post creates back to back; the process gets SIGTERM while every
 * connection has a request in transit. Each request must be answered (201, or the catalog's
 * SHUTTING_DOWN 5030 with `Connection: close`), no connection reset, and every acknowledged create
 * must be in the database after the exit.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { loadUntilClosed, send } from '../../../test-support/keep-alive-load.js';
import { openSqliteDatabase } from '../src/storage/sqlite-database.js';
import { signToken } from '../src/tokens.js';

const SECRET = 'shutdown-test-secret-of-the-promises-service';
const CONNECTIONS = 20;
const RUNS = 2;
/** Creates each connection gets acknowledged before the signal: every one of them is mid-loop. */
const BEFORE_SIGNAL = 5;
const LATER = Date.UTC(2100, 0, 1);

const children: ChildProcess[] = [];
const dirs: string[] = [];

afterAll(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

interface Tally {
  /** The ids of the creates answered 201. */
  acknowledged: string[];
  /** The acknowledged ids the database does not have after the exit. */
  lost: string[];
  shuttingDown: number;
  closeOnDraining: number;
  errors: string[];
  exitCode: number | string;
}

async function run(round: number): Promise<Tally> {
  const dir = await mkdtemp(join(tmpdir(), 'errcat-shutdown-'));
  dirs.push(dir);
  const database = join(dir, 'promises.db');
  const child = spawn(
    process.execPath,
    ['--conditions=@errcat/source', '--import', 'tsx', 'examples/promises/src/main.ts'],
    {
      env: { ...process.env, PORT: '0', DATABASE_URL: database, JWT_SECRET: SECRET },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  children.push(child);
  const exited = once(child, 'exit').then(([code, signal]) => (code ?? signal) as number | string);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  while (!/READ_TOKEN=/.test(output)) await once(child.stdout as NodeJS.ReadableStream, 'data');
  const base = /listening on (http:\/\/\S+?)\/?$/m.exec(output)?.[1] ?? '';

  const tokens = await Promise.all(
    Array.from({ length: CONNECTIONS }, (_, n) => signToken({ secret: SECRET, subject: `load-${n}` })),
  );
  const connections = await loadUntilClosed({
    connections: CONNECTIONS,
    request: (agent, n, i) => {
      const body = JSON.stringify({ id: `r${round}-c${n}-${i}`, timeout: LATER });
      return send(`${base}/promises`, {
        agent,
        method: 'POST',
        headers: {
          authorization: `Bearer ${tokens[n]}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
        body,
      });
    },
    signalAfter: BEFORE_SIGNAL,
    signal: () => child.kill('SIGTERM'),
  });
  const tally: Tally = {
    acknowledged: [],
    lost: [],
    shuttingDown: 0,
    closeOnDraining: 0,
    errors: [],
    exitCode: -1,
  };
  for (const [n, answers] of connections.entries()) {
    for (const [i, answer] of answers.entries()) {
      if (answer.error !== undefined) tally.errors.push(answer.error);
      else if (answer.status === 201) tally.acknowledged.push(`r${round}-c${n}-${i}`);
      else {
        expect([answer.status, answer.connection, answer.body]).toEqual([
          503,
          'close',
          expect.stringMatching(/"code":5030/),
        ]);
        tally.shuttingDown++;
      }
    }
    if (answers.at(-1)?.status === 201 && answers.at(-1)?.connection === 'close') tally.closeOnDraining++;
  }
  tally.exitCode = await exited;

  const db = openSqliteDatabase({ file: database, readonly: true });
  try {
    const stored = await db.read(async (tx) =>
      Promise.all(tally.acknowledged.map(async (id) => (await tx.getPromise(id)) !== undefined)),
    );
    tally.lost = tally.acknowledged.filter((_, i) => !stored[i]);
  } finally {
    await db.close();
  }
  return tally;
}

test(`SIGTERM with ${CONNECTIONS} keep-alive connections posting creates: no reset, every request answered, no acknowledged write lost`, async () => {
  for (let round = 0; round < RUNS; round++) {
    const tally = await run(round);
    console.log(
      `shutdown run ${round + 1}: ${tally.acknowledged.length} creates acknowledged, ${tally.errors.length} resets/errors, ` +
        `${tally.shuttingDown} SHUTTING_DOWN, ${tally.closeOnDraining} 201 + Connection: close, ` +
        `${tally.lost.length} acknowledged writes lost, exit ${tally.exitCode}`,
    );
    expect(tally.errors).toEqual([]);
    expect(tally.lost).toEqual([]);
    expect(tally.exitCode).toBe(0);
    // Every connection ended on an answer that told it to close.
    expect(tally.shuttingDown + tally.closeOnDraining).toBe(CONNECTIONS);
  }
}, 60_000);

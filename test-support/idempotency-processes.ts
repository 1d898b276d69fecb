/**
 * Idempotency scenarios across processes sharing one store: a server killed with SIGKILL in the
 * middle of its handler, and a burst spread over several servers. The servers run
 * test-support/idempotency-child.ts.
 */
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { type BurstTally, burst, postOrder, startOrderApp } from './idempotency-app.js';
import { openStore, type StoreKind } from './idempotency-stores.js';

const here = dirname(fileURLToPath(import.meta.url));

/** A running child server. */
interface ChildServer {
  readonly url: string;
  /** Resolves with the next stdout line. */
  next(): Promise<string>;
  /** Every stdout line after the port line, so far. */
  readonly lines: string[];
  /** Kills it with SIGKILL and waits for it to be gone. */
  kill(): Promise<void>;
}

async function spawnServer(env: Record<string, string>): Promise<ChildServer> {
  const child: ChildProcessByStdio<null, Readable, Readable> = spawn(
    process.execPath,
    ['--conditions=@errcat/source', '--import', 'tsx', join(here, 'idempotency-child.ts')],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stderr.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  });
  const exited = once(child, 'exit');
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    const waiter = waiting.shift();
    if (waiter) waiter(line);
    else lines.push(line);
  });
  const next = () =>
    lines.length > 0
      ? Promise.resolve(lines.shift() as string)
      : Promise.race([
          new Promise<string>((resolve) => waiting.push(resolve)),
          exited.then(() => {
            throw new Error(`the child server exited: ${log}`);
          }),
        ]);
  const { port } = JSON.parse(await next()) as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    next,
    lines,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** What the crash scenario saw. */
export interface CrashOutcome {
  /** The status of a retry sent right after the kill (409: the dead claim still holds the key). */
  readonly retryDuringLease: number;
  /** Milliseconds from the kill until a retry ran (about the lease). */
  readonly recoveredAfterMs: number;
  /** The status of that first successful retry. */
  readonly recoveredStatus: number;
  /** Whether it was a replay (it must not be: the dead request stored nothing). */
  readonly recoveredReplayed: boolean;
  /** Runs of the handler in the surviving server (1). */
  readonly survivorRuns: number;
  /** Status and replay mark of one more retry (201, replayed: the answer was not lost). */
  readonly afterwards: readonly [number, string | null];
}

/**
 * A server process claims a key and is killed with SIGKILL mid-handler; a surviving server on the
 * same store must answer 409 while the dead claim's lease (`lease` seconds) runs, then run the
 * request, then replay that answer.
 *
 * @example
 * ```ts
 * const outcome = await crashScenario('sqlite', file, 2);
 * expect(outcome.survivorRuns).toBe(1);
 * ```
 */
export async function crashScenario(kind: StoreKind, target: string, lease: number): Promise<CrashOutcome> {
  const doomed = await spawnServer({ STORE: kind, TARGET: target, LEASE: String(lease), MODE: 'hang' });
  const survivor = await startOrderApp({ guard: { store: await openStore(kind, target), lease } });
  try {
    const key = `"${crypto.randomUUID()}"`;
    const body = { sku: 'crash-1' };
    // The request to the doomed server never gets an answer.
    const lost = postOrder(doomed.url, key, body).catch(() => undefined);
    if ((await doomed.next()) !== 'running') throw new Error('the child did not start its handler');
    await doomed.kill();
    const killedAt = performance.now();
    await lost;
    const during = await postOrder(survivor.url, key, body);
    let retry = during;
    while (retry.status === 409) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      retry = await postOrder(survivor.url, key, body);
    }
    const recoveredAfterMs = performance.now() - killedAt;
    const again = await postOrder(survivor.url, key, body);
    return {
      retryDuringLease: during.status,
      recoveredAfterMs,
      recoveredStatus: retry.status,
      recoveredReplayed: retry.headers.has('idempotent-replayed'),
      survivorRuns: survivor.runs(),
      afterwards: [again.status, again.headers.get('idempotent-replayed')],
    };
  } finally {
    await doomed.kill();
    await survivor.close();
  }
}

/**
 * Sends `count` requests with one key spread over `processes` server processes sharing the store,
 * and counts the handler runs of all of them. Each server first answers ten requests of its own
 * (distinct keys), so that its connections to the store are open: a cold pool facing a burst may
 * exceed the guard's timeout and answer 503, which is correct but not what this scenario measures.
 *
 * @example
 * ```ts
 * const { tally, handlerRuns } = await multiProcessBurst('redis', redis.url, 4, 200);
 * ```
 */
export async function multiProcessBurst(
  kind: StoreKind,
  target: string,
  processes: number,
  count: number,
): Promise<{ tally: BurstTally; handlerRuns: number }> {
  const servers = await Promise.all(
    Array.from({ length: processes }, () => spawnServer({ STORE: kind, TARGET: target, MODE: 'serve' })),
  );
  // A child prints `run` before it answers, but its stdout may reach us after the answer did.
  const settledRuns = async () => {
    await new Promise((resolve) => setTimeout(resolve, 200));
    return servers.reduce((sum, server) => sum + server.lines.filter((line) => line === 'run').length, 0);
  };
  try {
    await Promise.all(
      servers.flatMap((server) =>
        Array.from({ length: 10 }, () => postOrder(server.url, `"${crypto.randomUUID()}"`, { sku: 'warm' })),
      ),
    );
    const before = await settledRuns();
    const urls = servers.map((server) => server.url);
    const tally = await burst(urls, count, `"${crypto.randomUUID()}"`, { sku: 'spread' });
    return { tally, handlerRuns: (await settledRuns()) - before };
  } finally {
    await Promise.all(servers.map((server) => server.kill()));
  }
}

/**
 * The promises service for `bench/promises.bench.ts`, in a process of its own. Forked with
 * `ERRCAT_BENCH_GUARDS=1` (or `0`) and `ERRCAT_BENCH_SECRET`, it starts the service on 127.0.0.1
 * with a fresh SQLite file, reports its URL over IPC, answers `cpu` with its CPU time, and exits
 * when the parent disconnects.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startService } from '../../examples/promises/src/service.js';

const secret = process.env.ERRCAT_BENCH_SECRET;
if (!process.send || secret === undefined)
  throw new Error('start me with an IPC channel and ERRCAT_BENCH_SECRET');

const dir = mkdtempSync(join(tmpdir(), 'errcat-bench-promises-'));
// Limits far above the load: the benchmark measures what the guards cost, not what they refuse.
const unlimited = { limit: 100_000_000, window: 60, burst: 1_000_000 };
const service = await startService({
  port: 0,
  jwtSecret: secret,
  database: join(dir, 'promises.db'),
  guards: process.env.ERRCAT_BENCH_GUARDS === '1',
  rateLimits: { address: { ...unlimited, key: 'ip' }, user: { ...unlimited, key: 'user' } },
  logger: false,
});
process.send({ url: service.url });
process.on('message', (message) => {
  if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() });
});
process.on('disconnect', () => {
  void service.shutdown().finally(() => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
});

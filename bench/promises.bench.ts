/**
 * End to end: the promises service (examples/promises) under a mixed workload, with errcat's guards
 * (load shedding, rate limits per address and per user, idempotency keys) and without them (the
 * baseline: the same service, errors still rendered from the catalog). Each runs in its own
 * process on 127.0.0.1 with a fresh SQLite file, and autocannon in this one, pinned to different
 * cores where `taskset` exists.
 *
 * Each connection cycles through 50 requests: 45 succeed (25 reads, 5 searches, 5 creates and 5
 * resolves of the promise just created, both with an Idempotency-Key) and 5 fail, one of each
 * kind: 4040 not found, 4000 a search limit out of range, 4010 no token, 4030 already resolved,
 * 4090 already exists. Reported: requests per second, p99 latency and the server's CPU time per
 * request, best of the rounds; the guarded service's throughput ratio is printed next to its target
 * (≥ 0.85× the baseline). Then the token check alone is timed, with and without the cache.
 *
 * `ERRCAT_BENCH_PROMISES_SECONDS` sets the seconds per measurement (default 5, after 1 s of warm-up),
 * `ERRCAT_BENCH_PROMISES_ROUNDS` the rounds (default 2). With `ERRCAT_BENCH_PROFILE=<dir>` both
 * servers write a V8 CPU profile into `<dir>`, and the functions with the most self time in each,
 * after the warm-up, are printed after the table.
 */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJwtAuth } from '@errcat/jwt';
import autocannon from 'autocannon';
import { signToken, TOKEN_AUDIENCE, TOKEN_ISSUER } from '../examples/promises/src/tokens.js';
import { pinnedToCores, spawnBenchServer, stopBenchServer } from './support/bench-server.js';
import { profileTop } from './support/profile-top.js';
import { type BenchRow, printRatios, reportRatio } from './support/report.js';
import { formatRatio, type RatioTarget } from './support/svg-chart.js';

const SERVER_MODULE = join(dirname(fileURLToPath(import.meta.url)), 'support', 'promises-server.ts');
const SECONDS = Math.max(1, Math.min(60, Number(process.env.ERRCAT_BENCH_PROMISES_SECONDS ?? 5)));
const ROUNDS = Math.max(1, Math.min(10, Number(process.env.ERRCAT_BENCH_PROMISES_ROUNDS ?? 2)));
const CONNECTIONS = 32;
const PROFILE_DIR = process.env.ERRCAT_BENCH_PROFILE || undefined;
const SECRET = 'bench-secret-of-the-promises-service';
const LATER = 4_102_444_800_000;
/** Issue 15: every guard on costs at most 15% of the throughput. */
const TARGET: RatioTarget = { atLeast: 0.85 };
/** The statuses the workload expects; anything else (429, 5xx) fails the run. */
const EXPECTED = new Set([200, 201, 400, 401, 403, 404, 409]);

const CASES = { 'with errcat guards': '1', 'without guards (baseline)': '0' } as const;
type CaseName = keyof typeof CASES;

interface Server {
  readonly child: ChildProcess;
  readonly url: string;
}

async function startServer(guards: string): Promise<Server> {
  const { child, message } = await spawnBenchServer<{ url: string }>(
    SERVER_MODULE,
    { ERRCAT_BENCH_GUARDS: guards, ERRCAT_BENCH_SECRET: SECRET },
    'the promises service',
  );
  return { child, url: message.url };
}

const stopServer = (child: ChildProcess): Promise<void> => stopBenchServer(child, 15_000);

async function cpuOf(child: ChildProcess): Promise<number> {
  const reply = once(child, 'message') as Promise<[{ cpu: NodeJS.CpuUsage }]>;
  child.send('cpu');
  const [{ cpu }] = await reply;
  return cpu.user + cpu.system;
}

/** Creates the promises the workload reads (`bench-0`…`bench-99`) and `bench-done`, resolved. */
async function seed(url: string, token: string): Promise<void> {
  const post = (path: string, body: unknown) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  for (let n = 0; n < 100; n++) await post('/promises', { id: `bench-${n}`, timeout: LATER, param: { n } });
  await post('/promises', { id: 'bench-done', timeout: LATER });
  const resolved = await post('/promises/bench-done/resolve', { value: 'done' });
  if (resolved.status !== 200) throw new Error(`seeding failed: ${resolved.status} ${await resolved.text()}`);
}

type Request = autocannon.Request;
/** Per connection: the id of the promise its last create made, for the resolve that follows. */
type Context = { lastId?: string };

/** Numbers the created promises across every run of the workload, so ids never repeat. */
let sequence = 0;

/** One cycle of the workload: 45 successes and 5 errors, the errors spread through it. */
function workload(token: string): Request[] {
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const read = (n: number): Request => ({ method: 'GET', path: `/promises/bench-${n}`, headers: auth });
  const search: Request = { method: 'GET', path: '/promises?id=bench-*&limit=10', headers: auth };
  const create: Request = {
    method: 'POST',
    path: '/promises',
    headers: auth,
    setupRequest: (request: Request, context: Context) => {
      const id = `new-${process.pid}-${++sequence}`;
      context.lastId = id;
      return {
        ...request,
        headers: { ...auth, 'idempotency-key': `"create-${id}-0123456789"` },
        body: JSON.stringify({ id, timeout: LATER, param: { n: sequence } }),
      };
    },
  } as Request;
  const resolve: Request = {
    method: 'POST',
    path: '/promises',
    headers: auth,
    setupRequest: (request: Request, context: Context) => ({
      ...request,
      path: `/promises/${context.lastId}/resolve`,
      headers: { ...auth, 'idempotency-key': `"resolve-${context.lastId}-0123456789"` },
      body: JSON.stringify({ value: { ok: true } }),
    }),
  } as Request;
  const errors: Request[] = [
    { method: 'GET', path: '/promises/bench-missing', headers: auth },
    { method: 'GET', path: '/promises?limit=0', headers: auth },
    { method: 'GET', path: '/promises/bench-0' },
    { method: 'POST', path: '/promises/bench-done/resolve', headers: auth, body: '{}' },
    {
      method: 'POST',
      path: '/promises',
      headers: auth,
      body: JSON.stringify({ id: 'bench-0', timeout: LATER }),
    },
  ];
  const cycle: Request[] = [];
  for (let block = 0; block < 5; block++) {
    // Per block of 10: 5 reads, a search, a create and its resolve, another read, then one error.
    for (let n = 0; n < 5; n++) cycle.push(read(block * 20 + n));
    cycle.push(search, create, resolve, read(block * 20 + 7), errors[block] as Request);
  }
  return cycle;
}

interface Sample {
  readonly rate: number;
  readonly p99: number;
  readonly cpu: number;
  readonly errorShare: number;
}

async function measure(
  name: CaseName,
  server: Server,
  requests: Request[],
  seconds: number,
): Promise<Sample> {
  const before = await cpuOf(server.child);
  const result = await autocannon({ url: server.url, connections: CONNECTIONS, duration: seconds, requests });
  const cpu = (await cpuOf(server.child)) - before;
  const stats = (result as unknown as { statusCodeStats: Record<string, { count: number }> }).statusCodeStats;
  let total = 0;
  let failed = 0;
  for (const [status, { count }] of Object.entries(stats)) {
    if (!EXPECTED.has(Number(status))) throw new Error(`'${name}': ${count} responses with status ${status}`);
    total += count;
    if (Number(status) >= 400) failed += count;
  }
  if (result.errors > 0) throw new Error(`'${name}': ${result.errors} connection errors`);
  return {
    rate: result.requests.average,
    p99: result.latency.p99,
    cpu: cpu / total,
    errorShare: failed / total,
  };
}

function better(a: Sample | undefined, b: Sample): Sample {
  if (a === undefined) return b;
  return {
    rate: Math.max(a.rate, b.rate),
    p99: Math.min(a.p99, b.p99),
    cpu: Math.min(a.cpu, b.cpu),
    errorShare: b.errorShare,
  };
}

/**
 * What the service's token check costs in this process, with the verified-token cache the service
 * uses (the workload sends one token throughout) and without it (jose's HMAC check through
 * WebCrypto on every request). Process CPU time per call, best of 5 rounds: wall time would count
 * the wait for WebCrypto's thread, which other requests fill.
 */
async function printTokenChecks(token: string): Promise<void> {
  const headers = { authorization: `Bearer ${token}` };
  const cpuPerCall = async (tokenCacheSize: number): Promise<BenchRow> => {
    const auth = createJwtAuth({
      secret: SECRET,
      algorithms: ['HS256'],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      tokenCacheSize,
    });
    let best = Number.POSITIVE_INFINITY;
    for (let round = 0; round < 5; round++) {
      const start = process.cpuUsage();
      for (let call = 0; call < 2000; call++) await auth.authenticate(headers, ['promises:read']);
      const used = process.cpuUsage(start);
      best = Math.min(best, (used.user + used.system) / 2000);
    }
    const name = tokenCacheSize === 0 ? 'authenticate, no cache' : 'authenticate, token cached';
    return { name, nanos: best * 1000 };
  };
  const rows = [await cpuPerCall(0), await cpuPerCall(10_000)];
  console.log('\n### The token check alone (in process, CPU time per call)\n');
  printRatios(rows, 'authenticate, no cache', 'µs');
}

export default async function run(): Promise<void> {
  console.log(
    `${ROUNDS} rounds of ${SECONDS} s per case (best kept), ${CONNECTIONS} connections, 90% successes / 10% errors, server and load generator ${pinnedToCores ? 'pinned to cores 0 and 1' : 'not pinned'}\n`,
  );
  const token = await signToken({ secret: SECRET, subject: 'bench' });
  const servers = new Map<CaseName, Server>();
  const samples = new Map<CaseName, Sample>();
  let measuredSince = 0;
  try {
    for (const [name, guards] of Object.entries(CASES) as [CaseName, string][]) {
      const server = await startServer(guards);
      servers.set(name, server);
      await seed(server.url, token);
      await measure(name, server, workload(token), 1);
    }
    // The profile counts from here: start-up, seeding and warm-up left out.
    measuredSince = Number(process.hrtime.bigint() / 1000n);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, server] of servers) {
        samples.set(name, better(samples.get(name), await measure(name, server, workload(token), SECONDS)));
      }
    }
  } finally {
    await Promise.all([...servers.values()].map(({ child }) => stopServer(child)));
  }
  const baseline = samples.get('without guards (baseline)');
  console.log('| case | req/s | × baseline | p99 ms | server CPU µs/req | errors |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const [name, sample] of samples) {
    const ratio = sample.rate / (baseline?.rate ?? Number.NaN);
    const cells = [
      sample.rate.toFixed(0),
      sample === baseline ? formatRatio(ratio) : reportRatio(`${name} × baseline, req/s`, ratio, TARGET),
      sample.p99.toFixed(1),
      sample.cpu.toFixed(0),
      `${(sample.errorShare * 100).toFixed(1)}%`,
    ];
    console.log(`| ${name} | ${cells.join(' | ')} |`);
  }
  if (PROFILE_DIR !== undefined) {
    for (const [name, { child }] of servers) printProfile(PROFILE_DIR, name, child.pid, measuredSince);
  }
  await printTokenChecks(token);
}

/** The busiest functions of one server, from the CPU profile it wrote when it stopped. */
function printProfile(dir: string, name: CaseName, pid: number | undefined, since: number): void {
  const top = pid === undefined ? undefined : profileTop(dir, pid, 20, since);
  console.log(`\n${name}: self time, share of the busy samples${top ? '' : ' (no profile found)'}\n`);
  for (const item of top ?? []) console.log(`  ${(item.share * 100).toFixed(1).padStart(5)} %  ${item.name}`);
}

/**
 * HTTP throughput of an always-failing route (`GET /fail` → 404 with the same problem+json body):
 * raw node:http with a precomputed body (the floor), each framework's direct send, its idiomatic
 * throw path (Fastify + @fastify/sensible, Express + http-errors, Hono HTTPException), the same
 * framework throwing an errcat error, and that throw caught by a handler that sends the
 * precomputed body with the content type alone or with errcat's headers (what the throw costs
 * without any error library; errcat's ratio to the latter is errcat's own work). Each server runs
 * in its own child process on 127.0.0.1 and autocannon in this one, pinned to different cores when
 * `taskset` is there.
 *
 * The machine is shared and noisy, so ratios come from pairs, not from each case's best: the cases
 * are measured in many short rounds, each thrown-errcat-error case between its framework's
 * same-headers constant handler and its framework's own error path (for node:http, plain
 * `JSON.stringify`), the framework's other cases around them, in reverse order every other round,
 * so each pair shares the machine's state and neither side always goes first. Every ratio is
 * computed within each round, and the report gives the median of the rounds' ratios with their
 * middle half (first to third quartile, so one disturbed round does not widen it); the case table
 * gives each case's median. Next to requests per second it reports the server's CPU time per
 * request, which other load on the machine disturbs far less; the goals are checked on both.
 *
 * `ERRCAT_BENCH_HTTP_SECONDS` sets the seconds per measurement (default 0.5, fractions allowed,
 * after 1 s of warm-up per case), `ERRCAT_BENCH_HTTP_ROUNDS` the number of rounds (default 16,
 * half of them backwards), `ERRCAT_BENCH_HTTP_CASES` a comma-separated list of words that picks
 * the cases whose names contain one (`node,fastify`). With `ERRCAT_BENCH_PROFILE=<dir>` every
 * server writes a V8 CPU profile into `<dir>`, and the functions with the most self time in each
 * are printed after the tables.
 */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { pinnedToCores, spawnBenchServer, stopBenchServer } from './support/bench-server.js';
import { HTTP_CASES } from './support/http-servers.js';
import { profileTop } from './support/profile-top.js';
import { reportRatio } from './support/report.js';
import { formatRatio } from './support/svg-chart.js';

const SERVER_MODULE = join(dirname(fileURLToPath(import.meta.url)), 'support', 'http-servers.ts');
const SECONDS = Math.max(0.25, Math.min(60, Number(process.env.ERRCAT_BENCH_HTTP_SECONDS ?? 0.5)));
const ROUNDS = Math.max(1, Math.min(60, Number(process.env.ERRCAT_BENCH_HTTP_ROUNDS ?? 16)));
const CONNECTIONS = 32;
/** autocannon's sampling interval, in milliseconds. */
const SAMPLE_MS = 50;
const PROFILE_DIR = process.env.ERRCAT_BENCH_PROFILE || undefined;
const PROFILE_ITEMS = 15;
const WANTED = (process.env.ERRCAT_BENCH_HTTP_CASES ?? '').split(',').filter((word) => word !== '');
const FLOOR = 'node:http, precomputed body';
/**
 * Per framework: its label, its case prefix, the case that throws an errcat error, and the case
 * errcat's other goal there compares it with (the framework's own error path, or plain JSON).
 */
const FRAMEWORKS = [
  ['node:http', 'node:http', 'errcat/node, thrown errcat error', 'node:http, JSON.stringify'],
  ['Fastify', 'fastify', 'fastify, thrown errcat error', 'fastify, @fastify/sensible throw'],
  ['Express', 'express', 'express, thrown errcat error', 'express, http-errors throw'],
  ['Hono', 'hono', 'hono, thrown errcat error', 'hono, HTTPException throw'],
] as const;
/**
 * The chosen cases in the order of a round: every framework's cases together, each thrown errcat
 * error right after its same-headers constant handler and right before the case of its other goal,
 * so that both of its pairs are measured back to back.
 */
const CASES = ((): string[] => {
  const chosen = Object.keys(HTTP_CASES).filter(
    (name) => WANTED.length === 0 || WANTED.some((word) => name.includes(word)),
  );
  const moved = new Set<string>(FRAMEWORKS.flatMap(([, , errcat, other]) => [errcat, other]));
  const order = chosen.filter((name) => !moved.has(name));
  for (const [, framework, errcat, other] of FRAMEWORKS) {
    const sameHeaders = order.indexOf(`${framework}, throw to a constant handler, same headers`);
    const last = order.findLastIndex((name) => name.startsWith(`${framework},`));
    const at = sameHeaders !== -1 ? sameHeaders + 1 : last !== -1 ? last + 1 : order.length;
    order.splice(at, 0, ...[errcat, other].filter((name) => chosen.includes(name)));
  }
  return order;
})();

async function startCase(name: string): Promise<{ child: ChildProcess; url: string }> {
  const { child, message } = await spawnBenchServer<{ port: number }>(
    SERVER_MODULE,
    { ERRCAT_BENCH_CASE: name },
    `server for '${name}'`,
  );
  return { child, url: `http://127.0.0.1:${message.port}/fail` };
}

const stopCase = (child: ChildProcess): Promise<void> => stopBenchServer(child, 5000);

/** Checks that a case answers 404 with a JSON error, then warms it up. */
async function prepareCase(name: string, url: string): Promise<void> {
  const probe = await fetch(url);
  const body = (await probe.json()) as { code?: unknown; error?: unknown };
  if (probe.status !== 404 || (body.code === undefined && body.error === undefined)) {
    throw new Error(`'${name}' answered ${probe.status} ${JSON.stringify(body)}`);
  }
  await autocannon({ url, connections: CONNECTIONS, duration: 1 });
}

interface Sample {
  /** Requests per second. */
  readonly rate: number;
  /** Server CPU microseconds per request. */
  readonly cpu: number;
}

/** The server's CPU time so far, in microseconds. */
async function cpuOf(child: ChildProcess): Promise<number> {
  const reply = once(child, 'message') as Promise<[{ cpu: NodeJS.CpuUsage }]>;
  child.send('cpu');
  const [{ cpu }] = await reply;
  return cpu.user + cpu.system;
}

/** One measurement: requests per second, and the server's CPU microseconds per request. */
async function measureCase(name: string, server: { child: ChildProcess; url: string }): Promise<Sample> {
  const before = await cpuOf(server.child);
  // autocannon stops at its first sample after `duration`: sampling often keeps a short run short.
  const result = await autocannon({
    url: server.url,
    connections: CONNECTIONS,
    duration: SECONDS,
    sampleInt: SAMPLE_MS,
  });
  const cpu = (await cpuOf(server.child)) - before;
  const total = result.requests.total;
  if (result.errors > 0 || result['4xx'] !== total) {
    throw new Error(`'${name}': ${result.errors} errors, ${result['4xx']} of ${total} were 4xx`);
  }
  // Over the whole run rather than autocannon's average of its samples, which stops at a sample.
  const seconds = (result.finish.getTime() - result.start.getTime()) / 1000;
  return { rate: total / seconds, cpu: cpu / total };
}

/** The `q` quantile (0–1) of `values`, interpolated between neighbours; `NaN` for none. */
function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const low = sorted[Math.floor(at)] as number;
  const high = sorted[Math.ceil(at)] as number;
  return low + (high - low) * (at - Math.floor(at));
}

const median = (values: readonly number[]): number => quantile(values, 0.5);

/** The middle half of `values` (first to third quartile) as a table cell, such as `0.93–1.02`. */
function spread(values: readonly number[]): string {
  return `${quantile(values, 0.25).toFixed(2)}–${quantile(values, 0.75).toFixed(2)}`;
}

export default async function run(): Promise<void> {
  console.log(
    `${ROUNDS} rounds of ${SECONDS} s per case (ratios within each round, median of the rounds), ${CONNECTIONS} connections, server and load generator ${pinnedToCores ? 'pinned to cores 0 and 1' : 'not pinned'}\n`,
  );
  const servers = new Map<string, { child: ChildProcess; url: string }>();
  /** Per round, each case's sample. */
  const rounds: Map<string, Sample>[] = [];
  const pids = new Map<string, number | undefined>();
  let measuredSince = 0;
  try {
    for (const name of CASES) servers.set(name, await startCase(name));
    for (const [name, { child }] of servers) pids.set(name, child.pid);
    for (const [name, { url }] of servers) await prepareCase(name, url);
    // Profiles are read from here on, past start-up and warm-up.
    measuredSince = Number(process.hrtime.bigint() / 1000n);
    for (let round = 0; round < ROUNDS; round++) {
      // Every other round backwards: each pair stays adjacent, and neither side always goes first.
      const order = round % 2 === 0 ? CASES : [...CASES].reverse();
      const samples = new Map<string, Sample>();
      for (const name of order) {
        const server = servers.get(name);
        if (server !== undefined) samples.set(name, await measureCase(name, server));
      }
      rounds.push(samples);
    }
  } finally {
    await Promise.all([...servers.values()].map(({ child }) => stopCase(child)));
  }
  /** The case's median over the rounds. */
  const medianOf = (name: string): Sample => ({
    rate: median(rounds.map((samples) => samples.get(name)?.rate ?? Number.NaN)),
    cpu: median(rounds.map((samples) => samples.get(name)?.cpu ?? Number.NaN)),
  });
  const floor = medianOf(FLOOR);
  console.log(
    `| case (median of ${ROUNDS} rounds) | req/s | × floor | server CPU µs/req | × floor (by CPU) |`,
  );
  console.log('|---|---:|---:|---:|---:|');
  for (const name of Object.keys(HTTP_CASES).filter((name) => servers.has(name))) {
    const { rate, cpu } = medianOf(name);
    const cells = [
      rate.toFixed(0),
      (rate / floor.rate).toFixed(2),
      cpu.toFixed(1),
      (floor.cpu / cpu).toFixed(2),
    ];
    console.log(`| ${name} | ${cells.join(' | ')} |`);
  }

  const goals: [string, string, string, number][] = [
    [
      'errcat/node vs raw JSON.stringify',
      'errcat/node, thrown errcat error',
      'node:http, JSON.stringify',
      0.9,
    ],
    ['Fastify: errcat throw vs direct send', 'fastify, thrown errcat error', 'fastify, direct send', 0.9],
    [
      'Fastify: errcat throw vs @fastify/sensible throw',
      'fastify, thrown errcat error',
      'fastify, @fastify/sensible throw',
      3,
    ],
    ['Express: errcat throw vs direct send', 'express, thrown errcat error', 'express, direct send', 0.9],
    [
      'Express: errcat throw vs http-errors throw',
      'express, thrown errcat error',
      'express, http-errors throw',
      1.3,
    ],
    ['Hono: errcat throw vs direct send', 'hono, thrown errcat error', 'hono, direct send', 0.9],
    [
      'Hono: errcat throw vs HTTPException throw',
      'hono, thrown errcat error',
      'hono, HTTPException throw',
      1,
    ],
    // What errcat costs on top of the throw itself: against a handler that sends a constant body,
    // with the content type alone and with errcat's headers.
    ...FRAMEWORKS.flatMap(([label, framework, errcat]): [string, string, string, number][] => [
      [
        `${label}: errcat throw vs throw to a constant handler`,
        errcat,
        `${framework}, throw to a constant handler`,
        0.9,
      ],
      [
        `${label}: errcat throw vs throw to a constant handler, same headers`,
        errcat,
        `${framework}, throw to a constant handler, same headers`,
        0.9,
      ],
    ]),
    // Not goals: how much of the gap to the direct send is the throw path itself, errcat aside.
    ...FRAMEWORKS.map(([label, framework]): [string, string, string, number] => [
      `${label}: throw to a constant handler vs ${framework === 'node:http' ? 'precomputed body' : 'direct send'}`,
      `${framework}, throw to a constant handler`,
      framework === 'node:http' ? FLOOR : `${framework}, direct send`,
      0,
    ]),
  ];
  // Goals go into the report's chart by CPU, which other load on the machine disturbs far less.
  console.log(`\n| goal (median of the rounds' ratios) | by req/s | middle half | by CPU | middle half |`);
  console.log('|---|---:|---:|---:|---:|');
  for (const [label, a, b, target] of goals) {
    // A goal whose cases ERRCAT_BENCH_HTTP_CASES left out has nothing to say.
    if (!servers.has(a) || !servers.has(b)) continue;
    const pairs = rounds.map((samples) => [samples.get(a), samples.get(b)] as [Sample, Sample]);
    const byRate = pairs.map(([x, y]) => x.rate / y.rate);
    const byCpu = pairs.map(([x, y]) => y.cpu / x.cpu);
    const goal = target > 0 ? { atLeast: target } : undefined;
    const cpuCell = goal ? reportRatio(`${label}, by CPU`, median(byCpu), goal) : formatRatio(median(byCpu));
    console.log(
      `| ${label} | ${formatRatio(median(byRate), goal)} | ${spread(byRate)} | ${cpuCell} | ${spread(byCpu)} |`,
    );
  }
  if (PROFILE_DIR !== undefined) printProfiles(PROFILE_DIR, pids, measuredSince);
}

/** The busiest functions of each server, from the CPU profile it wrote when it stopped. */
function printProfiles(dir: string, pids: ReadonlyMap<string, number | undefined>, since: number): void {
  for (const [name, pid] of pids) {
    const top = pid === undefined ? undefined : profileTop(dir, pid, PROFILE_ITEMS, since);
    console.log(`\n${name}: self time, share of the busy samples${top ? '' : ' (no profile found)'}\n`);
    for (const { name: item, share } of top ?? [])
      console.log(`  ${(share * 100).toFixed(1).padStart(5)} %  ${item}`);
  }
}

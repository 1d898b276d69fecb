/**
 * HTTP throughput of an always-failing route (`GET /fail` → 404 with the same problem+json body):
 * raw node:http with a precomputed body (the floor), each framework's direct send, its idiomatic
 * throw path (Fastify + @fastify/sensible, Express + http-errors, Hono HTTPException), the same
 * framework throwing an errcat error, and that throw caught by a handler that sends the
 * precomputed body with the content type alone or with errcat's headers (what the throw costs
 * without any error library; errcat's ratio to the latter is errcat's own work). Each server runs in its own child process on 127.0.0.1 and
 * autocannon in this one, pinned to different cores when `taskset` is there. The cases are measured
 * in interleaved rounds and each keeps its best round, so a burst of load from elsewhere on the
 * machine does not decide a ratio. Next to requests per second it reports the server's CPU time per
 * request, which other load on the machine disturbs far less; the goals are checked on both.
 *
 * `ERRCAT_BENCH_HTTP_SECONDS` sets the seconds per measurement (default 3, after 1 s of warm-up),
 * `ERRCAT_BENCH_HTTP_ROUNDS` the number of rounds (default 3), `ERRCAT_BENCH_HTTP_CASES` a
 * comma-separated list of words that picks the cases whose names contain one (`node,fastify`).
 * With `ERRCAT_BENCH_PROFILE=<dir>` every server writes a V8 CPU profile into `<dir>`, and the
 * functions with the most self time in each are printed after the tables.
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
const SECONDS = Math.max(1, Math.min(60, Number(process.env.ERRCAT_BENCH_HTTP_SECONDS ?? 3)));
const ROUNDS = Math.max(1, Math.min(10, Number(process.env.ERRCAT_BENCH_HTTP_ROUNDS ?? 3)));
const CONNECTIONS = 32;
const PROFILE_DIR = process.env.ERRCAT_BENCH_PROFILE || undefined;
const PROFILE_ITEMS = 15;
const WANTED = (process.env.ERRCAT_BENCH_HTTP_CASES ?? '').split(',').filter((word) => word !== '');
const CASES = Object.keys(HTTP_CASES).filter(
  (name) => WANTED.length === 0 || WANTED.some((word) => name.includes(word)),
);
const FLOOR = 'node:http, precomputed body';
/** Per framework: its label, its case prefix, and the case that throws an errcat error. */
const FRAMEWORKS = [
  ['node:http', 'node:http', 'errcat/node, thrown errcat error'],
  ['Fastify', 'fastify', 'fastify, thrown errcat error'],
  ['Express', 'express', 'express, thrown errcat error'],
  ['Hono', 'hono', 'hono, thrown errcat error'],
] as const;

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
  const result = await autocannon({ url: server.url, connections: CONNECTIONS, duration: SECONDS });
  const cpu = (await cpuOf(server.child)) - before;
  if (result.errors > 0 || result['4xx'] !== result.requests.total) {
    throw new Error(
      `'${name}': ${result.errors} errors, ${result['4xx']} of ${result.requests.total} were 4xx`,
    );
  }
  return { rate: result.requests.average, cpu: cpu / result.requests.total };
}

function best(a: Sample | undefined, b: Sample): Sample {
  return a === undefined ? b : { rate: Math.max(a.rate, b.rate), cpu: Math.min(a.cpu, b.cpu) };
}

export default async function run(): Promise<void> {
  console.log(
    `${ROUNDS} rounds of ${SECONDS} s per case (best kept), ${CONNECTIONS} connections, server and load generator ${pinnedToCores ? 'pinned to cores 0 and 1' : 'not pinned'}\n`,
  );
  const servers = new Map<string, { child: ChildProcess; url: string }>();
  const samples = new Map<string, Sample>();
  const pids = new Map<string, number | undefined>();
  let measuredSince = 0;
  try {
    for (const name of CASES) servers.set(name, await startCase(name));
    for (const [name, { child }] of servers) pids.set(name, child.pid);
    for (const [name, { url }] of servers) await prepareCase(name, url);
    // Profiles are read from here on, past start-up and warm-up.
    measuredSince = Number(process.hrtime.bigint() / 1000n);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, server] of servers)
        samples.set(name, best(samples.get(name), await measureCase(name, server)));
    }
  } finally {
    await Promise.all([...servers.values()].map(({ child }) => stopCase(child)));
  }
  const floor = samples.get(FLOOR) ?? { rate: Number.NaN, cpu: Number.NaN };
  console.log(`| case | req/s | × floor | server CPU µs/req | × floor (by CPU) |`);
  console.log('|---|---:|---:|---:|---:|');
  for (const [name, { rate, cpu }] of samples) {
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
  console.log(`\n| goal | by req/s | by CPU |`);
  console.log('|---|---:|---:|');
  for (const [label, a, b, target] of goals) {
    const x = samples.get(a);
    const y = samples.get(b);
    // A goal whose cases ERRCAT_BENCH_HTTP_CASES left out has nothing to say.
    if (x === undefined || y === undefined) continue;
    const byRate = x.rate / y.rate;
    const byCpu = y.cpu / x.cpu;
    const goal = target > 0 ? { atLeast: target } : undefined;
    const cpuCell = goal ? reportRatio(`${label}, by CPU`, byCpu, goal) : formatRatio(byCpu);
    console.log(`| ${label} | ${formatRatio(byRate, goal)} | ${cpuCell} |`);
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

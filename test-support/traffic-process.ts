/**
 * Starts test-support/traffic-server.ts in its own Node process and waits until it listens.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { type Agent, request } from 'node:http';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** A traffic-server process. */
export interface TrafficProcess {
  /** Its base URL, `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly child: ChildProcess;
  /** Resolves with the exit code (or signal) once the process has ended. */
  readonly exited: Promise<number | string>;
  /** Kills it if it still runs. */
  stop(): Promise<void>;
}

/** One answer of a traffic server, and when it was asked and answered. */
export interface TrafficAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
  /** Milliseconds from sending to the end of the answer. */
  readonly ms: number;
  /** Wall clock (Redis's clock too) at or before the server's decision: `Date.now()` when sent. */
  readonly sent: number;
  /** Wall clock after the server's decision: one millisecond past `Date.now()` at the answer. */
  readonly received: number;
}

/**
 * GETs `url` through `agent` and reads the whole answer.
 *
 * @example
 * ```ts
 * const answer = await getAnswer(`${server.url}/work`, agent);
 * ```
 */
export function getAnswer(url: string, agent: Agent): Promise<TrafficAnswer> {
  const sent = Date.now();
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body,
          ms: performance.now() - started,
          sent,
          // Date.now() truncates: one more millisecond keeps the bound after the decision.
          received: Date.now() + 1,
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * Waits until the server has at least `count` requests in flight (this probe included), so a test
 * signals it only once its requests are really being handled, however loaded the machine is.
 *
 * @example
 * ```ts
 * await untilInFlight(server.url, 201); // 200 requests of the test, plus the probe
 * ```
 */
export async function untilInFlight(url: string, count: number): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt++) {
    const response = await fetch(`${url}/stats`, { headers: { connection: 'close' } });
    const { inFlight } = (await response.json()) as { inFlight: number };
    if (inFlight >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`the server never had ${count} requests in flight`);
}

/**
 * Spawns a traffic server with the given environment (see traffic-server.ts).
 *
 * @example
 * ```ts
 * const server = await startTrafficServer({ LIMIT: '100', REDIS_PORT: String(redis.port) });
 * ```
 */
export async function startTrafficServer(env: Record<string, string>): Promise<TrafficProcess> {
  const child = spawn(
    process.execPath,
    ['--conditions=@errcat/source', '--import', 'tsx', join(here, 'traffic-server.ts')],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // The server's own log goes to stderr; keep it for the error message of a crashed start.
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  });
  const exited = once(child, 'exit').then(([code, signal]) => (code ?? signal) as number | string);
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const first = await Promise.race([
    once(lines, 'line').then(([line]) => String(line)),
    exited.then((code) => {
      throw new Error(`traffic server exited early (${code}): ${log}`);
    }),
  ]);
  const { port } = JSON.parse(first) as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

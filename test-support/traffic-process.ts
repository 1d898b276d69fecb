/**
 * Starts test-support/traffic-server.ts in its own Node process and waits until it listens.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
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
    ['--conditions=source', '--import', 'tsx', join(here, 'traffic-server.ts')],
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

/**
 * Starts a private PostgreSQL for a test: a fresh cluster in a temporary directory, on a free
 * 127.0.0.1 port, trust authentication, stopped and deleted when the test is done. Tests run as
 * root, and PostgreSQL refuses to, so the binaries run as the `postgres` user.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chown, mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './redis.js';

const run = promisify(execFile);

/** Where Debian's postgresql package puts the server binaries; `.ci/run` installs it. */
export const POSTGRES_BIN = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';

/** A running private PostgreSQL. */
export interface TestPostgres {
  /** The port it listens on, on 127.0.0.1. */
  readonly port: number;
  /** A connection string for the `postgres` superuser and database. */
  readonly url: string;
  /** Stops the server and deletes its files; safe to call twice. */
  stop(): Promise<void>;
}

const asRoot = process.getuid?.() === 0;

/** Runs `initdb` as the `postgres` user (through `runuser`) when the test runs as root. */
function initdbCommand(args: readonly string[]): [string, string[]] {
  const path = join(POSTGRES_BIN, 'initdb');
  return asRoot ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, [...args]];
}

/**
 * Runs the server as the `postgres` user through `setpriv`, which execs in place: the server is
 * this process's own child, so signals reach it directly, and `--pdeathsig` makes the kernel stop
 * it (SIGQUIT, an immediate shutdown) if the test process dies without calling `stop()`.
 */
function serverCommand(args: readonly string[]): [string, string[]] {
  const path = join(POSTGRES_BIN, 'postgres');
  if (!asRoot) return [path, [...args]];
  return [
    'setpriv',
    ['--reuid=postgres', '--regid=postgres', '--init-groups', '--pdeathsig=SIGQUIT', '--', path, ...args],
  ];
}

async function postgresOwner(): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

async function accepts(port: number): Promise<boolean> {
  const socket = new Socket();
  try {
    socket.connect(port, '127.0.0.1');
    await once(socket, 'connect');
    return true;
  } catch {
    return false;
  } finally {
    socket.destroy();
  }
}

/** Waits until the server accepts connections and has finished starting (its log says so). */
async function waitReady(port: number, child: ChildProcess, log: string): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt++) {
    if (child.exitCode !== null) {
      const tail = await readFile(log, 'utf8').catch(() => '');
      throw new Error(`postgres exited with ${child.exitCode} on port ${port}:\n${tail.slice(-2000)}`);
    }
    const text = await readFile(log, 'utf8').catch(() => '');
    if (text.includes('ready to accept connections') && (await accepts(port))) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`postgres did not start on port ${port}`);
}

/**
 * Creates a cluster with `initdb` and starts `postgres` on a free port, tuned for tests (no fsync,
 * a short deadlock timeout). The server is killed if the test process exits without `stop()`.
 *
 * @example
 * ```ts
 * let pg: TestPostgres;
 * beforeAll(async () => { pg = await startPostgres(); });
 * afterAll(() => pg.stop());
 * // new pg.Client({ connectionString: pg.url })
 * ```
 */
export async function startPostgres(): Promise<TestPostgres> {
  const dir = await mkdtemp(join(tmpdir(), 'errcat-pg-'));
  if (asRoot) {
    const { uid, gid } = await postgresOwner();
    await chown(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const [initdb, initArgs] = initdbCommand([
    '-D',
    data,
    '-A',
    'trust',
    '-U',
    'postgres',
    '-E',
    'UTF8',
    '--locale=C',
    '--no-sync',
  ]);
  await run(initdb, initArgs);
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const log = join(dir, `postgres-${port}.log`);
    const [binary, args] = serverCommand([
      '-D',
      data,
      '-p',
      String(port),
      '-k',
      dir,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'deadlock_timeout=50ms',
    ]);
    const logFile = await open(log, 'w');
    const child = spawn(binary, args, { stdio: ['ignore', 'ignore', logFile.fd] });
    await logFile.close();
    child.on('error', () => {});
    const kill = () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT');
    };
    process.once('exit', kill);
    try {
      await waitReady(port, child, log);
    } catch (error) {
      // Another process took the port between the probe and the launch: try another one.
      lastError = error;
      process.removeListener('exit', kill);
      if (child.exitCode === null) {
        child.kill('SIGQUIT');
        await once(child, 'exit');
      }
      continue;
    }
    let stopped: Promise<void> | undefined;
    return {
      port,
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      stop() {
        stopped ??= (async () => {
          process.removeListener('exit', kill);
          if (child.exitCode === null && child.signalCode === null) {
            const exited = once(child, 'exit');
            // SIGINT is PostgreSQL's "fast" shutdown: open sessions are closed, not waited for.
            child.kill('SIGINT');
            await exited;
          }
          await rm(dir, { recursive: true, force: true });
        })();
        return stopped;
      },
    };
  }
  await rm(dir, { recursive: true, force: true });
  throw lastError;
}

import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';

/**
 * Whether the server and the load generator run on different cores: this process (autocannon)
 * is moved to core 1 and servers are started on core 0, where `taskset` exists and there are two
 * cores. Decided once, when the module loads.
 *
 * @example
 * ```ts
 * console.log(`server and load generator ${pinnedToCores ? 'pinned' : 'not pinned'}`);
 * ```
 */
export const pinnedToCores: boolean = (() => {
  if (availableParallelism() < 2) return false;
  try {
    execFileSync('taskset', ['-cp', '1', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/**
 * Starts a benchmark server module in its own Node process (on core 0 when pinned), with an IPC
 * channel, and resolves to the first message it sends once it listens.
 *
 * @example
 * ```ts
 * const { child, message } = await spawnBenchServer<{ port: number }>(module, { CASE: 'x' }, 'case x');
 * ```
 */
export async function spawnBenchServer<Message>(
  module: string,
  env: Readonly<Record<string, string>>,
  label: string,
): Promise<{ child: ChildProcess; message: Message }> {
  // ERRCAT_BENCH_PROFILE=<dir>: every server writes a V8 CPU profile there when it exits.
  const profile = process.env.ERRCAT_BENCH_PROFILE;
  const profiling = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
  const node = [process.execPath, ...profiling, '--conditions=@errcat/source', '--import', 'tsx', module];
  const [command, ...args] = pinnedToCores ? ['taskset', '-c', '0', ...node] : node;
  const child = spawn(command as string, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [message] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(() => {
      throw new Error(`${label} exited before listening`);
    }),
  ])) as [Message];
  return { child, message };
}

/**
 * Stops a benchmark server: closes its IPC channel (its cue to shut down) and kills it if it has
 * not exited after `graceMs`.
 *
 * @example
 * ```ts
 * await stopBenchServer(child, 5000);
 * ```
 */
export async function stopBenchServer(child: ChildProcess, graceMs: number): Promise<void> {
  const exited = once(child, 'exit');
  child.disconnect();
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The parts of a V8 `.cpuprofile` (what `node --cpu-prof` writes) that self time is read from. */
interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  }[];
  /** Microseconds on the monotonic clock (`process.hrtime`'s). */
  readonly startTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/**
 * One function of a CPU profile with the share of the busy time spent in it (its self time).
 *
 * @example
 * ```ts
 * const item: ProfileItem = { name: 'writeHead node:_http_server:1', share: 0.041 };
 * ```
 */
export interface ProfileItem {
  /** The function, with where it is defined. */
  readonly name: string;
  /** Its self time as a share of the samples that were not idle, 0–1. */
  readonly share: number;
}

/** Samples that are not work the server did for a request. */
const IDLE = new Set(['(idle)', '(root)']);

/**
 * The functions with the most self time in the CPU profile that the process `pid` wrote into `dir`
 * (`--cpu-prof --cpu-prof-dir=<dir>` names its files after the pid and thread), busiest first; functions of
 * the same name and file are added up. Only samples taken after `sinceMicros` (on the clock of
 * `process.hrtime`, which V8's profiler shares) count, so that start-up does not crowd out the
 * work being measured. `undefined` when there is no such profile.
 *
 * @example
 * ```ts
 * const since = Number(process.hrtime.bigint() / 1000n);
 * // … load the server …
 * for (const { name, share } of profileTop(dir, child.pid, 12, since) ?? []) console.log(name, share);
 * ```
 */
export function profileTop(
  dir: string,
  pid: number,
  count: number,
  sinceMicros = 0,
): ProfileItem[] | undefined {
  // `CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile`; thread 0 is the main one (tsx's loader
  // hooks run in a worker that writes a profile too).
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile') && name.includes(`.${pid}.0.`));
  if (file === undefined) return undefined;
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
  const nameOf = new Map<number, string>();
  for (const { id, callFrame } of profile.nodes) {
    // Line numbers of files are tsx's output, not the source's: name the file alone. Node's own
    // modules are not compiled, so their (0-based) line numbers hold.
    const { url, lineNumber } = callFrame;
    const place = url.startsWith('file://')
      ? ` ${relative(process.cwd(), new URL(url).pathname)}`
      : url === ''
        ? ''
        : ` ${url}:${lineNumber + 1}`;
    nameOf.set(id, `${callFrame.functionName || '(anonymous)'}${place}`);
  }
  const self = new Map<string, number>();
  let busy = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, index) => {
    // A sample's delta is the time since the previous one: the time it stands for.
    const time = profile.timeDeltas[index] ?? 0;
    at += time;
    const name = nameOf.get(id) ?? '(unknown)';
    if (at < sinceMicros || IDLE.has(name)) return;
    self.set(name, (self.get(name) ?? 0) + time);
    busy += time;
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, time]) => ({ name, share: time / busy }));
}

/**
 * The ratio of two synchronous tasks' times, measured in back-to-back pairs: `rounds` rounds, each
 * timing `baseline` and then `task` for about `roundMs` milliseconds of the process's CPU time
 * apiece (the other way round every other round), so that load from elsewhere on the machine,
 * which takes the CPU away from both, slows neither side of a pair more than the other. The
 * result is the median of the rounds' ratios with their quartiles.
 *
 * @example
 * ```ts
 * const { median, low, high } = pairedRatio(() => JSON.parse(body), () => decodeErrorSync(404, {}, body));
 * ```
 */
export interface PairedRatio {
  /** The median of the rounds' `task ÷ baseline` time ratios. */
  readonly median: number;
  /** The lower quartile of the rounds' ratios. */
  readonly low: number;
  /** The upper quartile of the rounds' ratios. */
  readonly high: number;
}

/** Calls between two reads of the clock, so reading it costs little. */
const BATCH = 64;

/** The process's CPU time so far, in microseconds. */
function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/** CPU nanoseconds per call of `task`, run for about `ms` milliseconds of CPU time. */
function nanosPerCall(task: () => unknown, ms: number): number {
  const start = cpuMicros();
  const until = start + ms * 1000;
  let calls = 0;
  let now = start;
  while (now < until) {
    for (let index = 0; index < BATCH; index++) task();
    calls += BATCH;
    now = cpuMicros();
  }
  return ((now - start) * 1000) / calls;
}

function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const below = sorted[Math.floor(at)] ?? Number.NaN;
  const above = sorted[Math.ceil(at)] ?? Number.NaN;
  return below + (above - below) * (at - Math.floor(at));
}

/**
 * Measures `task` against `baseline` in back-to-back pairs (see {@link PairedRatio}), after a
 * warm-up of both.
 *
 * @example
 * ```ts
 * pairedRatio(parseAll, decodeAll, 24, 50).median; // 1.4
 * ```
 */
export function pairedRatio(
  baseline: () => unknown,
  task: () => unknown,
  rounds = 24,
  roundMs = 50,
): PairedRatio {
  nanosPerCall(baseline, 200);
  nanosPerCall(task, 200);
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const backwards = round % 2 === 1;
    const first = nanosPerCall(backwards ? task : baseline, roundMs);
    const second = nanosPerCall(backwards ? baseline : task, roundMs);
    ratios.push(backwards ? first / second : second / first);
  }
  ratios.sort((a, b) => a - b);
  return { median: quantile(ratios, 0.5), low: quantile(ratios, 0.25), high: quantile(ratios, 0.75) };
}

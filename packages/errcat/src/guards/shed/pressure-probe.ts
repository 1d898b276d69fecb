/**
 * A signal over its threshold: what it is and the value measured.
 *
 * @example
 * ```ts
 * const reading: PressureReading = { signal: 'eventLoopDelay', value: 180, threshold: 100 };
 * ```
 */
export interface PressureReading {
  /** The signal's name: `eventLoopDelay`, `eventLoopUtilization`, `heapUsed`, `rss`, `health`… */
  readonly signal: string;
  /** The last value measured (milliseconds, bytes or a ratio, by signal). */
  readonly value: number;
  /** The configured threshold it exceeds. */
  readonly threshold: number;
}

/**
 * A source of overload signals for the load shedder. `check` is called once per request, so it
 * must cost O(1): probes sample in the background and answer from the last sample. errcat/node's
 * `createPressureMonitor` measures event-loop delay and utilisation, heap and RSS.
 *
 * @example
 * ```ts
 * const probe: PressureProbe = {
 *   check: () => (jobs.length > 1000 ? { signal: 'jobs', value: jobs.length, threshold: 1000 } : undefined),
 * };
 * ```
 */
export interface PressureProbe {
  /** The first signal over its threshold, or `undefined` when the server is fine. */
  check(): PressureReading | undefined;
}

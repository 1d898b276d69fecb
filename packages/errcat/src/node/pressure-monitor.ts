import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { errcatErrors } from '../errcat-catalog.js';
import type { PressureProbe, PressureReading } from '../guards/shed/pressure-probe.js';

/**
 * Options of {@link createPressureMonitor}; every threshold is off unless set.
 *
 * @example
 * ```ts
 * createPressureMonitor({ maxEventLoopDelay: 200, maxRssBytes: 2e9, sampleInterval: 500 });
 * ```
 */
export interface PressureMonitorOptions {
  /** Event-loop delay in milliseconds above which the server is overloaded. @default 0 (off) */
  readonly maxEventLoopDelay?: number;
  /** Event-loop utilisation (0–1) above which the server is overloaded. @default 0 (off) */
  readonly maxEventLoopUtilization?: number;
  /** Heap bytes in use above which the server is overloaded. @default 0 (off) */
  readonly maxHeapUsedBytes?: number;
  /** Resident set bytes above which the server is overloaded. @default 0 (off) */
  readonly maxRssBytes?: number;
  /** Milliseconds between samples; at most 1000 so that pressure is seen within a second. @default 1000 */
  readonly sampleInterval?: number;
}

/**
 * A {@link PressureProbe} fed by Node's own gauges, sampled in the background (the timer does not
 * keep the process alive). `check` costs O(1): it reads the last sample, and notices a loop
 * blocked right now by the sampling timer being overdue.
 *
 * @example
 * ```ts
 * const monitor = createPressureMonitor({ maxEventLoopDelay: 200, maxHeapUsedBytes: 1_500_000_000 });
 * const shedder = createLoadShedder({ pressure: monitor, maxConcurrent: 100 });
 * ```
 */
export interface PressureMonitor extends PressureProbe {
  /** Takes a sample now (the timer does it every `sampleInterval`). */
  sample(): void;
  /** Stops sampling. */
  close(): void;
}

const RESOLUTION_MS = 10;

/**
 * Starts a pressure monitor: event-loop delay (the mean over the last interval, or how late the
 * sampling timer is), event-loop utilisation, heap and RSS, each against its optional threshold.
 *
 * @example
 * ```ts
 * const monitor = createPressureMonitor({ maxEventLoopDelay: 100, sampleInterval: 500 });
 * monitor.check(); // undefined, or { signal: 'eventLoopDelay', value: 180, threshold: 100 }
 * ```
 */
export function createPressureMonitor(options: PressureMonitorOptions = {}): PressureMonitor {
  const interval = options.sampleInterval ?? 1000;
  if (!(interval > 0 && interval <= 1000)) {
    throw errcatErrors.ERRCAT_BAD_ARGUMENT({
      reason: `sampleInterval must be in (0, 1000] ms, got ${interval}`,
    });
  }
  const thresholds = {
    eventLoopDelay: options.maxEventLoopDelay ?? 0,
    eventLoopUtilization: options.maxEventLoopUtilization ?? 0,
    heapUsed: options.maxHeapUsedBytes ?? 0,
    rss: options.maxRssBytes ?? 0,
  };
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  let utilization = performance.eventLoopUtilization();
  let lastSample = performance.now();
  let reading: PressureReading | undefined;

  const over = (signal: keyof typeof thresholds, value: number): PressureReading | undefined => {
    const threshold = thresholds[signal];
    return threshold > 0 && value > threshold ? { signal, value, threshold } : undefined;
  };

  function sample(): void {
    const now = performance.now();
    const lateness = Math.max(0, now - lastSample - interval);
    lastSample = now;
    // The histogram counts in nanoseconds and each sample includes the timer's own resolution.
    const mean = Number.isNaN(histogram.mean) ? 0 : Math.max(0, histogram.mean / 1e6 - RESOLUTION_MS);
    histogram.reset();
    const next = performance.eventLoopUtilization();
    const elu = performance.eventLoopUtilization(next, utilization).utilization;
    utilization = next;
    const memory = thresholds.heapUsed > 0 ? process.memoryUsage().heapUsed : 0;
    reading =
      over('eventLoopDelay', Math.max(mean, lateness)) ??
      over('eventLoopUtilization', elu) ??
      over('heapUsed', memory) ??
      over('rss', thresholds.rss > 0 ? process.memoryUsage.rss() : 0);
  }

  const timer = setInterval(sample, interval);
  timer.unref();
  return {
    check() {
      // A loop blocked right now shows as an overdue sample before the timer gets to run.
      const overdue = performance.now() - lastSample - interval;
      return reading ?? (overdue > 0 ? over('eventLoopDelay', overdue) : undefined);
    },
    sample,
    close() {
      clearInterval(timer);
      histogram.disable();
    },
  };
}

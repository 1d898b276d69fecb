/**
 * The promise `RateLimit-Policy: "name";q=limit;w=window` makes, as a brute-force reference for the
 * rate-limit stores' model tests: no window of `window` seconds, wherever it starts, holds more
 * than `limit` admitted requests. Shared by the memory store's test and the Redis store's.
 */
import { gcraRule, type RateLimitDecision, type RateLimitRule, slidingWindowRule } from 'errcat/adapter';
import fc from 'fast-check';
import { expect } from 'vitest';

/**
 * The most admissions in any half-open window `[start, start + windowMs)`, by brute force: the
 * busiest window can always be moved to start at an admission, so those are the starts to try.
 *
 * @example
 * ```ts
 * busiestWindow([0, 999, 1000], 1000); // 2: [0, 1000) holds 0 and 999
 * ```
 */
export function busiestWindow(admitted: readonly number[], windowMs: number): number {
  let most = 0;
  for (const start of admitted) {
    let count = 0;
    for (const time of admitted) if (time >= start && time < start + windowMs) count++;
    most = Math.max(most, count);
  }
  return most;
}

/** Whether one more admission at `time` keeps every window at `limit` or fewer. */
function fits(admitted: readonly number[], time: number, limit: number, windowMs: number): boolean {
  return busiestWindow([...admitted, time], windowMs) <= limit;
}

/**
 * Arrival times in whole milliseconds, ascending: on a grid of quarter windows, one millisecond to
 * either side of it, several at the same instant, or anywhere, so that many pairs lie exactly one
 * window apart.
 */
function arrivals(windowMs: number): fc.Arbitrary<number[]> {
  const quarter = windowMs / 4;
  const grid = fc.integer({ min: 0, max: 16 }).map((step) => step * quarter);
  return fc
    .array(
      fc.oneof(
        grid,
        fc.tuple(grid, fc.constantFrom(-1, 1)).map(([time, offset]) => Math.max(0, time + offset)),
        fc.integer({ min: 0, max: 4 * windowMs }),
      ),
      { minLength: 1, maxLength: 40 },
    )
    .map((times) => times.sort((a, b) => a - b));
}

/** A store under test, deciding on the clock the property sets (milliseconds). */
export type ConsumeAt = (key: string, rule: RateLimitRule, nowMs: number) => Promise<RateLimitDecision>;

/**
 * The property: over random limits, windows and arrival times, the sliding-window rule admits a
 * request exactly when the brute-force reference says it fits (never more than `limit` in any
 * window, and no refusal that was not needed), tells the remaining quota, and a refusal's
 * `retryAfterMs` is the exact wait. GCRA with `burst: 1` is checked to keep the promise too.
 *
 * @example
 * ```ts
 * await fc.assert(windowPromiseProperty((key, rule, now) => ...), { numRuns: 200 });
 * ```
 */
export function windowPromiseProperty(
  consumeAt: ConsumeAt,
): fc.IAsyncProperty<[number, number, number[], boolean]> {
  let run = 0;
  return fc.asyncProperty(
    fc.integer({ min: 1, max: 6 }),
    fc.integer({ min: 1, max: 3 }),
    fc.integer({ min: 1, max: 3 }).chain((window) => arrivals(window * 1000)),
    fc.boolean(),
    async (limit, window, offsets, smooth) => {
      const windowMs = window * 1000;
      // GCRA with a burst of 1 is the even pace of `limit` per `window`.
      const rule = smooth ? gcraRule(limit, window, 1) : slidingWindowRule(limit, window);
      const key = `model-${run++}`;
      const start = 1_700_000_000_000;
      const admitted: number[] = [];
      for (const offset of offsets) {
        const time = start + offset;
        const decision = await consumeAt(key, rule, time);
        const expected = fits(admitted, time, limit, windowMs);
        if (smooth) {
          // GCRA paces: it may refuse what would fit, never admit what would not.
          if (decision.allowed) expect(expected).toBe(true);
        } else {
          expect({ time: offset, allowed: decision.allowed }).toEqual({ time: offset, allowed: expected });
          if (decision.allowed) {
            const inWindow = admitted.filter((t) => t > time - windowMs).length + 1;
            expect(decision.remaining).toBe(limit - inWindow);
          } else {
            const wait = decision.retryAfterMs;
            expect(wait).toBeGreaterThan(0);
            expect(fits(admitted, time + wait - 1, limit, windowMs)).toBe(false);
            expect(fits(admitted, time + wait, limit, windowMs)).toBe(true);
          }
        }
        if (decision.allowed) admitted.push(time);
      }
      expect(busiestWindow(admitted, windowMs)).toBeLessThanOrEqual(limit);
    },
  );
}

import type { RateLimitDecision } from './rate-limit-decision.js';

/**
 * The parameters of a GCRA (generic cell rate algorithm) decision, in whole microseconds so that
 * every store computes with exact integers: JavaScript numbers and Redis Lua numbers are doubles,
 * exact up to 2^53, and microseconds since 1970 stay far below that. GCRA smooths: quota comes
 * back one unit at a time, and with `burst` above 1 a window can admit up to `burst + limit − 1`.
 *
 * @example
 * ```ts
 * const rule: GcraRule = gcraRule(100, 60, 20); // 100 per 60 s, bursts of up to 20
 * rule.intervalUs; // 600000
 * ```
 */
export interface GcraRule {
  /** Tells the stores which algorithm decides. */
  readonly algorithm: 'gcra';
  /** The emission interval T: the window divided by the limit, rounded up to a whole microsecond. */
  readonly intervalUs: number;
  /** How many requests may arrive at once on a fresh key. */
  readonly burst: number;
}

/**
 * A GCRA rule for `limit` requests per `windowSeconds`, with bursts of up to `burst`.
 *
 * @example
 * ```ts
 * gcraRule(5, 10, 1); // { algorithm: 'gcra', intervalUs: 2000000, burst: 1 }
 * ```
 */
export function gcraRule(limit: number, windowSeconds: number, burst: number): GcraRule {
  // Rounding T up keeps the sustained rate at or below the limit, never above it.
  return { algorithm: 'gcra', intervalUs: Math.ceil((windowSeconds * 1_000_000) / limit), burst };
}

/**
 * One GCRA step: given the key's theoretical arrival time (`tatUs`, undefined for a fresh key) and
 * the store's clock, decides and returns the new arrival time to store (undefined: leave it).
 * A key whose arrival time is in the past is the same as a fresh key, so stores may forget it.
 * The Redis store runs the same arithmetic in Lua; keep the two in step.
 *
 * @example
 * ```ts
 * const { decision, tatUs } = gcraStep(undefined, nowUs, gcraRule(10, 60, 10));
 * decision.allowed; // true, remaining 9
 * ```
 */
export function gcraStep(
  tatUs: number | undefined,
  nowUs: number,
  rule: GcraRule,
): { decision: RateLimitDecision; tatUs: number | undefined } {
  const interval = rule.intervalUs;
  const tolerance = interval * rule.burst;
  const newTat = Math.max(tatUs ?? nowUs, nowUs) + interval;
  const ahead = newTat - nowUs;
  if (ahead > tolerance) {
    const retryAfterMs = Math.ceil((ahead - tolerance) / 1000);
    return {
      decision: { allowed: false, remaining: 0, retryAfterMs, resetMs: retryAfterMs },
      tatUs: undefined,
    };
  }
  const slack = tolerance - ahead;
  const decision: RateLimitDecision = {
    allowed: true,
    remaining: Math.floor(slack / interval),
    retryAfterMs: 0,
    resetMs: Math.ceil((interval - (slack % interval)) / 1000),
  };
  return { decision, tatUs: newTat };
}

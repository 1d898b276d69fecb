import { parseRateLimit } from '../../guards/rate-limit/parse-rate-limit-fields.js';
import { parseRetryAfter } from '../parse-retry-after.js';
import type { HeaderReader } from './header-reader.js';

const DIGITS = /^\d{1,15}$/;

/**
 * Seconds until quota returns, from the draft's `RateLimit` field: the largest `t` among the
 * policies with nothing remaining (`r=0`). Malformed fields are ignored.
 */
function rateLimitDelay(field: string | undefined): number | undefined {
  let delay: number | undefined;
  for (const policy of parseRateLimit(field) ?? []) {
    if (policy.remaining === 0 && policy.reset !== undefined) delay = Math.max(delay ?? 0, policy.reset);
  }
  return delay;
}

/**
 * Seconds from the legacy headers (`RateLimit-Reset`, `X-RateLimit-Retry-After`,
 * `X-RateLimit-Reset`, `X-Rate-Limit-Reset`). A reset may be a delta or an epoch time (GitHub);
 * values that look like epoch seconds are read as such when they lie within a day of `now`.
 */
function legacyDelay(read: HeaderReader, now: number): number | undefined {
  for (const name of [
    'ratelimit-reset',
    'x-ratelimit-retry-after',
    'x-ratelimit-reset',
    'x-rate-limit-reset',
  ]) {
    const value = read(name)?.trim();
    if (value === undefined || !DIGITS.test(value)) continue;
    const number = Number(value);
    if (number < 1e9) return number;
    const delta = number - now / 1000;
    if (delta >= 0 && delta <= 86_400) return Math.ceil(delta);
  }
  return undefined;
}

/**
 * The headers' own say on when to retry, in seconds, and which header said it.
 *
 * @example
 * ```ts
 * const { retryAfter, rateLimit, legacy }: HeaderDelays = headerDelays(read, 429, Date.now());
 * ```
 */
export interface HeaderDelays {
  /** From `Retry-After`, which wins over everything else. */
  readonly retryAfter: number | undefined;
  /** From the `RateLimit` field (`t` of an exhausted policy). */
  readonly rateLimit: number | undefined;
  /** From legacy rate-limit headers, trusted only on a 429 or with nothing remaining. */
  readonly legacy: number | undefined;
}

/**
 * Reads every retry delay the headers carry.
 *
 * @example
 * ```ts
 * headerDelays(headerReader({ 'retry-after': '2' }), 503, Date.now()); // { retryAfter: 2, rateLimit: undefined, legacy: undefined }
 * ```
 */
export function headerDelays(read: HeaderReader, status: number, now: number): HeaderDelays {
  const exhausted =
    status === 429 ||
    read('x-ratelimit-remaining')?.trim() === '0' ||
    read('ratelimit-remaining')?.trim() === '0';
  return {
    retryAfter: parseRetryAfter(read('retry-after'), now),
    rateLimit: rateLimitDelay(read('ratelimit')),
    legacy: exhausted ? legacyDelay(read, now) : undefined,
  };
}

import type { HeaderReader } from '../../http/header-reader.js';
import { parseRateLimit } from '../../http/parse-rate-limit-fields.js';
import { parseRetryAfter } from '../parse-retry-after.js';

const DIGITS = /^\d{1,15}$/;
/**
 * The longest wait a response may ask for, in seconds: a year. A longer delay (or a date further
 * ahead) is a server's mistake, not advice a client could follow, and is ignored.
 */
const MAX_DELAY_SECONDS = 365 * 86_400;

function sane(seconds: number | undefined): number | undefined {
  return seconds !== undefined && seconds <= MAX_DELAY_SECONDS ? seconds : undefined;
}
const MILLISECONDS = /^\d{1,15}(?:\.\d{1,9})?$/;

/** `retry-after-ms` (Stainless-built APIs: OpenAI, Anthropic…), in seconds; more precise than `Retry-After`. */
function retryAfterMs(field: string | undefined): number | undefined {
  const value = field?.trim();
  if (value === undefined || !MILLISECONDS.test(value)) return undefined;
  return sane(Number(value) / 1000);
}

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

const LEGACY_RESET_HEADERS = [
  'ratelimit-reset',
  'x-ratelimit-retry-after',
  'x-ratelimit-reset',
  'x-rate-limit-reset',
];
const REMAINING_HEADERS = ['x-ratelimit-remaining', 'ratelimit-remaining'];

/**
 * Every header {@link headerDelays} reads.
 *
 * @example
 * ```ts
 * DELAY_HEADER_NAMES.includes('retry-after'); // true
 * ```
 */
export const DELAY_HEADER_NAMES: readonly string[] = [
  'retry-after-ms',
  'retry-after',
  'ratelimit',
  ...REMAINING_HEADERS,
  ...LEGACY_RESET_HEADERS,
];

/**
 * Seconds from the legacy headers (`RateLimit-Reset`, `X-RateLimit-Retry-After`,
 * `X-RateLimit-Reset`, `X-Rate-Limit-Reset`). A reset may be a delta or an epoch time (GitHub);
 * values that look like epoch seconds are read as such when they lie within a day of `now`.
 */
function legacyDelay(read: HeaderReader, now: number | undefined): number | undefined {
  for (const name of LEGACY_RESET_HEADERS) {
    const value = read.get(name)?.trim();
    if (value === undefined || !DIGITS.test(value)) continue;
    const number = Number(value);
    if (number < 1e9) return number;
    const delta = number - (now ?? Date.now()) / 1000;
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
  /** From `retry-after-ms`, else `Retry-After`: these win over everything else. */
  readonly retryAfter: number | undefined;
  /** From the `RateLimit` field (`t` of an exhausted policy). */
  readonly rateLimit: number | undefined;
  /** From legacy rate-limit headers, trusted only on a 429 or with nothing remaining. */
  readonly legacy: number | undefined;
  /** A rate-limit header says nothing remains (`x-ratelimit-remaining: 0`, GitHub's 403 throttle). */
  readonly exhausted: boolean;
}

/**
 * Reads every retry delay the headers carry. `now` (epoch milliseconds) dates an HTTP-date or an
 * epoch reset; the clock is read only when a header holds one.
 *
 * @example
 * ```ts
 * headerDelays(headerReader({ 'retry-after': '2' }), 503, Date.now()); // { retryAfter: 2, rateLimit: undefined, legacy: undefined, exhausted: false }
 * ```
 */
export function headerDelays(read: HeaderReader, status: number, now?: number): HeaderDelays {
  const exhausted = REMAINING_HEADERS.some((name) => read.get(name)?.trim() === '0');
  return {
    retryAfter:
      retryAfterMs(read.get('retry-after-ms')) ?? sane(parseRetryAfter(read.get('retry-after'), now)),
    rateLimit: sane(rateLimitDelay(read.get('ratelimit'))),
    legacy: exhausted || status === 429 ? legacyDelay(read, now) : undefined,
    exhausted,
  };
}

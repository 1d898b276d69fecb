import { parseHttpDate } from '../http/http-date.js';

const DELAY_SECONDS = /^\d{1,15}(?:\.\d{1,9})?$/;

/**
 * Reads a `Retry-After` value as seconds to wait: delay-seconds (`"120"`) or an HTTP-date
 * (`"Wed, 21 Oct 2026 07:28:00 GMT"`, read against `now`, epoch milliseconds, by default the clock; a date in the past means 0), as RFC 9110
 * §10.2.3 defines the field, read leniently where servers are known to stray: a decimal such as
 * Shopify's `"2.0"` is its number of seconds. Signs, units, impossible dates and anything else
 * are `undefined`, and it never throws.
 *
 * @example
 * ```ts
 * parseRetryAfter('2'); // 2
 * parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT', Date.UTC(1994, 10, 6, 8, 49, 30)); // 7
 * parseRetryAfter('2.0'); // 2
 * parseRetryAfter('-1'); // undefined
 * ```
 */
export function parseRetryAfter(value: string | null | undefined, now?: number): number | undefined {
  if (typeof value !== 'string' || value.length > 64) return undefined;
  const trimmed = value.trim();
  if (DELAY_SECONDS.test(trimmed)) return Number(trimmed);
  // The clock is read only for a date: most responses carry no Retry-After, or delay-seconds.
  const current = now ?? Date.now();
  const date = parseHttpDate(trimmed, current);
  return date === undefined ? undefined : Math.max(0, (date - current) / 1000);
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './parse-retry-after.js';

const NOW = Date.UTC(2026, 5, 15, 12, 0, 0);
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** The RFC 850 and asctime forms of a date, written independently of the parser. */
function rfc850(date: Date): string {
  return `${WEEKDAYS[date.getUTCDay()]}, ${pad(date.getUTCDate())}-${MONTHS[date.getUTCMonth()]}-${pad(date.getUTCFullYear() % 100)} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} GMT`;
}
function asctime(date: Date): string {
  const day = String(date.getUTCDate()).padStart(2, ' ');
  return `${WEEKDAYS[date.getUTCDay()]?.slice(0, 3)} ${MONTHS[date.getUTCMonth()]} ${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${date.getUTCFullYear()}`;
}

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('0')).toBe(0);
    expect(parseRetryAfter(' 120 ')).toBe(120);
    expect(parseRetryAfter('100000')).toBe(100000);
  });

  it('reads the three HTTP-date forms against now; a past date is 0', () => {
    expect(parseRetryAfter('Mon, 15 Jun 2026 12:00:03 GMT', NOW)).toBe(3);
    expect(parseRetryAfter('Monday, 15-Jun-26 12:00:03 GMT', NOW)).toBe(3);
    expect(parseRetryAfter('Mon Jun 15 12:00:03 2026', NOW)).toBe(3);
    expect(parseRetryAfter('Sun Nov  6 08:49:37 1994', NOW)).toBe(0);
  });

  it('accepts a leap second and applies the 50-year rule to two-digit years', () => {
    expect(parseRetryAfter('Tue, 30 Jun 2026 23:59:60 GMT', NOW)).toBe(
      (Date.UTC(2026, 6, 1, 0, 0, 0) - NOW) / 1000,
    );
    // '77' is more than 50 years ahead of 2026, so it means 1977 (in the past: 0).
    expect(parseRetryAfter('Friday, 01-Jul-77 00:00:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfter('Thursday, 01-Jul-66 00:00:00 GMT', NOW)).toBeGreaterThan(0);
  });

  it('reads a decimal leniently: Shopify sends "2.0"', () => {
    expect(parseRetryAfter('2.0')).toBe(2);
    expect(parseRetryAfter(' 1.5 ')).toBe(1.5);
  });

  it('rejects everything else: signs, units, impossible dates, wrong case, junk', () => {
    for (const value of [
      '1.',
      '.5',
      '-1',
      '-0.5',
      'NaN',
      'Infinity',
      '+3',
      '3s',
      'abc',
      '',
      '   ',
      '1e3',
      'Mon, 30 Feb 2026 00:00:00 GMT',
      'Sat, 29 Feb 2025 00:00:00 GMT',
      'Mon, 15 Jun 2026 24:00:00 GMT',
      'mon, 15 Jun 2026 12:00:00 GMT',
      'Mon, 15 jun 2026 12:00:00 GMT',
      'Mon, 15 Jun 2026 12:00:00 UTC',
      'Xyz, 15 Jun 2026 12:00:00 GMT',
      'Mon, 5 Jun 2026 12:00:00 GMT',
      '9'.repeat(16),
      undefined,
      null,
    ]) {
      expect(parseRetryAfter(value as string, NOW), String(value)).toBeUndefined();
    }
  });

  it('accepts 29 February in a leap year only', () => {
    expect(parseRetryAfter('Tue, 29 Feb 2028 00:00:00 GMT', NOW)).toBeGreaterThan(0);
    expect(parseRetryAfter('Thu, 29 Feb 2100 00:00:00 GMT', NOW)).toBeUndefined();
  });

  it('reads back every date in all three forms (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 * 365 * 86_400 }), (offset) => {
        const date = new Date(NOW + offset * 1000);
        expect(parseRetryAfter(date.toUTCString(), NOW)).toBe(offset);
        if (offset < 40 * 365 * 86_400) expect(parseRetryAfter(rfc850(date), NOW)).toBe(offset);
        expect(parseRetryAfter(asctime(date), NOW)).toBe(offset);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back every delay-seconds value and never throws on any string (property)', () => {
    fc.assert(
      fc.property(fc.nat(), (n) => {
        expect(parseRetryAfter(String(n))).toBe(n);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (value) => {
        const seconds = parseRetryAfter(value, NOW);
        expect(seconds === undefined || (Number.isFinite(seconds) && seconds >= 0)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});

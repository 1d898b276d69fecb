import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRateLimit, parseRateLimitPolicy } from './parse-rate-limit-fields.js';
import { formatRateLimit, formatRateLimitPolicy } from './rate-limit-fields.js';

const name = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 20,
});
const count = fc.integer({ min: 0, max: 999_999_999_999_999 });

describe('RateLimit and RateLimit-Policy fields', () => {
  it('parse what they format, for any names and counts', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            name,
            quota: count,
            window: fc.option(fc.integer({ min: 1, max: 1e9 }), { nil: undefined }),
          }),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        (policies) => {
          expect(parseRateLimitPolicy(formatRateLimitPolicy(policies))).toEqual(policies);
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.array(fc.record({ name, remaining: count, reset: fc.option(count, { nil: undefined }) }), {
          minLength: 1,
          maxLength: 4,
        }),
        (states) => {
          expect(parseRateLimit(formatRateLimit(states))).toEqual(states);
        },
      ),
    );
  });

  it('read the draft examples', () => {
    expect(parseRateLimitPolicy('"burst";q=100;w=60,"daily";q=1000;w=86400')).toEqual([
      { name: 'burst', quota: 100, window: 60 },
      { name: 'daily', quota: 1000, window: 86400 },
    ]);
    expect(parseRateLimit('"default";r=50;t=30')).toEqual([{ name: 'default', remaining: 50, reset: 30 }]);
    expect(parseRateLimitPolicy('"p";q=10;qu="requests";pk=:cHsdsRa894==:')).toEqual([
      { name: 'p', quota: 10, window: undefined },
    ]);
  });

  it('ignore malformed fields whole', () => {
    for (const bad of [
      '',
      '"a";r=-1',
      '"a";r=1.5',
      '"a"',
      '"a";t=3',
      '"a";r=1, ',
      '"a";r=1;;',
      '("a" "b");r=1',
      '"unterminated;r=1',
      '"a";r=1 "b";r=2',
      '"a";r=1234567890123456',
      '"a";R=1',
    ]) {
      expect(parseRateLimit(bad), bad).toBeUndefined();
    }
    expect(parseRateLimitPolicy('"a";q=10;w=0')).toBeUndefined();
    expect(parseRateLimit(undefined)).toBeUndefined();
    expect(parseRateLimit(null)).toBeUndefined();
  });

  it('never throw on arbitrary text (R8: 10 000 strings each)', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc
        .array(
          fc.constantFrom(
            '"a"',
            'tok',
            ';',
            'r=',
            'q=',
            'w=',
            't=',
            '1',
            '-2',
            '3.5',
            ',',
            ' ',
            '?1',
            ':YQ==:',
            '\\',
            '(',
          ),
          {
            maxLength: 12,
          },
        )
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(text, (value) => {
        const state = parseRateLimit(value);
        const policy = parseRateLimitPolicy(value);
        for (const field of state ?? []) expect(field.remaining).toBeGreaterThanOrEqual(0);
        for (const field of policy ?? []) expect(field.quota).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 10_000 },
    );
  });
});

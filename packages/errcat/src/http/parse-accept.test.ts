import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAccept } from './parse-accept.js';

describe('parseAccept', () => {
  it('parses ranges, parameters and qualities, best first', () => {
    expect(parseAccept('text/html;level=1, Application/JSON; Profile="a, b";q=0.5, */*;q=0.1')).toEqual([
      { type: 'text/html', params: { level: '1' }, q: 1 },
      { type: 'application/json', params: { profile: 'a, b' }, q: 0.5 },
      { type: '*/*', params: {}, q: 0.1 },
    ]);
  });

  it('drops malformed ranges and bad qualities', () => {
    expect(parseAccept('json, /x, a/, a b/c, text/plain;q=2, text/csv;q=0.123, image/png;q=abc')).toEqual([
      { type: 'text/csv', params: {}, q: 0.123 },
    ]);
    expect(parseAccept(undefined)).toEqual([]);
    expect(parseAccept(null)).toEqual([]);
  });

  it('unescapes quoted values and keeps commas inside them', () => {
    expect(parseAccept('a/b;x="1\\"2,3"')).toEqual([{ type: 'a/b', params: { x: '1"2,3' }, q: 1 }]);
  });

  it('reads at most 32 ranges of a huge header', () => {
    expect(parseAccept(Array.from({ length: 1000 }, () => 'a/b').join(','))).toHaveLength(32);
  });

  it('never throws and only returns well-formed ranges (property)', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(
        'application/json',
        '*/*',
        ';q=0.5',
        ';q=0',
        ';profile="x y"',
        ',',
        ';',
        '"',
        '\\',
        '=',
      ),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const ranges = parseAccept(pieces.join(''));
        expect(ranges.length).toBeLessThanOrEqual(32);
        for (const [index, range] of ranges.entries()) {
          expect(range.type).toMatch(/^[^/\s]+\/[^/\s]+$/);
          expect(range.q).toBeGreaterThanOrEqual(0);
          expect(range.q).toBeLessThanOrEqual(1);
          if (index > 0) expect(range.q).toBeLessThanOrEqual((ranges[index - 1] as typeof range).q);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAcceptLanguage } from './accept-language.js';

describe('parseAcceptLanguage', () => {
  it('orders by quality, then by position, and drops q=0 and *', () => {
    expect(parseAcceptLanguage('fr-CH, fr;q=0.9, en;q=0.8, de;q=0, *;q=0.5')).toEqual(['fr-CH', 'fr', 'en']);
    expect(parseAcceptLanguage('en;q=0.5, de;q=0.7, it')).toEqual(['it', 'de', 'en']);
  });

  it('falls back from a regional tag to its language before the next range (RFC 4647 lookup)', () => {
    expect(parseAcceptLanguage('de-AT, en;q=0.5')).toEqual(['de-AT', 'de', 'en']);
    expect(parseAcceptLanguage('de-AT, en;q=0.5, de;q=0.1')).toEqual(['de-AT', 'en', 'de']);
  });

  it('ignores malformed ranges and parameters', () => {
    expect(parseAcceptLanguage('')).toEqual([]);
    expect(parseAcceptLanguage(undefined)).toEqual([]);
    expect(parseAcceptLanguage('en;q=2, <script>, de;q=abc, ;;, x-toolongsubtag')).toEqual(['en', 'de']);
  });

  it('reads at most 16 ranges of a huge header', () => {
    const header = Array.from({ length: 10_000 }, (_, i) => `l${String.fromCharCode(97 + (i % 26))}`).join(
      ',',
    );
    expect(parseAcceptLanguage(header).length).toBeLessThanOrEqual(16);
  });

  it('never throws and returns only well-formed, distinct tags (property)', () => {
    const tag = /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/;
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (header) => {
        const tags = parseAcceptLanguage(header);
        for (const item of tags) expect(item).toMatch(tag);
        expect(new Set(tags.map((item) => item.toLowerCase())).size).toBe(tags.length);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps every listed language with a positive quality (property)', () => {
    const language = fc.stringMatching(/^[a-z]{2,3}(-[A-Z]{2})?$/);
    const range = fc.record({ tag: language, q: fc.option(fc.integer({ min: 0, max: 1000 })) });
    fc.assert(
      fc.property(fc.array(range, { maxLength: 10 }), (ranges) => {
        const header = ranges
          .map(({ tag, q }) => (q === null ? tag : `${tag};q=${(q / 1000).toFixed(3)}`))
          .join(', ');
        const tags = parseAcceptLanguage(header).map((item) => item.toLowerCase());
        for (const { tag, q } of ranges) {
          if (q !== 0) expect(tags).toContain(tag.toLowerCase());
        }
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { byCode, mostCommon } from './responses-order.js';

describe('byCode', () => {
  it('puts numbers first, in order, then strings by code point', () => {
    const codes = ['b', 404, 'A', 40, 'a'].map((code) => ({ code }));
    expect(codes.sort(byCode).map((entry) => entry.code)).toEqual([40, 404, 'A', 'a', 'b']);
  });
});

describe('mostCommon', () => {
  it('takes the most frequent value, the first in order on a tie', () => {
    expect(mostCommon(['simple', 'problem', 'simple'])).toBe('simple');
    expect(mostCommon([409, 404])).toBe(404);
    expect(mostCommon([])).toBeUndefined();
  });
});

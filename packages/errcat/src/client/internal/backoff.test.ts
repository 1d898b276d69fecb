import { describe, expect, it } from 'vitest';
import { fullJitter } from './backoff.js';

describe('fullJitter', () => {
  it('samples uniformly in [0, min(cap, base·2^(n−1))): 10,000 delays per attempt (C2)', () => {
    const base = 100;
    const cap = 20_000;
    for (const retry of [1, 2, 3, 5, 10]) {
      const bound = Math.min(cap, base * 2 ** (retry - 1));
      const samples = Array.from({ length: 10_000 }, () => fullJitter(retry, base, cap));
      const mean = samples.reduce((sum, delay) => sum + delay, 0) / samples.length;
      expect(Math.min(...samples)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...samples)).toBeLessThan(bound);
      expect(mean / bound).toBeGreaterThan(0.45);
      expect(mean / bound).toBeLessThan(0.55);
    }
  });

  it('uses the random source it is given', () => {
    expect(fullJitter(3, 100, 20_000, () => 0.5)).toBe(200);
    expect(fullJitter(30, 100, 1000, () => 0.999)).toBeCloseTo(999);
  });
});

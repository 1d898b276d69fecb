import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonTextDeeperThan, valueDeeperThan } from './json-depth.js';

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('jsonTextDeeperThan and valueDeeperThan', () => {
  it('count nesting, not brackets inside strings, in text and in UTF-8 bytes alike', () => {
    const tricky = '{"a":"[[[[\\"{{{","b":[{"c":["é"]}]}';
    for (const text of [tricky, new TextEncoder().encode(tricky)]) {
      expect(jsonTextDeeperThan(text, 4)).toBe(false);
      expect(jsonTextDeeperThan(text, 3)).toBe(true);
    }
    expect(valueDeeperThan(JSON.parse(tricky), 4)).toBe(false);
    expect(valueDeeperThan(JSON.parse(tricky), 3)).toBe(true);
  });

  it('measure a body 10,000 deep without overflowing the stack', () => {
    const text = nested(10_000);
    expect(jsonTextDeeperThan(text, 64)).toBe(true);
    expect(valueDeeperThan(JSON.parse(text), 64)).toBe(true);
    expect(jsonTextDeeperThan(nested(64), 64)).toBe(false);
    expect(valueDeeperThan(JSON.parse(nested(64)), 64)).toBe(false);
  });

  it('agree on every JSON value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 6 }), (value, max) => {
        expect(jsonTextDeeperThan(JSON.stringify(value), max)).toBe(valueDeeperThan(value, max));
      }),
      { numRuns: 500 },
    );
  });

  it('call a cycle too deep instead of walking it forever', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(valueDeeperThan(cycle, 64)).toBe(true);
  });
});

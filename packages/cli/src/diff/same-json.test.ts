import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparableJson, sameJson } from './same-json.js';

describe('sameJson and comparableJson: catalog values compared as errcat canonical JSON', () => {
  it('sorts keys at every depth, arrays keep their order', () => {
    expect(comparableJson({ b: 1, a: { d: [2, 1], c: 2 } })).toBe('{"a":{"c":2,"d":[2,1]},"b":1}');
  });

  it('keeps a __proto__ key as data, so a change to it is a change', () => {
    const before = JSON.parse('{"__proto__":{"x":1}}');
    const after = JSON.parse('{"__proto__":{"x":2}}');
    expect(comparableJson(before)).toBe('{"__proto__":{"x":1}}');
    expect(sameJson(before, after)).toBe(false);
    expect(({} as { x?: unknown }).x).toBeUndefined();
  });

  it('tells an absent value from null and from an empty string', () => {
    expect(sameJson(undefined, undefined)).toBe(true);
    expect(sameJson(undefined, null)).toBe(false);
    expect(sameJson(undefined, '')).toBe(false);
  });

  it('throws for a value that contains itself, naming why, instead of overflowing the stack', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(() => sameJson(cyclic, {})).toThrow(/deeper than 1000 levels or contains itself/);
  });

  it('is equal for any two key orders of the same JSON (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        expect(sameJson(value, reversed)).toBe(true);
      }),
    );
  });
});

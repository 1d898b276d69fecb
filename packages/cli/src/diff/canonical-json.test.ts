import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sameJson } from './canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth, arrays keep their order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: 2 } })).toBe('{"a":{"c":2,"d":[2,1]},"b":1}');
  });

  it('keeps a __proto__ key as data, so a change to it is a change', () => {
    const before = JSON.parse('{"__proto__":{"x":1}}');
    const after = JSON.parse('{"__proto__":{"x":2}}');
    expect(canonicalJson(before)).toBe('{"__proto__":{"x":1}}');
    expect(sameJson(before, after)).toBe(false);
    expect(({} as { x?: unknown }).x).toBeUndefined();
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

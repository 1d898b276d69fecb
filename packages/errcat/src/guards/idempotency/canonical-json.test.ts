import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

const canonical = (value: unknown) => canonicalJson(value, 64);

describe('canonicalJson', () => {
  it('sorts keys at every depth, arrays keep their order', () => {
    expect(canonical({ b: 1, a: { d: [2, 1], c: 2 } })).toBe('{"a":{"c":2,"d":[2,1]},"b":1}');
  });

  it('orders keys as objects hold them: integer-like keys first by value, then by UTF-16 code units', () => {
    const keys = { b: 1, B: 2, '10': 3, '2': 4, '': 5, '\uffff': 6, '\u{10000}': 7, é: 8 };
    expect(canonical(keys)).toBe('{"2":4,"10":3,"":5,"B":2,"b":1,"é":8,"𐀀":7,"￿":6}');
  });

  it('keeps a __proto__ key as data, so a change to it is a change, and pollutes no prototype', () => {
    const before = JSON.parse('{"__proto__":{"x":1}}');
    const after = JSON.parse('{"__proto__":{"x":2}}');
    expect(canonical(before)).toBe('{"__proto__":{"x":1}}');
    expect(canonical(after)).not.toBe(canonical(before));
    expect(({} as { x?: unknown }).x).toBeUndefined();
  });

  it('writes numbers and strings as JSON.stringify does', () => {
    const values = [-0, 1e21, 1e-7, 0.1 + 0.2, 5e-324, Number.NaN, Number.POSITIVE_INFINITY];
    expect(canonical(values)).toBe(JSON.stringify(values));
    const text = { s: '\u2028 \u0000 é 😀 \ud800 lone \udc00' };
    expect(canonical(text)).toBe(JSON.stringify(text));
  });

  it('drops what JSON cannot hold as JSON.stringify does, and writes a bigint as its digits', () => {
    expect(canonical({ a: undefined, b: () => 1, c: Symbol('c') })).toBe('{}');
    const sparse = [undefined, () => 1, Symbol('c'), 1];
    sparse[5] = 3; // index 4 is a hole
    expect(canonical(sparse)).toBe('[null,null,null,1,null,3]');
    expect(canonical({ n: 10n, list: [-1n] })).toBe('{"list":["-1"],"n":"10"}');
    for (const nothing of [undefined, () => 1, Symbol('x')]) expect(canonical(nothing)).toBe('');
  });

  it('calls toJSON once, with the member key, as JSON.stringify does', () => {
    const keyed = { toJSON: (key: string) => `key=${key}` };
    expect(canonical({ v: keyed, list: [keyed] })).toBe('{"list":["key=0"],"v":"key=v"}');
    expect(canonical(keyed)).toBe('"key="');
    const nested = { v: { toJSON: () => ({ toJSON: () => 'asked twice', z: 1 }) } };
    expect(canonical(nested)).toBe(JSON.stringify(nested));
    expect(canonical({ d: new Date(0), z: { toJSON: () => ({ b: 1, a: 2 }) } })).toBe(
      '{"d":"1970-01-01T00:00:00.000Z","z":{"a":2,"b":1}}',
    );
  });

  it('is undefined past maxDepth and for a value that contains itself, never walking further', () => {
    const levels = (n: number) => JSON.parse(`${'['.repeat(n)}${']'.repeat(n)}`) as unknown;
    expect(canonicalJson(levels(64), 64)).toBe(JSON.stringify(levels(64)));
    expect(canonicalJson(levels(65), 64)).toBeUndefined();
    expect(canonicalJson(levels(100_000), 64)).toBeUndefined();
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(canonicalJson(cyclic, 1000)).toBeUndefined();
  });

  it('means what JSON.stringify writes, and is equal for any two key orders (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        expect(canonical(reversed)).toBe(canonical(value));
        expect(JSON.parse(canonical(value) as string)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { own, requestIdIn } from './json-fields.js';

describe('own', () => {
  test('reads own members only: inherited names, arrays and non-objects give undefined', () => {
    expect(own({ a: 1 }, 'a')).toBe(1);
    expect(own({}, 'toString')).toBeUndefined();
    expect(own(JSON.parse('{"__proto__":{"x":1}}'), '__proto__')).toEqual({ x: 1 });
    expect(own({}, '__proto__')).toBeUndefined();
    expect(own(Object.create({ a: 1 }), 'a')).toBeUndefined();
    expect(own(['x'], '0')).toBeUndefined();
    expect(own('abc', 'length')).toBeUndefined();
    expect(own(null, 'a')).toBeUndefined();
  });

  test('agrees with Object.hasOwn on any JSON object and key (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.string(), (object, key) => {
        const expected = Object.hasOwn(object, key) ? object[key] : undefined;
        expect(own(object, key)).toBe(expected);
      }),
    );
  });
});

describe('requestIdIn', () => {
  test('takes the most specific name present, whatever the members’ order', () => {
    expect(requestIdIn({ traceId: 't-1', request_id: 'r-1' })).toBe('r-1');
    expect(requestIdIn({ correlationId: 'c-1', requestId: 'r-2' })).toBe('r-2');
    expect(requestIdIn({ trace_id: 't-2' })).toBe('t-2');
  });

  test('skips unusable ids, inherited members and non-objects', () => {
    expect(requestIdIn({ requestId: ' ', request_id: 'r-3' })).toBe('r-3');
    expect(requestIdIn({ requestId: 42 })).toBe('42');
    expect(requestIdIn(Object.create({ requestId: 'inherited' }))).toBeUndefined();
    expect(requestIdIn(['r-4'])).toBeUndefined();
    expect(requestIdIn(undefined)).toBeUndefined();
  });
});

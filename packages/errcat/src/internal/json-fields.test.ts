import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { members, own, requestIdIn } from './json-fields.js';

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

describe('members', () => {
  test('is a JSON object itself, so its members are read by plain loads', () => {
    const body = JSON.parse('{"message":"no","__proto__":{"x":1}}');
    expect(members(body)).toBe(body);
    expect(members(body)?.message).toBe('no');
    const bare = Object.create(null);
    expect(members(bare)).toBe(bare);
  });

  test('copies the own members of an object that inherits anything else', () => {
    const child = Object.assign(Object.create({ message: 'inherited', code: 'X' }), { code: 'OWN' });
    const read = members(child);
    expect(read).not.toBe(child);
    expect(read?.message).toBeUndefined();
    expect(read?.code).toBe('OWN');
    expect(Object.getPrototypeOf(read)).toBeNull();
  });

  test('copies when Object.prototype has been polluted, so the pollution is never read', () => {
    const body = JSON.parse('{"code":"OWN"}');
    const prototype = Object.prototype as Record<string, unknown>;
    prototype.message = 'polluted';
    try {
      expect(body.message).toBe('polluted');
      expect(members(body)?.message).toBeUndefined();
      expect(members(body)?.code).toBe('OWN');
    } finally {
      delete prototype.message;
    }
  });

  test('is undefined for arrays and non-objects', () => {
    for (const value of [['x'], 'abc', 42, null, undefined, true]) expect(members(value)).toBeUndefined();
  });

  test('reads what own reads for every JSON object and key that Object.prototype lacks (property)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.string().filter((key) => !(key in Object.prototype)),
        (object, key) => {
          expect(members(object)?.[key]).toBe(own(object, key));
        },
      ),
    );
  });
});

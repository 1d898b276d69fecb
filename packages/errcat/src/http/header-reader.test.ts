import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { headerMap, headerReader } from './header-reader.js';

describe('headerReader', () => {
  test('joins a repeated header from every container that lists it, as from a Fetch Headers', () => {
    const fetchHeaders = new Headers([
      ['x-tag', 'a'],
      ['x-tag', 'b'],
    ]);
    const pairs: [string, string][] = [
      ['X-Tag', 'a'],
      ['x-tag', 'b'],
    ];
    expect(headerReader(fetchHeaders).get('x-tag')).toBe('a, b');
    expect(headerReader(pairs).get('x-tag')).toBe('a, b');
    expect(headerReader({ 'x-tag': ['a', 'b'] }).get('x-tag')).toBe('a, b');
  });

  test('reads a plain object whatever the case of its names, and numbers as text', () => {
    const read = headerReader({ 'Retry-After': 2, 'content-type': 'text/html' });
    expect(read.get('retry-after')).toBe('2');
    expect(read.get('content-type')).toBe('text/html');
    expect(read.get('x-missing')).toBeUndefined();
    expect(headerReader(undefined).get('retry-after')).toBeUndefined();
  });

  test('lists a Map and axios-style headers by lower-case name, and reads a get-only container through get', () => {
    expect(headerReader(new Map([['Retry-After', '2']])).get('retry-after')).toBe('2');
    const axiosLike = {
      get: () => 'never asked',
      *[Symbol.iterator]() {
        yield ['Content-Type', 'application/json'] as const;
        yield ['set-cookie', ['a=1', 'b=2']] as const;
      },
    };
    expect(headerReader(axiosLike).get('content-type')).toBe('application/json');
    expect(headerReader(axiosLike).get('set-cookie')).toBe('a=1, b=2');
    const getOnly = { get: (name: string) => (name === 'retry-after' ? '3' : null) };
    expect(headerReader(getOnly).get('retry-after')).toBe('3');
    expect(headerReader(getOnly).get('x-missing')).toBeUndefined();
  });

  test('reads a lower-case plain object in place: own names only, the same values a copy gives', () => {
    const record = Object.assign(Object.create({ 'x-inherited': 'no' }), {
      'retry-after': 2,
      'set-cookie': ['a=1', 7, 'b=2'],
      'x-null': null,
      constructor: 'data',
    });
    const read = headerReader(record);
    expect(read.get('retry-after')).toBe('2');
    expect(read.get('set-cookie')).toBe('a=1, b=2');
    expect(read.get('x-null')).toBeUndefined();
    expect(read.get('x-inherited')).toBeUndefined();
    expect(read.get('constructor')).toBe('data');
    expect(read.get('toString')).toBeUndefined();
    expect([...(read.keys?.() ?? [])]).toEqual(['retry-after', 'set-cookie', 'x-null', 'constructor']);
    for (const name of ['retry-after', 'set-cookie', 'x-null', 'constructor'])
      expect(read.get(name)).toBe(headerMap(record).get(name));
    expect(headerReader(JSON.parse('{"__proto__":"x"}')).get('__proto__')).toBe('x');
  });

  test('property: a plain object reads the same in place as copied into a map, whatever its names and values', () => {
    const names = fc.constantFrom(
      'retry-after',
      'Retry-After',
      'x-request-id',
      'set-cookie',
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
    );
    const values = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.constant(null),
      fc.boolean(),
      fc.array(fc.oneof(fc.string(), fc.integer())),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(names, values), { maxLength: 6 }), (entries) => {
        const record: Record<string, unknown> = JSON.parse('{}');
        for (const [name, value] of entries)
          Object.defineProperty(record, name, { value, enumerable: true, configurable: true });
        const read = headerReader(record);
        const copied = headerMap(record);
        for (const name of [
          'retry-after',
          'x-request-id',
          'set-cookie',
          '__proto__',
          'constructor',
          'tostring',
          'valueof',
        ])
          expect(read.get(name)).toBe(copied.get(name));
        // Every header with a value is listed, and only the object's own names are.
        const listed = new Set(read.keys?.() ?? []);
        const own = new Set(Object.keys(record).map((name) => name.toLowerCase()));
        for (const name of copied.keys()) expect(listed.has(name)).toBe(true);
        for (const name of listed) expect(own.has(name)).toBe(true);
      }),
    );
  });

  test('stops listing an endless iterable after 4,096 headers', () => {
    const endless = {
      *[Symbol.iterator]() {
        for (let index = 0; ; index++) yield [`x-${index}`, 'v'] as const;
      },
    };
    const read = headerReader(endless);
    expect(read.get('x-0')).toBe('v');
    expect(read.get('x-4095')).toBe('v');
    expect(read.get('x-4096')).toBeUndefined();
  });
});

describe('headerMap', () => {
  test('lists pairs and own entries by lower-case name, and a __proto__ name as data', () => {
    expect(
      Object.fromEntries(
        headerMap([
          ['Set-Cookie', 'a=1'],
          ['set-cookie', 'b=2'],
        ]),
      ),
    ).toEqual({
      'set-cookie': 'a=1, b=2',
    });
    const listed = Object.fromEntries(headerMap(JSON.parse('{"__proto__":"x","A":"1"}')));
    expect(Object.getPrototypeOf(listed)).toBe(Object.prototype);
    expect(Object.hasOwn(listed, '__proto__')).toBe(true);
    expect(listed.a).toBe('1');
  });
});

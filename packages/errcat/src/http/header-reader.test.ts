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

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headerValues } from './header-values.js';
import { readHeader } from './read-header.js';

describe('readHeader: one request header, its first value', () => {
  it('reads a plain object by the lower-case name, whatever case is asked for', () => {
    expect(readHeader({ 'x-request-id': 'abc' }, 'X-Request-Id')).toBe('abc');
    expect(readHeader({ 'X-Request-Id': 'abc' }, 'x-request-id')).toBeUndefined();
    expect(readHeader({ 'set-cookie': ['a=1', 'b=2'] }, 'set-cookie')).toBe('a=1');
    expect(readHeader({ 'set-cookie': [] }, 'set-cookie')).toBeUndefined();
    expect(readHeader({ 'content-length': 42 }, 'content-length')).toBe('42');
    expect(readHeader({ accept: undefined }, 'accept')).toBeUndefined();
  });

  it('reads no inherited member of a plain object as a header', () => {
    expect(readHeader({}, 'constructor')).toBeUndefined();
    expect(readHeader({}, 'toString')).toBeUndefined();
  });

  it('asks a `get` method (a Fetch Headers) for the lower-case name', () => {
    expect(readHeader(new Headers({ accept: 'application/json' }), 'Accept')).toBe('application/json');
    const asked: string[] = [];
    const get = (name: string) => {
      asked.push(name);
      return null;
    };
    expect(readHeader({ get }, 'X-Request-Id')).toBeUndefined();
    expect(asked).toEqual(['x-request-id']);
  });

  it('reads [name, value] pairs by any case, the first pair of the name winning', () => {
    const pairs = [
      ['Accept', 'text/html'],
      ['accept', 'application/json'],
    ] as const;
    expect(readHeader(pairs, 'accept')).toBe('text/html');
    expect(readHeader(new Map([['x-request-id', 'req-1']]), 'X-Request-Id')).toBe('req-1');
    expect(readHeader([['traceparent', 'tp']], 'x-request-id')).toBeUndefined();
  });

  it('reads nothing from no headers', () => {
    expect(readHeader(undefined, 'accept')).toBeUndefined();
  });

  it('gives the same header from a plain object, its pairs and a Fetch Headers', () => {
    const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/);
    const value = fc.stringMatching(/^[!-~]([ -~]{0,30}[!-~])?$/);
    fc.assert(
      fc.property(fc.dictionary(name, value), name, (record, asked) => {
        const expected = Object.hasOwn(record, asked) ? record[asked] : undefined;
        expect(readHeader(record, asked.toUpperCase())).toBe(expected);
        expect(readHeader(Object.entries(record), asked)).toBe(expected);
        expect(readHeader(new Headers(record), asked)).toBe(expected);
        expect(headerValues(Object.entries(record), asked)).toBe(expected);
      }),
    );
  });
});

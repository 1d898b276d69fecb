import { describe, expect, it } from 'vitest';
import { headerValues } from './header-values.js';

describe('headerValues: every value of one request header', () => {
  it("gives a plain object's value as it is, a list when it holds repeats", () => {
    expect(headerValues({ authorization: ['Bearer a', 'Bearer b'] }, 'Authorization')).toEqual([
      'Bearer a',
      'Bearer b',
    ]);
    expect(headerValues({ authorization: 'Bearer a' }, 'authorization')).toBe('Bearer a');
    expect(headerValues({ 'content-length': 42 }, 'content-length')).toBe('42');
    expect(headerValues({ Authorization: 'Bearer a' }, 'authorization')).toBeUndefined();
    expect(headerValues({}, 'constructor')).toBeUndefined();
  });

  it('gives every pair of the name (any case) in order: one value alone, several as a list', () => {
    const repeated = [
      ['Authorization', 'Bearer a'],
      ['x-api-key', 'k'],
      ['authorization', 'Bearer b'],
    ] as const;
    expect(headerValues(repeated, 'authorization')).toEqual(['Bearer a', 'Bearer b']);
    expect(headerValues(repeated, 'X-Api-Key')).toBe('k');
    expect(headerValues(repeated, 'cookie')).toBeUndefined();
  });

  it("gives what a `get` method gives: a Fetch Headers' repeats arrive joined", () => {
    const headers = new Headers([
      ['authorization', 'Bearer a'],
      ['authorization', 'Bearer b'],
    ]);
    expect(headerValues(headers, 'authorization')).toBe('Bearer a, Bearer b');
    expect(headerValues(new Headers(), 'authorization')).toBeUndefined();
  });

  it('ignores values that are not text, as axios declares its headers (boolean, null, objects)', () => {
    expect(headerValues({ 'x-flag': true, 'x-none': null }, 'x-flag')).toBeUndefined();
    expect(headerValues({ 'x-none': null }, 'x-none')).toBeUndefined();
    expect(headerValues({ 'set-cookie': ['a=1', 7, 'b=2'] }, 'set-cookie')).toEqual(['a=1', 'b=2']);
    expect(headerValues({ get: () => ({ nested: 'x' }) }, 'x-any')).toBeUndefined();
    expect(headerValues({ get: () => 42 }, 'content-length')).toBe('42');
  });

  it('reads nothing from no headers', () => {
    expect(headerValues(undefined, 'authorization')).toBeUndefined();
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAuthorization } from './authorization-header.js';

describe('parseAuthorization', () => {
  it('splits scheme and credentials, case-insensitively for the scheme', () => {
    expect(parseAuthorization('Bearer abc.DEF-_~+/==')).toEqual({
      kind: 'credentials',
      scheme: 'bearer',
      credentials: 'abc.DEF-_~+/==',
    });
    expect(parseAuthorization('  BEARER   tok  ')).toEqual({
      kind: 'credentials',
      scheme: 'bearer',
      credentials: 'tok',
    });
    expect(parseAuthorization('Basic dXNlcjpwYXNz')).toEqual({
      kind: 'credentials',
      scheme: 'basic',
      credentials: 'dXNlcjpwYXNz',
    });
    expect(parseAuthorization(['Bearer one'])).toMatchObject({ credentials: 'one' });
  });

  it('tells missing from malformed', () => {
    for (const value of [undefined, null, '', '   ', []])
      expect(parseAuthorization(value)).toEqual({ kind: 'missing' });
    for (const value of [
      'Bearer',
      'Bearer ',
      'Bearer a b',
      'Bearer a,b',
      'B@d token',
      ['Bearer a', 'Bearer b'],
    ]) {
      expect(parseAuthorization(value)).toEqual({ kind: 'malformed' });
    }
    expect(parseAuthorization(`Bearer ${'a'.repeat(20_000)}`)).toEqual({ kind: 'malformed' });
  });

  it('never throws, and what it accepts as Bearer is a b64token (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.string().map((s) => `Bearer ${s}`),
        ),
        (value) => {
          const result = parseAuthorization(value);
          if (result.kind === 'credentials' && result.scheme === 'bearer') {
            expect(result.credentials).toMatch(/^[A-Za-z0-9\-._~+/]+=*$/);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

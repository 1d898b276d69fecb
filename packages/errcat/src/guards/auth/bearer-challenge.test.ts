import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bearerChallenge } from './bearer-challenge.js';

/** RFC 9110 field-value characters: visible ASCII, space and tab. */
const FIELD_VALUE = /^[\t\x20-\x7e]*$/;
/** `Bearer` then comma-separated `name="value"` pairs whose values hold no quote or backslash. */
const CHALLENGE = /^Bearer(?: [a-z_]+="[^"\\]*"(?:, [a-z_]+="[^"\\]*")*)?$/;

describe('bearerChallenge', () => {
  it('formats the RFC 6750 parameters in order', () => {
    expect(bearerChallenge()).toBe('Bearer');
    expect(bearerChallenge({ realm: 'api' })).toBe('Bearer realm="api"');
    expect(
      bearerChallenge({
        realm: 'api',
        error: 'insufficient_scope',
        description: 'Needs write',
        scope: ['promises:read', 'promises:write'],
      }),
    ).toBe(
      'Bearer realm="api", error="insufficient_scope", error_description="Needs write", scope="promises:read promises:write"',
    );
    expect(bearerChallenge({ scope: 'a  b' })).toBe('Bearer scope="a b"');
    expect(bearerChallenge({ scope: [] })).toBe('Bearer');
  });

  it('cannot be used to break quotes or inject headers', () => {
    const value = bearerChallenge({ realm: 'a"b\\c\r\nSet-Cookie: x=1', description: 'é"\n' });
    expect(value).toBe('Bearer realm="abcSet-Cookie: x=1", error_description=""');
  });

  it('always yields a safe, well-formed header value (property)', () => {
    const text = fc.string({ unit: 'binary', maxLength: 300 });
    fc.assert(
      fc.property(
        fc.record(
          {
            realm: text,
            error: fc.constantFrom('invalid_request', 'invalid_token', 'insufficient_scope') as fc.Arbitrary<
              'invalid_request' | 'invalid_token' | 'insufficient_scope'
            >,
            description: text,
            scope: fc.oneof(text, fc.array(text)),
          },
          { requiredKeys: [] },
        ),
        (challenge) => {
          const value = bearerChallenge(challenge);
          expect(value).toMatch(FIELD_VALUE);
          expect(value).toMatch(CHALLENGE);
          expect(value.length).toBeLessThan(2000);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

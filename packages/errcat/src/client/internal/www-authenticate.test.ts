import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bearerError } from './www-authenticate.js';

describe('bearerError', () => {
  it("reads RFC 6750 §3's examples", () => {
    expect(
      bearerError(
        'Bearer realm="example", error="invalid_token", error_description="The access token expired"',
      ),
    ).toEqual({ error: 'invalid_token', description: 'The access token expired', uri: undefined });
    expect(bearerError('Bearer realm="example"')).toBeUndefined();
  });

  it('reads tokens and quoted strings with escapes, across several challenges', () => {
    expect(
      bearerError('Basic realm="a, b", Bearer error=insufficient_scope, error_uri="https://x.test/e"'),
    ).toEqual({
      error: 'insufficient_scope',
      description: undefined,
      uri: 'https://x.test/e',
    });
    expect(bearerError('Bearer error="invalid_request", error_description="say \\"hi\\""')?.description).toBe(
      'say "hi"',
    );
    expect(bearerError('Bearer ERROR = "invalid_token"')?.error).toBe('invalid_token');
  });

  it('skips malformed parts and token68 credentials', () => {
    expect(bearerError('Negotiate abc==, Bearer error="invalid_token"')?.error).toBe('invalid_token');
    expect(bearerError('error')).toBeUndefined();
    expect(bearerError('Bearer error="unterminated')?.error).toBe('unterminated');
    expect(bearerError(`Bearer error="${'x'.repeat(5000)}"`)).toBeUndefined();
  });

  it('reads back any error and description it is given, and never throws (property)', () => {
    const token = fc.stringMatching(/^[a-z_]{1,20}$/);
    const quoted = fc.stringMatching(/^[ !#-[\]-~]{1,40}$/);
    fc.assert(
      fc.property(token, quoted, fc.boolean(), (error, description, commas) => {
        const separator = commas ? ', ' : ' ';
        const field = `Bearer realm="api"${separator}error="${error}"${separator}error_description="${description}"`;
        expect(bearerError(field)).toEqual({ error, description, uri: undefined });
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (field) => {
        const said = bearerError(`Bearer ${field}`);
        if (said !== undefined) expect(field.toLowerCase()).toContain('error');
      }),
      { numRuns: 3000 },
    );
  });
});

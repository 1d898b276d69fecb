import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { JSON_FORMATS } from './json-formats.js';

/** A body each format reads, in the order of JSON_FORMATS. */
const EXAMPLES: readonly Record<string, unknown>[] = [
  { kind: 'promises.get', head: { corrId: 'c1', status: 404, version: 'v' }, data: 'Promise not found' },
  { type: 'response', id: '1', status: 'error', error: { code: 'X', message: 'm' } },
  { error: { code: 404, message: 'm', status: 'NOT_FOUND' } },
  { error: { code: 4040, message: 'm', details: [{ '@type': 'RequestError', domain: 'request' }] } },
  { error: { code: 'X', message: 'm' } },
  { type: 'https://example.com/probs/out-of-credit', title: 'Out of credit', status: 403 },
  { errors: [{ status: '404', title: 'Not found' }] },
  { error: 'AUTH-401', message: 'Token expired' },
  { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'm', reason: 'NotFound', code: 404 },
];

/** Every member name of the examples. */
const NAMES = [...new Set(EXAMPLES.flatMap((example) => Object.keys(example)))];

/**
 * Bodies close to the formats: an example with some members dropped and others set to another
 * example's member or to any JSON, so that a gate too narrow for its decoder is found.
 */
const body = fc
  .tuple(
    fc.constantFrom(...EXAMPLES),
    fc.subarray(NAMES),
    fc.dictionary(
      fc.constantFrom(...NAMES),
      fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.constantFrom(...EXAMPLES.flatMap((example) => Object.values(example))),
      ),
      { maxKeys: 3 },
    ),
  )
  .map(([example, dropped, extra]) => {
    const value: Record<string, unknown> = { ...example, ...extra };
    for (const name of dropped) delete value[name];
    return value;
  });

describe('JSON formats', () => {
  test('no decoder reads a body without the member its format is tried for (property)', () => {
    fc.assert(
      fc.property(body, (value) => {
        for (const format of JSON_FORMATS) {
          if (!format.has(value)) expect(format.decode(value, 'application/json')).toBeUndefined();
        }
      }),
      { numRuns: 3000 },
    );
  });

  test('the bodies they are tried for do reach each decoder', () => {
    JSON_FORMATS.forEach((format, index) => {
      const example = EXAMPLES[index] as Record<string, unknown>;
      expect(format.has(example)).toBe(true);
      expect(format.decode(example, 'application/json')).toBeDefined();
    });
  });
});

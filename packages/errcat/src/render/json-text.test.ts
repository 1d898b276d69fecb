import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeStringify } from '../internal/safe-json.js';
import { jsonMembers, jsonScalar, jsonString, jsonStringContent } from './json-text.js';

/** Any string: quotes, backslashes, controls, lone surrogates and astral characters. */
const anyString = fc.string({ unit: 'binary', maxLength: 40 });

describe('json text', () => {
  it('writes strings and scalars byte for byte as JSON.stringify (property)', () => {
    fc.assert(
      fc.property(anyString, (value) => {
        expect(jsonString(value)).toBe(JSON.stringify(value));
        expect(`"${jsonStringContent(value)}"`).toBe(JSON.stringify(value));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(
        fc.oneof(anyString, fc.double(), fc.integer(), fc.boolean(), fc.constant(null)),
        (value) => {
          expect(jsonScalar(value)).toBe(JSON.stringify(value));
        },
      ),
      { numRuns: 1000 },
    );
    for (const value of [undefined, {}, [], 1n, () => 1, Symbol('s'), new String('boxed')]) {
      expect(jsonScalar(value)).toBeUndefined();
    }
  });

  it('writes an object as safeStringify does, or nothing for an empty one (property)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          anyString,
          fc.oneof(anyString, fc.double(), fc.boolean(), fc.constant(undefined), fc.jsonValue()),
        ),
        fc.boolean(),
        (members, nullPrototype) => {
          const value = nullPrototype ? Object.assign(Object.create(null), members) : members;
          const json = jsonMembers(value, 31);
          expect(json).toBe(Object.keys(value).length === 0 ? '' : safeStringify(value, 31));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('leaves an object with toJSON, or with members that throw, to the caller', () => {
    expect(jsonMembers({ toJSON: () => 'x', id: 1 }, 31)).toBeUndefined();
    const hostile = Object.defineProperty({}, 'boom', {
      enumerable: true,
      get() {
        throw new Error('getter exploded');
      },
    });
    expect(jsonMembers(hostile, 31)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { isJsonObject, resolveRef } from './openapi-refs.js';

const document = {
  components: {
    schemas: {
      Error: { type: 'object' },
      Alias: { $ref: '#/components/schemas/Error' },
      'a/b~c': { type: 'string' },
      Loop: { $ref: '#/components/schemas/Back' },
      Back: { $ref: '#/components/schemas/Loop' },
    },
  },
  list: [{ type: 'integer' }],
};

describe('resolveRef', () => {
  it('follows a chain of local refs, with escaped and percent-encoded pointers and array indexes', () => {
    expect(resolveRef(document, { $ref: '#/components/schemas/Alias' })).toEqual({ type: 'object' });
    expect(resolveRef(document, { $ref: '#/components/schemas/a~1b~0c' })).toEqual({ type: 'string' });
    expect(resolveRef(document, { $ref: '#/components/schemas/a%2Fb~0c' })).toEqual({ type: 'string' });
    expect(resolveRef(document, { $ref: '#/list/0' })).toEqual({ type: 'integer' });
    expect(resolveRef(document, { type: 'boolean' })).toEqual({ type: 'boolean' });
  });

  it('is undefined for a cycle, a pointer to nothing, another file and a malformed escape', () => {
    expect(resolveRef(document, { $ref: '#/components/schemas/Loop' })).toBeUndefined();
    expect(resolveRef(document, { $ref: '#/components/schemas/Nope' })).toBeUndefined();
    expect(resolveRef(document, { $ref: 'common.yaml#/Error' })).toBeUndefined();
    expect(resolveRef(document, { $ref: '#/components/%E0%A4%A' })).toBeUndefined();
  });
});

describe('isJsonObject', () => {
  it('is true for objects only', () => {
    expect([{}, [], null, 'x'].map(isJsonObject)).toEqual([true, false, false, false]);
  });
});

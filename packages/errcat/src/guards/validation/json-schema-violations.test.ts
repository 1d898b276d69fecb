import { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type JsonSchemaError, violationsFromJsonSchema } from './json-schema-violations.js';

const ajv = new Ajv({ allErrors: true });
const schema = {
  type: 'object',
  required: ['email', 'name'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 3, maxLength: 5 },
    email: { type: 'string', pattern: '^[^@]+@[^@]+$' },
    age: { type: 'integer', minimum: 18, maximum: 99 },
    role: { enum: ['admin', 'user'] },
    tags: { type: 'array', uniqueItems: true, maxItems: 3 },
    'a/b': { type: 'string' },
  },
};
const validate = ajv.compile(schema);

function errorsFor(data: unknown): JsonSchemaError[] {
  if (validate(data)) throw new Error('expected errors');
  return validate.errors ?? [];
}

describe('violationsFromJsonSchema', () => {
  it('maps real Ajv errors to pointers at the field itself', () => {
    const list = violationsFromJsonSchema(
      errorsFor({ name: 'ab', age: 5, role: 'x', tags: [1, 1], extra: true, 'a/b': 1 }),
      'body',
    );
    expect(list.map((item) => [item.pointer, item.type])).toEqual([
      ['/email', 'required'],
      ['/extra', 'unknown_field'],
      ['/name', 'min_length'],
      ['/age', 'minimum'],
      ['/role', 'enum'],
      ['/tags', 'unique'],
      ['/a~1b', 'type'],
    ]);
    expect(list.find((item) => item.pointer === '/email')?.message).toBe(
      "must have required property 'email'",
    );
  });

  it('maps the remaining keywords and Fastify part names', () => {
    const list = violationsFromJsonSchema(
      errorsFor({ email: 'x', name: 'abcdefg', age: 100, tags: [1, 2, 3, 4] }),
      'querystring',
    );
    expect(list.map((item) => [item.in, item.pointer, item.type])).toEqual([
      ['query', '/name', 'max_length'],
      ['query', '/email', 'pattern'],
      ['query', '/age', 'maximum'],
      ['query', '/tags', 'max_length'],
    ]);
    expect(violationsFromJsonSchema([{ keyword: 'multipleOf', instancePath: '/n' }], 'params')).toEqual([
      { in: 'params', pointer: '/n', type: 'invalid', message: "failed 'multipleOf'" },
    ]);
    const formats = violationsFromJsonSchema([
      { keyword: 'format', instancePath: '/email', params: { format: 'email' } },
      { keyword: 'format', instancePath: '/contact', params: { format: 'idn-email' } },
      { keyword: 'format', instancePath: '/site', params: { format: 'uri' } },
    ]);
    expect(formats.map((item) => [item.pointer, item.type])).toEqual([
      ['/email', 'email'],
      ['/contact', 'email'],
      ['/site', 'format'],
    ]);
  });

  it('never throws on arbitrary error-shaped input (property)', () => {
    const arbitraryError = fc.record(
      {
        instancePath: fc.oneof(fc.string(), fc.constant('/a/0'), fc.anything()),
        keyword: fc.oneof(
          fc.constantFrom('required', 'type', 'additionalProperties', '__proto__'),
          fc.anything(),
        ),
        params: fc.oneof(fc.dictionary(fc.string(), fc.anything()), fc.constant(undefined)),
        message: fc.anything(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(arbitraryError), (errors) => {
        const list = violationsFromJsonSchema(errors as unknown as JsonSchemaError[], 'headers');
        expect(list).toHaveLength(errors.length);
        for (const item of list) {
          expect(typeof item.pointer).toBe('string');
          expect(typeof item.message).toBe('string');
        }
      }),
      { numRuns: 500 },
    );
  });
});

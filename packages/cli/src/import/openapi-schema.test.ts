import { describe, expect, it } from 'vitest';
import { flattenSchema, importedField, jsonFieldType, schemaAt } from './openapi-schema.js';

const document = {
  components: {
    schemas: {
      Base: { type: 'object', required: ['code'], properties: { code: { type: 'string' } } },
      Node: { type: 'object', properties: { child: { $ref: '#/components/schemas/Node' } } },
    },
  },
};

describe('flattenSchema', () => {
  it('merges allOf (with its required), oneOf and anyOf (without), through refs', () => {
    const flat = flattenSchema(document, {
      allOf: [{ $ref: '#/components/schemas/Base' }],
      oneOf: [{ required: ['hint'], properties: { hint: { type: 'string' } } }],
      anyOf: [{ properties: { code: { type: 'integer' } } }],
      example: { code: 'A' },
      examples: [{ code: 'B' }],
    });
    expect([...flat.properties.keys()]).toEqual(['code', 'hint']);
    expect([...flat.required]).toEqual(['code']);
    expect(flat.examples).toEqual([{ code: 'A' }, { code: 'B' }]);
  });

  it('reads 3.1 type arrays and 3.0 nullable, enum and const', () => {
    expect([...flattenSchema(document, { type: ['string', 'null'] }).types]).toEqual(['string', 'null']);
    expect([...flattenSchema(document, { type: 'string', nullable: true }).types]).toEqual([
      'string',
      'null',
    ]);
    expect(flattenSchema(document, { enum: ['A', 'B'], allOf: [{ const: 'C' }] }).values).toEqual([
      'A',
      'B',
      'C',
    ]);
  });

  it('ends on a schema that contains itself', () => {
    const node = schemaAt(document, { $ref: '#/components/schemas/Node' }, ['child', 'child', 'child']);
    expect(node).toEqual({ $ref: '#/components/schemas/Node' });
  });
});

describe('importedField', () => {
  it('takes the type from type, else properties, items, enum values or examples', () => {
    expect(importedField(flattenSchema(document, { type: ['null', 'integer'] }), true)).toEqual({
      type: 'integer',
    });
    expect(importedField(flattenSchema(document, { properties: { a: {} } }), false)).toEqual({
      type: 'object',
      optional: true,
    });
    expect(importedField(flattenSchema(document, { enum: ['x', 'y'], description: 'Which.' }), true)).toEqual(
      {
        type: 'string',
        description: 'Which.',
        enum: ['x', 'y'],
      },
    );
    expect(importedField(flattenSchema(document, { example: 2.5 }), true)).toEqual({ type: 'number' });
    expect(importedField(flattenSchema(document, {}), true)).toBeUndefined();
  });

  it('names JSON types as the catalog does', () => {
    expect([1, 1.5, 'a', true, [], {}, null].map(jsonFieldType)).toEqual([
      'integer',
      'number',
      'string',
      'boolean',
      'array',
      'object',
      undefined,
    ]);
  });
});

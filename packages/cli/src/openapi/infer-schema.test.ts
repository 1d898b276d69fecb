import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { inferSchema, type Probe } from './infer-schema.js';

// ownProperties: a body without `valueOf` must not pass Object.prototype.valueOf to a property's schema.
const ajv = new Ajv2020({ strict: false, ownProperties: true });
const details = { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] };

/** JSON values as a wire profile could render them: JSON.parse of JSON.stringify keeps them honest. */
const body = fc.jsonValue().map((value) => JSON.parse(JSON.stringify(value)) as unknown);

function probesOf(bodies: readonly unknown[]): Probe[] {
  return bodies.map((value) => ({ body: value, details: {} }));
}

describe('inferSchema', () => {
  test('property: every probe validates against the schema inferred from it, with and without constants', () => {
    fc.assert(
      fc.property(fc.array(body, { minLength: 1, maxLength: 4 }), fc.boolean(), (bodies, constants) => {
        const schema = inferSchema(probesOf(bodies), { details, constants });
        const validate = ajv.compile(schema);
        for (const value of bodies) expect(validate(value), JSON.stringify({ schema, value })).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('members named like Object.prototype members are inferred as their own properties', () => {
    const bodies = JSON.parse('[{"valueOf":"x","__proto__":{"a":1}},{}]') as unknown[];
    const schema = inferSchema(probesOf(bodies), { details, constants: false });
    expect(JSON.parse(JSON.stringify(schema))).toEqual({
      type: 'object',
      properties: {
        valueOf: { type: 'string' },
        ['__proto__']: { type: 'object', properties: { a: { type: 'integer' } }, required: ['a'] },
      },
    });
    const validate = ajv.compile(schema);
    for (const value of bodies) expect(validate(value)).toBe(true);
  });

  test('property: without constants the schema fixes no value', () => {
    fc.assert(
      fc.property(fc.array(body, { minLength: 1, maxLength: 4 }), (bodies) => {
        expect(JSON.stringify(inferSchema(probesOf(bodies), { details, constants: false }))).not.toContain(
          '"const"',
        );
      }),
      { numRuns: 200 },
    );
  });

  test('property: the details object a profile copies as is becomes the details schema', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.string(), (extra, code) => {
        const probes = [0, 1].map((index) => {
          const own = { id: `order-${index}`, ...extra };
          return { body: { code, details: own }, details: own };
        });
        const schema = inferSchema(probes, { details, constants: true }) as {
          properties: Record<string, unknown>;
        };
        expect(schema.properties.details).toBe(details);
        expect(schema.properties.code).toEqual({ type: 'string', const: code });
      }),
    );
  });

  test('presence across probes decides required; equal values in two probes or more are const', () => {
    const schema = inferSchema(
      probesOf([
        { a: 1, b: 'x', c: true },
        { a: 1, b: 'y' },
        { a: 1, c: true },
      ]),
      {
        details,
        constants: true,
      },
    );
    expect(schema).toEqual({
      type: 'object',
      properties: {
        a: { type: 'integer', const: 1 },
        b: { type: 'string' },
        c: { type: 'boolean', const: true },
      },
      required: ['a'],
    });
  });

  test('a value seen in one probe only is typed, not fixed', () => {
    const schema = inferSchema(probesOf([{ only: 'once' }, {}]), { details, constants: true });
    expect(schema).toEqual({ type: 'object', properties: { only: { type: 'string' } } });
  });

  test('items of a mixed array split on a recurring string member, like google @type', () => {
    const item = (type: string, extra: object) => ({ '@type': type, ...extra });
    const schema = inferSchema(
      probesOf([
        [item('Info', { reason: 'R' }), item('Help', { url: 'u' })],
        [item('Info', { reason: 'R' }), item('Help', { url: 'u' }), item('Retry', { delay: '3s' })],
      ]),
      { details, constants: true },
    );
    expect(schema).toEqual({
      type: 'array',
      items: {
        anyOf: [
          {
            type: 'object',
            properties: {
              '@type': { type: 'string', const: 'Info' },
              reason: { type: 'string', const: 'R' },
            },
            required: ['@type', 'reason'],
          },
          {
            type: 'object',
            properties: { '@type': { type: 'string', const: 'Help' }, url: { type: 'string', const: 'u' } },
            required: ['@type', 'url'],
          },
          {
            type: 'object',
            properties: { '@type': { type: 'string' }, delay: { type: 'string' } },
            required: ['@type', 'delay'],
          },
        ],
      },
    });
  });

  test('items that differ only in occurrence text stay one schema', () => {
    const violation = (detail: string) => ({ status: '422', detail });
    const schema = inferSchema(
      probesOf([[violation('id is required'), violation('name is too long')], [violation('other')]]),
      {
        details,
        constants: true,
      },
    );
    expect(schema).toEqual({
      type: 'array',
      items: {
        type: 'object',
        properties: { status: { type: 'string', const: '422' }, detail: { type: 'string' } },
        required: ['status', 'detail'],
      },
    });
  });

  test('mixed types become a type list; integers widen to number', () => {
    expect(inferSchema(probesOf([1, 1.5]), { details, constants: true })).toEqual({ type: 'number' });
    expect(inferSchema(probesOf([1, 'a', null]), { details, constants: true })).toEqual({
      type: ['integer', 'null', 'string'],
    });
    expect(inferSchema([], { details, constants: true })).toEqual({});
  });
});

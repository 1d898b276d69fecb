import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compileTemplate } from '../../message-template.js';
import { compilePlainTemplate } from './plain-template.js';

const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/);
const text = fc.string({ maxLength: 12 }).filter((piece) => !/[{}[\]]/.test(piece));
const plainTemplate = fc
  .array(
    fc.oneof(
      text,
      name.map((parameter) => `{${parameter}}`),
    ),
    { maxLength: 8 },
  )
  .map((pieces) => pieces.join(''));
const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(undefined), fc.constant(null));

describe('compilePlainTemplate', () => {
  test('compiles a template of plain parameters as compileTemplate does', () => {
    fc.assert(
      fc.property(plainTemplate, fc.dictionary(name, value), (source, values) => {
        const full = compileTemplate(source);
        if (!full.ok) throw new Error(full.problem);
        const plain = compilePlainTemplate(source);
        expect(plain.source).toBe(full.template.source);
        expect(plain.required).toEqual(full.template.required);
        expect(plain.optional).toEqual(full.template.optional);
        expect(plain.render(values)).toBe(full.template.render(values));
        expect(plain.render(undefined)).toBe(full.template.render(undefined));
      }),
    );
  });

  test.each([
    'Slow down[ for {seconds}s]',
    'a {{literal}} brace',
    'limit [[1, 10]]',
    'Order {id',
    '{not a name}',
  ])('throws for %j, which needs the full compiler', (source) => {
    expect(() => compilePlainTemplate(source)).toThrow(TypeError);
  });
});

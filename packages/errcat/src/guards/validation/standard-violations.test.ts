import { type } from 'arktype';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { StandardSchemaV1 } from '../../standard-schema.js';
import type { Violation } from '../../violation.js';
import { violationsFromIssues } from './standard-violations.js';

/** Validates with the schema's own Standard Schema interface and maps the issues. */
async function violations(schema: StandardSchemaV1, input: unknown): Promise<Violation[]> {
  const result = await schema['~standard'].validate(input);
  if (!result.issues) throw new Error('expected issues');
  return violationsFromIssues(result.issues, { in: 'body', input });
}

/** Pointer → type, the part of a violation that must not depend on the library. */
function types(list: readonly Violation[]): Record<string, string> {
  return Object.fromEntries(list.map((violation) => [violation.pointer, violation.type]));
}

// One input that breaks every rule once, validated by the same rules written in three libraries.
const input = {
  name: 'ab',
  nick: 'abcdefghijk',
  email: 'not-an-email',
  age: 5,
  score: 101,
  code: 'zz',
  role: 'root',
  extra: 1,
  items: [{ email: 3 }],
};
const expected = {
  '/name': 'min_length',
  '/nick': 'max_length',
  '/email': 'email',
  '/age': 'minimum',
  '/score': 'maximum',
  '/code': 'pattern',
  '/role': 'enum',
  '/extra': 'unknown_field',
  '/items/0/email': 'type',
  '/missing': 'required',
};

describe('violationsFromIssues', () => {
  it('normalises Zod issues', async () => {
    const schema = z.strictObject({
      name: z.string().min(3),
      nick: z.string().max(10),
      email: z.email(),
      age: z.number().min(18),
      score: z.number().max(100),
      code: z.string().regex(/^[0-9]+$/),
      role: z.enum(['admin', 'user']),
      missing: z.string(),
      items: z.array(z.object({ email: z.string() })),
    });
    const list = await violations(schema, input);
    expect(types(list)).toEqual(expected);
    expect(list.find((item) => item.pointer === '/email')).toEqual({
      in: 'body',
      pointer: '/email',
      type: 'email',
      message: 'Invalid email address',
    });
  });

  it('normalises Valibot issues', async () => {
    const schema = v.strictObject({
      name: v.pipe(v.string(), v.minLength(3)),
      nick: v.pipe(v.string(), v.maxLength(10)),
      email: v.pipe(v.string(), v.email()),
      age: v.pipe(v.number(), v.minValue(18)),
      score: v.pipe(v.number(), v.maxValue(100)),
      code: v.pipe(v.string(), v.regex(/^[0-9]+$/)),
      role: v.picklist(['admin', 'user']),
      missing: v.string(),
      items: v.array(v.object({ email: v.string() })),
    });
    const list = await violations(schema, input);
    expect(types(list)).toEqual(expected);
    expect(list.find((item) => item.pointer === '/name')?.message).toContain('Invalid length');
  });

  it('normalises ArkType issues', async () => {
    const schema = type({
      '+': 'reject',
      name: 'string >= 3',
      nick: 'string <= 10',
      email: 'string.email',
      age: 'number >= 18',
      score: 'number <= 100',
      code: /^[0-9]+$/,
      role: "'admin' | 'user'",
      missing: 'string',
      items: type({ email: 'string' }).array(),
    });
    expect(types(await violations(schema, input))).toEqual(expected);
  });

  it('tells array sizes from numeric bounds and exact lengths by the value', async () => {
    const zod = z.object({ tags: z.array(z.string()).min(2), when: z.date().max(new Date(0)) });
    expect(types(await violations(zod, { tags: ['a'], when: new Date(1000) }))).toEqual({
      '/tags': 'min_length',
      '/when': 'maximum',
    });
    const valibot = v.object({
      pin: v.pipe(v.string(), v.length(4)),
      short: v.pipe(v.string(), v.length(4)),
    });
    expect(types(await violations(valibot, { pin: '12345', short: '1' }))).toEqual({
      '/pin': 'max_length',
      '/short': 'min_length',
    });
    const ark = type({ pin: 'string == 4' });
    expect(types(await violations(ark, { pin: '1' }))).toEqual({ '/pin': 'min_length' });
  });

  it('reports custom refinements as invalid and a missing body as required', async () => {
    const refined = z
      .object({ a: z.number() })
      .refine((value) => value.a > 1, { message: 'a must exceed 1' });
    expect(await violations(refined, { a: 1 })).toEqual([
      { in: 'body', pointer: '', type: 'invalid', message: 'a must exceed 1' },
    ]);
    expect(types(await violations(z.object({ a: z.number() }), undefined))).toEqual({ '': 'required' });
  });

  it('takes the type a custom check names, and only a known one', async () => {
    const zod = z.object({
      a: z.string().refine(() => false, { message: 'taken', params: { type: 'unique' } }),
      b: z.string().refine(() => false, { message: 'odd', params: { type: 'bogus' } }),
    });
    expect(types(await violations(zod, { a: 'x', b: 'y' }))).toEqual({ '/a': 'unique', '/b': 'invalid' });
    const valibot = v.object({
      a: v.pipe(
        v.string(),
        v.rawCheck(({ addIssue }) => addIssue({ message: 'taken', expected: 'unique' })),
      ),
      b: v.pipe(
        v.string(),
        v.check(() => false, 'odd'),
      ),
    });
    expect(types(await violations(valibot, { a: 'x', b: 'y' }))).toEqual({ '/a': 'unique', '/b': 'invalid' });
    const ark = type({
      a: type('string').narrow((_, ctx) => ctx.reject({ expected: 'unique' })),
      b: type('string').narrow((_, ctx) => ctx.reject({ expected: 'bogus' })),
    });
    expect(types(await violations(ark, { a: 'x', b: 'y' }))).toEqual({ '/a': 'unique', '/b': 'invalid' });
  });

  it('splits one Zod unrecognized-keys issue into a violation per key, escaping pointers', async () => {
    const list = await violations(z.strictObject({ a: z.string().optional() }), { 'x/y': 1, 'z~': 2 });
    expect(list.map((item) => [item.pointer, item.type])).toEqual([
      ['/x~1y', 'unknown_field'],
      ['/z~0', 'unknown_field'],
    ]);
  });

  it('keeps library types when no input is given, and survives odd issues', () => {
    const list = violationsFromIssues([
      {
        message: 'Invalid input: expected string, received undefined',
        path: ['a'],
        code: 'invalid_type',
      } as never,
      { message: 'x', path: [{ key: Symbol('s') }, 3] },
      { message: 'y', code: 'constructor' } as never,
      { message: 'z', code: '__proto__' } as never,
    ]);
    expect(list).toEqual([
      {
        in: 'body',
        pointer: '/a',
        type: 'type',
        message: 'Invalid input: expected string, received undefined',
      },
      { in: 'body', pointer: '/s/3', type: 'invalid', message: 'x' },
      { in: 'body', pointer: '', type: 'invalid', message: 'y' },
      { in: 'body', pointer: '', type: 'invalid', message: 'z' },
    ]);
  });
});

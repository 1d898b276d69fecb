/**
 * Seed 004's 422 through every validation library errcat reads: the same rules written in Zod,
 * Valibot, ArkType and JSON Schema (Ajv), broken by the same request, come out of the
 * api-reference catalog's VALIDATION_ERROR as the same violations: seed 004's types (`required`,
 * `email`, `min_length`, `max_length`, `pattern`, `unique`) in the `{ field, type, message }` shape
 * the catalog declares, each message naming its field.
 */
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { type } from 'arktype';
import { renderError } from 'errcat';
import {
  type StandardSchemaV1,
  validateRequest,
  validationFailed,
  violationsFromJsonSchema,
} from 'errcat/validation';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadSeedCatalog } from '../test-support/seed-catalogs.js';

const { catalog } = loadSeedCatalog('api-reference');

/** One body that breaks each of seed 004's six rules once. */
const body = { email: 'not-an-email', name: 'x', nick: 'n'.repeat(41), code: 'ab-12', tags: ['a', 'a'] };

const distinct = (items: readonly string[]) => new Set(items).size === items.length;

// The same rules in each library; uniqueness is a custom check that names seed 004's `unique`.
const zod = z.object({
  email: z.email(),
  password: z.string(),
  name: z.string().min(2),
  nick: z.string().max(40),
  code: z.string().regex(/^[0-9]+$/),
  tags: z
    .array(z.string())
    .refine(distinct, { message: 'must not repeat an item', params: { type: 'unique' } }),
});
const valibot = v.object({
  email: v.pipe(v.string(), v.email()),
  password: v.string(),
  name: v.pipe(v.string(), v.minLength(2)),
  nick: v.pipe(v.string(), v.maxLength(40)),
  code: v.pipe(v.string(), v.regex(/^[0-9]+$/)),
  tags: v.pipe(
    v.array(v.string()),
    v.rawCheck(({ dataset, addIssue }) => {
      if (dataset.typed && !distinct(dataset.value))
        addIssue({ message: 'must not repeat an item', expected: 'unique' });
    }),
  ),
});
const arktype = type({
  email: 'string.email',
  password: 'string',
  name: 'string >= 2',
  nick: 'string <= 40',
  code: /^[0-9]+$/,
  tags: type('string[]').narrow((items, ctx) => distinct(items) || ctx.reject({ expected: 'unique' })),
});
const jsonSchema = {
  type: 'object',
  required: ['email', 'password', 'name', 'nick', 'code', 'tags'],
  properties: {
    email: { type: 'string', format: 'email' },
    password: { type: 'string' },
    name: { type: 'string', minLength: 2 },
    nick: { type: 'string', maxLength: 40 },
    code: { type: 'string', pattern: '^[0-9]+$' },
    tags: { type: 'array', items: { type: 'string' }, uniqueItems: true },
  },
};
const ajv = new Ajv({ allErrors: true });
addFormats.default(ajv);
const validateJson = ajv.compile(jsonSchema);

/** The rendered 422 of a Standard Schema library, through validateRequest. */
async function viaStandardSchema(schema: StandardSchemaV1): Promise<Response422> {
  const error = await validateRequest({ body: schema }, { body }, { catalog }).catch(
    (thrown: unknown) => thrown,
  );
  return rendered(error);
}

/** The rendered 422 of JSON Schema, as Fastify's schema validation hands Ajv's errors over. */
function viaJsonSchema(): Response422 {
  if (validateJson(body)) throw new Error('expected errors');
  return rendered(validationFailed(violationsFromJsonSchema(validateJson.errors ?? [], 'body'), { catalog }));
}

interface Response422 {
  readonly status: number;
  readonly code: unknown;
  readonly errors: readonly Record<string, string>[];
}

function rendered(error: unknown): Response422 {
  const { status, body: text } = renderError(error as never);
  const parsed = JSON.parse(text) as { code: unknown; details: { errors: Record<string, string>[] } };
  return { status, code: parsed.code, errors: parsed.details.errors };
}

const LIBRARIES = {
  zod: () => viaStandardSchema(zod),
  valibot: () => viaStandardSchema(valibot),
  arktype: () => viaStandardSchema(arktype),
  'json schema (ajv)': async () => viaJsonSchema(),
};

describe('seed 004 violations × Zod, Valibot, ArkType, JSON Schema', () => {
  it.each(Object.entries(LIBRARIES))(
    '%s: seed 004’s types in the catalog’s { field, type, message }',
    async (_, run) => {
      const answer = await run();
      expect([answer.status, answer.code]).toEqual([422, 'validation_error']);
      const byField = Object.fromEntries(answer.errors.map((violation) => [violation.field, violation.type]));
      expect(byField).toEqual({
        email: 'email',
        password: 'required',
        name: 'min_length',
        nick: 'max_length',
        code: 'pattern',
        tags: 'unique',
      });
      for (const violation of answer.errors) {
        // Exactly the declared keys, in the declared order, and a message that names the field.
        expect(Object.keys(violation)).toEqual(['field', 'type', 'message']);
        expect(violation.message?.startsWith(`${violation.field}`)).toBe(true);
      }
    },
  );

  it('the catalog declares that shape, and its example follows it', () => {
    const entry = catalog.entry('VALIDATION_ERROR');
    expect(entry?.spec.violationKeys).toEqual(['field', 'type', 'message']);
    for (const example of (entry?.example?.errors ?? []) as Record<string, string>[]) {
      expect(Object.keys(example)).toEqual(['field', 'type', 'message']);
    }
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importOpenApi } from './openapi-source.js';

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/import/openapi');

function fixture(
  name: string,
): Promise<ReturnType<typeof importOpenApi> extends Promise<infer D> ? D : never> {
  return importOpenApi(readFileSync(join(FIXTURES, name), 'utf8'), name);
}

/** The one-line message and the code of what `promise` rejects with. */
async function rejection(promise: Promise<unknown>): Promise<{ code: unknown; message: string }> {
  try {
    await promise;
  } catch (error) {
    return { code: (error as { code?: unknown }).code, message: (error as Error).message };
  }
  throw new Error('expected a rejection');
}

function document(paths: Record<string, unknown>, components: Record<string, unknown> = {}): string {
  return JSON.stringify({ openapi: '3.1.0', info: { title: 'Test', version: '1' }, paths, components });
}

function object(properties: Record<string, unknown>, required?: string[]) {
  return { type: 'object', properties, ...(required === undefined ? {} : { required }) };
}

function errorResponse(status: string, mediaType: string, schema: unknown, example?: unknown) {
  return {
    get: {
      responses: {
        [status]: {
          description: `A ${status}.`,
          content: { [mediaType]: { schema, ...(example === undefined ? {} : { example }) } },
        },
      },
    },
  };
}

describe('importOpenApi on real documents', () => {
  it("reads OpenAPI-Specification's petstore-expanded: one `default` Error without codes", async () => {
    const draft = await fixture('petstore-expanded.yaml');
    expect(draft.name).toBe('Swagger Petstore');
    expect(draft.entries).toEqual([
      {
        code: 500,
        status: 500,
        description: 'unexpected error',
        operations: ['findPets', 'addPet', 'find pet by id', 'deletePet'],
        guessed: {
          code: 'the responses carry no code: the status stands for it',
          status: 'a `default` response, taken as 500',
        },
      },
    ]);
    expect(draft.profile).toBe('simple-flat');
    expect(draft.notes).toContain(
      "a bare {code, message} body: no profile renders it as is; 'simple-flat' is the nearest",
    );
  });

  it("reads Pinecone's inference API: google.rpc codes from the enum, statuses from the examples", async () => {
    const draft = await fixture('pinecone-inference-2025-04.yaml');
    expect(draft.profile).toBe('simple');
    expect(draft.entries.map((entry) => entry.code)).toEqual([
      'ABORTED',
      'ALREADY_EXISTS',
      'DATA_LOSS',
      'DEADLINE_EXCEEDED',
      'FAILED_PRECONDITION',
      'FORBIDDEN',
      'INTERNAL',
      'INVALID_ARGUMENT',
      'NOT_FOUND',
      'OUT_OF_RANGE',
      'PERMISSION_DENIED',
      'QUOTA_EXCEEDED',
      'RESOURCE_EXHAUSTED',
      'UNAUTHENTICATED',
      'UNAVAILABLE',
      'UNIMPLEMENTED',
      'UNKNOWN',
    ]);
    const byCode = new Map(draft.entries.map((entry) => [entry.code, entry]));
    // Shown under the 401 response: its status is read, not guessed.
    expect(byCode.get('UNAUTHENTICATED')).toMatchObject({
      status: 401,
      message: 'Invalid API key.',
      description: 'Unauthorized. Possible causes: Invalid API key.',
      operations: ['embed', 'rerank', 'list_models', 'get_model'],
    });
    expect(byCode.get('UNAUTHENTICATED')?.guessed.status).toBeUndefined();
    // The schema's own example states `status: 429`.
    expect(byCode.get('QUOTA_EXCEEDED')).toMatchObject({ status: 429 });
    expect(byCode.get('QUOTA_EXCEEDED')?.description).toBeUndefined();
    expect(byCode.get('NOT_FOUND')).toMatchObject({ status: 404, description: 'Model not found.' });
    // Only in the enum: the status is google.rpc.Code's, and a guess.
    expect(byCode.get('FAILED_PRECONDITION')).toMatchObject({ status: 400 });
    expect(byCode.get('FAILED_PRECONDITION')?.guessed.status).toMatch(
      /^google\.rpc\.Code FAILED_PRECONDITION/,
    );
    expect(draft.notes).toContain("the code field lists 'OK', which is no error (200): left out");
  });
});

describe('importOpenApi on a generated 3.1 document', () => {
  it('reads problem types through $refs, 4XX and default, and survives schema and $ref cycles', async () => {
    const draft = await fixture('orders-3.1.yaml');
    expect(draft.profile).toBe('problem');
    expect(draft.notes).toEqual([
      "GET /health 503: its schema's $ref never resolves (a cycle, or another file)",
    ]);
    expect(draft.entries.map((entry) => [entry.code, entry.status])).toEqual([
      [400, 400],
      [500, 500],
      [503, 503],
      ['order-not-found', 404],
      ['order-shipped', 409],
      ['rate-limited', 429],
      ['validation-failed', 422],
    ]);
    const [range, fallback, cycle, notFound, shipped, limited, invalid] = draft.entries;
    expect(range?.guessed.status).toBe('the response covers the range 4XX');
    expect(range?.operations).toEqual(['createOrder', 'getOrder']);
    expect(fallback?.guessed.status).toBe('a `default` response, taken as 500');
    // The 503's schema is a $ref cycle: an entry by status, without details.
    expect(cycle).toMatchObject({ operations: ['GET /health'], description: 'Unhealthy.' });
    expect(cycle?.details).toBeUndefined();
    expect(notFound).toMatchObject({
      title: 'Order not found',
      message: "Order '{order_id}' not found",
      operations: ['getOrder', 'DELETE /orders/{id}'],
      example: { order_id: 'o-1' },
      // Required now: the message names it. `cause` is a name a catalog reserves.
      details: { order_id: { type: 'string', description: "The order's id." } },
    });
    expect(notFound?.guessed).toMatchObject({
      code: 'the last segment of the problem type URI',
      message: 'aligned from the example messages',
      'details.order_id': 'required: the message names it',
      details: 'left out cause: names a catalog reserves',
    });
    expect(shipped).toMatchObject({ retryable: false, message: "Order 'o-1' has shipped" });
    expect(limited).toMatchObject({ retryable: true });
    expect(invalid).toMatchObject({
      message: "Field '{value}' is required",
      example: { value: 'sku', errors: [{ pointer: '/sku', message: 'is required' }] },
    });
    expect(invalid?.details?.errors).toEqual({ type: 'array' });
    expect(invalid?.details?.value).toEqual({ type: 'string' });
    expect(invalid?.guessed['details.value']).toBe('a part of the example messages that varies');
  });

  it('is deterministic', async () => {
    expect(await fixture('orders-3.1.yaml')).toEqual(await fixture('orders-3.1.yaml'));
  });
});

describe('importOpenApi recognises the body shapes', () => {
  it('google.rpc.Status with an ErrorInfo reason', async () => {
    const schema = object({
      error: object({
        code: { type: 'integer' },
        message: { type: 'string' },
        status: { type: 'string' },
        details: { type: 'array' },
      }),
    });
    const example = {
      error: {
        code: 404,
        message: 'Book 7 not found',
        status: 'NOT_FOUND',
        details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'BOOK_NOT_FOUND' }],
      },
    };
    const draft = await importOpenApi(
      document({ '/books/{id}': errorResponse('404', 'application/json', schema, example) }),
      'g.json',
    );
    expect(draft.profile).toBe('google');
    expect(draft.entries).toMatchObject([
      { code: 'BOOK_NOT_FOUND', status: 404, message: 'Book 7 not found' },
    ]);
  });

  it('JSON:API errors with a code const', async () => {
    const schema = object({
      errors: {
        type: 'array',
        items: object(
          {
            code: { const: 'CART_EMPTY' },
            title: { type: 'string' },
            detail: { type: 'string' },
            meta: object({ cart_id: { type: 'string' } }),
          },
          ['code'],
        ),
      },
    });
    const draft = await importOpenApi(
      document({ '/cart': errorResponse('409', 'application/vnd.api+json', schema) }),
      'j.json',
    );
    expect(draft.profile).toBe('jsonapi');
    expect(draft.entries).toMatchObject([
      { code: 'CART_EMPTY', status: 409, details: { cart_id: { type: 'string', optional: true } } },
    ]);
  });

  it('OAuth-style {error, error_description} with an enum', async () => {
    const schema = object(
      {
        error: { type: 'string', enum: ['invalid_token', 'insufficient_scope'] },
        error_description: { type: 'string' },
        scope: { type: 'string' },
      },
      ['error'],
    );
    const draft = await importOpenApi(
      document({ '/me': errorResponse('401', 'application/json', schema) }),
      'o.json',
    );
    expect(draft.profile).toBe('simple-flat');
    expect(draft.entries.map((entry) => [entry.code, entry.status])).toEqual([
      ['insufficient_scope', 401],
      ['invalid_token', 401],
    ]);
    expect(draft.entries[0]?.details).toEqual({ scope: { type: 'string', optional: true } });
    expect(draft.notes.join('\n')).toMatch(/OAuth-style/);
  });

  it('one entry for a numeric code and the bodies without a code under its status', async () => {
    const schema = object({ code: { type: 'integer', enum: [404] }, message: { type: 'string' } });
    const text = document({
      '/a': errorResponse('404', 'application/json', schema),
      '/b': { get: { responses: { '404': { description: 'Nothing here.' } } } },
    });
    const draft = await importOpenApi(text, 'merge.json');
    expect(draft.entries).toMatchObject([{ code: 404, status: 404, operations: ['GET /a', 'GET /b'] }]);
  });

  it('terminates on allOf cycles and self-referencing responses', async () => {
    const text = document(
      { '/x': { get: { responses: { '400': { $ref: '#/components/responses/Bad' } } } } },
      {
        responses: {
          Bad: {
            description: 'Bad.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } },
          },
        },
        schemas: {
          A: { allOf: [{ $ref: '#/components/schemas/B' }], properties: { code: { enum: ['BAD'] } } },
          B: { allOf: [{ $ref: '#/components/schemas/A' }], properties: { hint: { type: 'string' } } },
        },
      },
    );
    const draft = await importOpenApi(text, 'cycle.json');
    expect(draft.entries).toMatchObject([
      { code: 'BAD', status: 400, details: { hint: { type: 'string' } } },
    ]);
  });
});

describe('importOpenApi on hostile documents', () => {
  it('reads a composition that branches wide at every level once per schema', async () => {
    const schemas: Record<string, unknown> = { S40: object({ code: { enum: ['DEEP'] } }) };
    for (let level = 39; level >= 0; level--) {
      schemas[`S${level}`] = {
        allOf: Array.from({ length: 40 }, () => ({ $ref: `#/components/schemas/S${level + 1}` })),
      };
    }
    const responses = {
      description: 'Bad.',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/S0' } } },
    };
    const draft = await importOpenApi(
      document({ '/x': { get: { responses: { '400': responses } } } }, { schemas }),
      'wide.json',
    );
    // Deeper than the composition depth read: no code found, one entry by status.
    expect(draft.entries.map((entry) => entry.code)).toEqual([400]);
  });

  it('never fails but with ERRCAT_IMPORT_FAILED, whatever the schemas and examples', async () => {
    const member = fc.constantFrom(
      'code',
      'error',
      'errors',
      'message',
      'type',
      'title',
      'detail',
      'status',
      'details',
    );
    const { schema: schemaLike } = fc.letrec<{ schema: unknown }>((tie) => ({
      schema: fc.oneof(
        { depthSize: 'small' },
        fc.record(
          {
            type: fc.constantFrom('object', 'string', 'integer', 'array'),
            properties: fc.dictionary(member, tie('schema'), { maxKeys: 3 }),
            enum: fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 3 }),
            allOf: fc.array(tie('schema'), { maxLength: 2 }),
            items: tie('schema'),
            example: fc.jsonValue({ maxDepth: 3 }),
          },
          { requiredKeys: [] },
        ),
        fc.constant({ $ref: '#/components/schemas/Error' }),
      ),
    }));
    const anything = fc.oneof(schemaLike, fc.jsonValue({ maxDepth: 4 }));
    await fc.assert(
      fc.asyncProperty(anything, anything, anything, async (schema, example, component) => {
        const text = document(
          { '/x': errorResponse('4XX', 'application/json', schema, example) },
          { schemas: { Error: component } },
        );
        try {
          await importOpenApi(text, 'any.json');
        } catch (error) {
          expect((error as { code?: unknown }).code).toBe('ERRCAT_IMPORT_FAILED');
        }
      }),
      { numRuns: 100 },
    );
  });

  it('reads at most 1000 codes of one body', async () => {
    const codes = Array.from({ length: 5000 }, (_, index) => `E${index}`);
    const schema = object({ error: object({ code: { type: 'string', enum: codes } }) });
    const draft = await importOpenApi(
      document({ '/x': errorResponse('400', 'application/json', schema) }),
      'enum.json',
    );
    expect(draft.entries).toHaveLength(1000);
  });
});

describe('importOpenApi refuses what it cannot read', () => {
  it.each([
    ['not YAML', 'openapi: [1\n', 'bad.yaml', /^Cannot import 'bad\.yaml': invalid YAML at line 2/],
    [
      'Swagger 2.0',
      'swagger: "2.0"\ninfo: {title: x, version: "1"}\npaths: {}\n',
      'sw.yaml',
      /not an OpenAPI 3\.0 or 3\.1/,
    ],
    [
      'an invalid document',
      document({ '/x': { get: { responses: { '404': { content: {} } } } } }),
      'invalid.json',
      /^Cannot import 'invalid\.json': \/paths\/~1x\/get\/responses\/404 must have required property 'description'$/,
    ],
    [
      'a $ref to nothing',
      document({ '/x': { get: { responses: { '404': { $ref: '#/components/responses/Nope' } } } } }),
      'ref.json',
      /Nope/,
    ],
  ])('%s: ERRCAT_IMPORT_FAILED on one line', async (_, text, name, message) => {
    const { code, message: thrown } = await rejection(importOpenApi(text, name));
    expect(code).toBe('ERRCAT_IMPORT_FAILED');
    expect(thrown).toMatch(message);
    expect(thrown).not.toContain('\n');
  });
});

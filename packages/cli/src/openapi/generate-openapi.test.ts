import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { builtinProfiles, type Catalog, defineCatalog, getProfile, parseCatalog } from 'errcat';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { loadCatalogFile } from '../catalog/load-catalog.js';
import { generateOpenApi, type OpenApiDocument } from './generate-openapi.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../../..');
const seeds = readdirSync(join(root, 'catalogs')).filter((name) => name.endsWith('.yaml'));
const shopFile = join(here, '../../test/fixtures/shop-openapi.yaml');

/** Generated documents are read member by member. */
// biome-ignore lint/suspicious/noExplicitAny: the tests walk arbitrary OpenAPI JSON.
type Json = Record<string, any>;

/** One validator for the file: building one compiles the OpenAPI schemas. */
const validator = new Validator();

/** Validates a document against the official OpenAPI 3.1 schema; resolves to the errors, if any. */
async function openApiErrors(document: OpenApiDocument): Promise<unknown> {
  const result = await validator.validate(structuredClone(document));
  return result.valid ? undefined : result.errors;
}

/** An ajv that knows the document's component schemas, so `$ref`s to them resolve. */
function schemaValidator(document: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ $id: 'doc', components: (document as Json).components }, 'doc');
  const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
  return (schema: Json, value: unknown) => {
    const text = JSON.stringify(schema).replaceAll('"#/components/', '"doc#/components/');
    const validate = compiled.get(text) ?? ajv.compile(JSON.parse(text));
    compiled.set(text, validate);
    return validate(value) ? [] : validate.errors;
  };
}

/** Every response example checked against its response's schema and the envelope schema. */
function exampleErrors(document: OpenApiDocument, envelope: string): unknown[] {
  const check = schemaValidator(document);
  const problems: unknown[] = [];
  for (const [name, response] of Object.entries((document as Json).components.responses as Json)) {
    for (const media of Object.values(response.content as Json)) {
      for (const [key, example] of Object.entries(media.examples as Json)) {
        const own = check(media.schema, example.value);
        const shared = check({ $ref: `#/components/schemas/${envelope}` }, example.value);
        if (own?.length || shared?.length) problems.push({ name, key, own, shared });
      }
    }
  }
  return problems;
}

async function shop(): Promise<Catalog> {
  return (await loadCatalogFile(shopFile)).catalog;
}

describe('generateOpenApi: every seed catalog in every built-in profile', () => {
  const cases = seeds.flatMap((seed) =>
    Object.keys(builtinProfiles).map((profile) => [seed, profile] as const),
  );

  test.each(cases)('%s as %s validates, and its examples match their schemas', async (seed, name) => {
    const { catalog } = await loadCatalogFile(join(root, 'catalogs', seed));
    const profile = getProfile(name);
    const document = generateOpenApi(catalog, { profile });
    expect(await openApiErrors(document)).toBeUndefined();
    const envelope = Object.keys((document as Json).components.schemas)[0] ?? '';
    expect(exampleErrors(document, envelope)).toEqual([]);
  });
});

describe('generateOpenApi: what the components say', () => {
  test('a full document: OpenAPI 3.1, info from the catalog, components only', async () => {
    const document = generateOpenApi(await shop());
    expect(document).toMatchObject({
      openapi: '3.1.0',
      info: { title: 'Shop API', version: '2.1.0' },
    });
    expect(Object.keys(document)).toEqual(['openapi', 'info', 'components']);
    expect(await openApiErrors(document)).toBeUndefined();
  });

  test('one schema for the wire format, one per HTTP entry; entries without a status are left out', async () => {
    const { schemas } = (generateOpenApi(await shop()) as Json).components;
    expect(Object.keys(schemas)).toEqual([
      'ProblemError',
      'ORDER_NOT_FOUND',
      'CART_NOT_FOUND',
      'OUT_OF_STOCK',
      'RATE_LIMITED',
      'OLD_LIMIT',
      'INTERNAL',
    ]);
  });

  test('an entry schema fixes code, status, type and retryable; details come from the field map without internal fields', async () => {
    const schema = (generateOpenApi(await shop()) as Json).components.schemas.ORDER_NOT_FOUND;
    expect(schema.properties.code).toEqual({ type: 'integer', const: 4040 });
    expect(schema.properties.status).toEqual({ type: 'integer', const: 404 });
    expect(schema.properties.type).toEqual({ type: 'string', const: 'https://shop.example.com/errors#4040' });
    expect(schema.properties.retryable).toEqual({ type: 'boolean', const: false });
    // Occurrence facts are typed, never fixed: a message or title changes with details and language.
    expect(schema.properties.detail).toEqual({ type: 'string' });
    expect(schema.properties.title).toEqual({ type: 'string' });
    expect(schema.properties.details).toEqual({
      type: 'object',
      properties: {
        id: { type: 'string', description: 'The order id', examples: ['ord_42'] },
        region: { type: 'string', enum: ['eu', 'us'] },
      },
      required: ['id'],
    });
    expect(schema.required).toEqual(['type', 'title', 'status', 'detail', 'code', 'retryable', 'details']);
    expect(schema.properties.requestId).toEqual({ type: 'string' });
    expect(schema['x-errcat']).toEqual({
      domain: 'shop.example.com',
      key: 'ORDER_NOT_FOUND',
      code: 4040,
      retryable: false,
      throttling: false,
      notApplied: false,
      docs: 'https://shop.example.com/errors#4040',
    });
  });

  test('message parameters without declared fields are details; arrays keep their item type; deprecated entries say so', async () => {
    const { schemas } = (generateOpenApi(await shop()) as Json).components;
    expect(schemas.CART_NOT_FOUND.properties.details).toEqual({
      type: 'object',
      properties: { cartId: { type: ['string', 'number', 'boolean'] } },
      required: ['cartId'],
    });
    expect(schemas.OUT_OF_STOCK.properties.details.properties.alternatives).toEqual({
      type: 'array',
      items: { type: 'string' },
    });
    expect(schemas.OLD_LIMIT.deprecated).toBe(true);
    expect(schemas.ORDER_NOT_FOUND.deprecated).toBeUndefined();
    // An entry without details sends none.
    expect(schemas.RATE_LIMITED.properties.details).toBeUndefined();
  });

  test('one response per status: anyOf its entries, an example each rendered through the profile, its headers', async () => {
    const { responses } = (generateOpenApi(await shop()) as Json).components;
    expect(Object.keys(responses)).toEqual(['Error404', 'Error409', 'Error429', 'Error500']);
    const notFound = responses.Error404;
    expect(notFound.description).toBe('404 Not Found: ORDER_NOT_FOUND (4040), CART_NOT_FOUND (4041)');
    expect(notFound.content['application/problem+json'].schema).toEqual({
      anyOf: [
        { $ref: '#/components/schemas/ORDER_NOT_FOUND' },
        { $ref: '#/components/schemas/CART_NOT_FOUND' },
      ],
    });
    expect(notFound.content['application/problem+json'].examples.ORDER_NOT_FOUND).toEqual({
      summary: '4040 Order not found',
      value: {
        type: 'https://shop.example.com/errors#4040',
        title: 'Order not found',
        status: 404,
        detail: "Order 'ord_42' not found",
        code: 4040,
        retryable: false,
        requestId: 'req_01HZX8B3K2',
        details: { id: 'ord_42' },
      },
    });
    expect(responses.Error409.content['application/problem+json'].schema).toEqual({
      $ref: '#/components/schemas/OUT_OF_STOCK',
    });
    expect(Object.keys(responses.Error409.headers)).toEqual(['Content-Language']);
    expect(Object.keys(responses.Error429.headers)).toEqual(['Retry-After', 'RateLimit-Policy']);
    expect(responses.Error429.headers['Retry-After'].schema).toEqual({ type: 'integer', minimum: 0 });
    expect(responses.Error500.headers).toBeUndefined();
    expect(responses.Error500['x-errcat']).toEqual({ domain: 'shop.example.com' });
  });

  test('other profiles: the code sits where the profile puts it, still as a const', async () => {
    const catalog = await shop();
    const google = (generateOpenApi(catalog, { profile: getProfile('google') }) as Json).components;
    expect(Object.keys(google.schemas)[0]).toBe('GoogleError');
    const error = google.schemas.ORDER_NOT_FOUND.properties.error;
    expect(error.properties.status).toEqual({ type: 'string', const: 'NOT_FOUND' });
    const info = error.properties.details.items.anyOf.find(
      (item: Json) => item.properties['@type'].const === 'type.googleapis.com/google.rpc.ErrorInfo',
    );
    expect(info.properties.reason).toEqual({ type: 'string', const: 'ORDER_NOT_FOUND' });
    expect(google.responses.Error404.content).toHaveProperty(['application/json; charset=UTF-8']);
    const legacy = (generateOpenApi(catalog, { profile: getProfile('resonate-legacy') }) as Json).components;
    expect(Object.keys(legacy.schemas)[0]).toBe('ResonateLegacyError');
    expect(legacy.schemas.OUT_OF_STOCK.properties.error.properties.code).toEqual({
      type: 'integer',
      const: 4090,
    });
  });

  test('the envelope types what every entry shares, fixing nothing', async () => {
    const envelope = (generateOpenApi(await shop()) as Json).components.schemas.ProblemError;
    expect(envelope.properties.code).toEqual({ type: 'integer' });
    expect(envelope.properties.details).toMatchObject({ type: 'object' });
    expect(JSON.stringify(envelope)).not.toContain('"const"');
    expect(envelope.required).toEqual(['type', 'title', 'status', 'detail', 'code', 'retryable']);
  });

  test('string and numeric codes mix into a type list on the envelope', () => {
    const catalog = defineCatalog({
      domain: 'mixed.example.com',
      errors: {
        A: { code: 'A-1', status: 400, message: 'a' },
        B: { code: 2, status: 400, message: 'b' },
      },
    });
    const { schemas } = (generateOpenApi(catalog) as Json).components;
    expect(schemas.ProblemError.properties.code).toEqual({ type: ['integer', 'string'] });
    expect(schemas.A.properties.code).toEqual({ type: 'string', const: 'A-1' });
  });

  test('a Standard Schema that describes itself gives its JSON Schema, internal fields removed', () => {
    const catalog = defineCatalog({
      domain: 'zod.example.com',
      errors: {
        BAD_ORDER: {
          code: 4000,
          status: 400,
          message: 'Bad order',
          details: z.object({ orderId: z.string(), secret: z.string() }),
          internalFields: ['secret'],
          example: { orderId: 'o1', secret: 's' },
        },
      },
    });
    const schema = (generateOpenApi(catalog) as Json).components.schemas.BAD_ORDER;
    expect(schema.properties.details).toEqual({
      type: 'object',
      properties: { orderId: { type: 'string' } },
      required: ['orderId'],
      additionalProperties: false,
    });
  });

  test('a catalog with no HTTP entries still validates', async () => {
    const catalog = parseCatalog({
      domain: 'sdk.example.com',
      errors: { T: { code: 1, message: 'Timeout' } },
    });
    const document = generateOpenApi(catalog);
    expect((document as Json).components).toEqual({
      schemas: { ProblemError: expect.objectContaining({ title: 'sdk.example.com error (problem)' }) },
      responses: {},
    });
    expect(await openApiErrors(document)).toBeUndefined();
  });
});

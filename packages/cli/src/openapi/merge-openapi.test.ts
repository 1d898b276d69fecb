import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Validator } from '@seriousme/openapi-schema-validator';
import { type Catalog, type CatalogSpec, errcatErrors, parseCatalog } from 'errcat';
import { beforeAll, describe, expect, test } from 'vitest';
import { readCatalogSpec } from '../catalog/load-catalog.js';
import { mergeOpenApi } from './merge-openapi.js';

/** Documents are read member by member. */
// biome-ignore lint/suspicious/noExplicitAny: the tests walk arbitrary OpenAPI JSON.
type Json = Record<string, any>;

const shopFile = join(dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/shop-openapi.yaml');
let spec: Json;
let shop: Catalog;

beforeAll(async () => {
  spec = (await readCatalogSpec(shopFile)) as Json;
  shop = parseCatalog(spec);
});

function api(): Json {
  return {
    openapi: '3.1.0',
    info: { title: 'Shop', version: '1.0.0' },
    paths: {
      '/orders': {
        post: { operationId: 'createOrder', responses: { '201': { description: 'Created' } } },
      },
      '/orders/{id}': {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        get: {
          operationId: 'getOrder',
          tags: ['orders'],
          responses: { '200': { description: 'The order' }, '404': { description: 'Our own 404' } },
        },
        delete: {
          operationId: 'deleteOrder',
          tags: ['orders'],
          responses: { '204': { description: 'Gone' } },
        },
      },
      '/carts/{id}': {
        get: { operationId: 'getCart', responses: { '200': { description: 'The cart' } } },
      },
    },
    components: { schemas: { Order: { type: 'object', properties: { id: { type: 'string' } } } } },
  };
}

const validator = new Validator();

describe('mergeOpenApi', () => {
  test('attaches the mapped errors to each operation and keeps the document valid', async () => {
    const { document, warnings } = mergeOpenApi(api(), shop);
    const paths = document.paths as Json;
    // "*" → INTERNAL everywhere; "POST /orders" → OUT_OF_STOCK and 4290 (RATE_LIMITED, one of two 429s).
    expect(paths['/orders'].post.responses).toEqual({
      '201': { description: 'Created' },
      '409': { $ref: '#/components/responses/Error409' },
      '429': expect.objectContaining({
        description: '429 Too Many Requests: RATE_LIMITED (4290)',
        'x-errcat': { domain: 'shop.example.com' },
      }),
      '500': { $ref: '#/components/responses/Error500' },
    });
    // tag:orders → ORDER_NOT_FOUND, but getOrder documents its own 404, which is kept.
    expect(paths['/orders/{id}'].get.responses['404']).toEqual({ description: 'Our own 404' });
    expect(paths['/orders/{id}'].delete.responses['404']).toMatchObject({
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ORDER_NOT_FOUND' } } },
    });
    // extensions.openapi on CART_NOT_FOUND → getCart.
    expect(paths['/carts/{id}'].get.responses['404']).toMatchObject({
      description: '404 Not Found: CART_NOT_FOUND (4041)',
    });
    expect(warnings).toEqual(['GET /orders/{id} already documents 404; kept it']);
    expect((await validator.validate(structuredClone(document))).valid).toBe(true);
  });

  test("keeps the document's own components and adds errcat's", () => {
    const { document } = mergeOpenApi(api(), shop);
    const components = document.components as Json;
    expect(components.schemas.Order).toEqual(api().components.schemas.Order);
    expect(Object.keys(components.schemas)).toContain('ProblemError');
    expect(Object.keys(components.responses)).toEqual(['Error404', 'Error409', 'Error429', 'Error500']);
  });

  test('merging again changes nothing, and leaves the input untouched', () => {
    const input = api();
    const once = mergeOpenApi(input, shop).document;
    expect(input).toEqual(api());
    expect(mergeOpenApi(once, shop).document).toEqual(once);
  });

  test('a merge after a catalog change replaces what the last merge added', () => {
    const before = mergeOpenApi(api(), shop).document;
    const trimmed = structuredClone(spec);
    delete trimmed.errors.OUT_OF_STOCK;
    trimmed['x-openapi'].operations['POST /orders'] = [4290];
    const { document } = mergeOpenApi(before, parseCatalog(trimmed as CatalogSpec));
    const components = document.components as Json;
    expect(components.schemas.OUT_OF_STOCK).toBeUndefined();
    expect(components.responses.Error409).toBeUndefined();
    expect(Object.keys((document.paths as Json)['/orders'].post.responses)).toEqual(['201', '429', '500']);
    expect(document).toEqual(mergeOpenApi(api(), parseCatalog(trimmed as CatalogSpec)).document);
  });

  test('extra selectors (a --map file) add to the catalog’s; every selector form works', () => {
    const operations = new Map([
      ['deleteOrder', new Set(['OUT_OF_STOCK'])],
      ['/carts/{id}', new Set(['RATE_LIMITED', 'OLD_LIMIT'])],
      ['GET /orders/{id}', new Set(['OUT_OF_STOCK'])],
    ]);
    const paths = mergeOpenApi(api(), shop, { operations }).document.paths as Json;
    expect(paths['/orders/{id}'].delete.responses['409']).toEqual({
      $ref: '#/components/responses/Error409',
    });
    expect(paths['/orders/{id}'].get.responses['409']).toEqual({ $ref: '#/components/responses/Error409' });
    expect(paths['/carts/{id}'].get.responses['429']).toEqual({ $ref: '#/components/responses/Error429' });
  });

  test('a selector that matches no operation is a warning', () => {
    const operations = new Map([['PATCH /orders', new Set(['INTERNAL'])]]);
    const { warnings } = mergeOpenApi(api(), shop, { operations });
    expect(warnings).toContain("selector 'PATCH /orders' matches no operation");
  });

  test('an entry without a status (an SDK error) mapped to an operation gets no response, and a warning', () => {
    const sdk = parseCatalog({
      ...spec,
      errors: {
        ...spec.errors,
        SDK_PANIC: { code: 1198, message: 'An unrecoverable internal error occurred' },
      },
    });
    const operations = new Map([['getCart', new Set(['SDK_PANIC'])]]);
    const { document, warnings } = mergeOpenApi(api(), sdk, { operations });
    const without = mergeOpenApi(api(), sdk).document.paths as Json;
    expect((document.paths as Json)['/carts/{id}'].get.responses).toEqual(
      without['/carts/{id}'].get.responses,
    );
    expect(warnings).toContain("selector 'getCart' names SDK_PANIC, which is not an HTTP error: no response");
  });

  test('a document that defines a component of the same name is refused, not overwritten', () => {
    const document = api();
    document.components.responses = { Error404: { description: 'Mine' } };
    const error = (() => {
      try {
        return mergeOpenApi(document, shop);
      } catch (caught) {
        return caught;
      }
    })();
    expect(errcatErrors.is(error, 'ERRCAT_BAD_ARGUMENT')).toBe(true);
    expect((error as Error).message).toBe(
      'the document already defines components.responses.Error404; rename or remove it before merging',
    );
  });

  test("a second catalog's components clash with the first's and are refused", () => {
    const { document } = mergeOpenApi(api(), shop);
    const other = parseCatalog({
      domain: 'other.example.com',
      errors: { GONE: { code: 1, status: 410, message: 'Gone' } },
    });
    expect(() => mergeOpenApi(document, other)).toThrow(
      'the document already defines components.schemas.ProblemError',
    );
  });

  test.each([
    [{ openapi: '3.0.3', info: {}, paths: {} }, 'the document is OpenAPI 3.0.3; errcat writes 3.1 schemas'],
    [{ swagger: '2.0' }, 'is not an OpenAPI document'],
    [[], 'is not an OpenAPI document'],
    ['openapi: 3.1.0', 'is not an OpenAPI document'],
  ])('refuses %j', (document, message) => {
    expect(() => mergeOpenApi(document, shop)).toThrow(message);
  });

  test('the catalog’s own mapping must be well formed and name real entries', () => {
    const bad = structuredClone(spec);
    bad['x-openapi'] = { operations: { '*': 'INTERNAL' } };
    expect(() => mergeOpenApi(api(), parseCatalog(bad as CatalogSpec))).toThrow(
      "x-openapi.operations['*'] must be a list of entry keys or codes",
    );
    const unknown = structuredClone(spec);
    unknown['x-openapi'] = { operations: { '*': ['ORDER_NOT_FUND'] } };
    const error = (() => {
      try {
        return mergeOpenApi(api(), parseCatalog(unknown as CatalogSpec));
      } catch (caught) {
        return caught;
      }
    })();
    expect(errcatErrors.is(error, 'ERRCAT_UNKNOWN_ENTRY')).toBe(true);
    expect((error as Error).message).toContain('did you mean ORDER_NOT_FOUND');
    const entry = structuredClone(spec);
    entry.errors.INTERNAL.extensions = { openapi: { operations: 'getCart' } };
    expect(() => mergeOpenApi(api(), parseCatalog(entry as CatalogSpec))).toThrow(
      'errors.INTERNAL.extensions.openapi must be { operations: ["<selector>", …] }',
    );
  });
});

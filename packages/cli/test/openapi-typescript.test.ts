import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadCatalogFile } from '../src/catalog/load-catalog.js';
import { mergeOpenApi } from '../src/openapi/merge-openapi.js';

const shopFile = join(dirname(fileURLToPath(import.meta.url)), 'fixtures/shop-openapi.yaml');
let dir: string;
let generated: string;

/** A small API whose operations get the shop catalog's errors. */
const api = {
  openapi: '3.1.0',
  info: { title: 'Shop', version: '1.0.0' },
  paths: {
    '/orders': { post: { operationId: 'createOrder', responses: { '201': { description: 'Created' } } } },
    '/orders/{id}': {
      delete: { operationId: 'deleteOrder', tags: ['orders'], responses: { '204': { description: 'Gone' } } },
    },
  },
};

/** Code that uses the generated types as a client would; every line must typecheck. */
const usage = `import type { components, paths } from './schema.js';

type OrderNotFound = components['schemas']['ORDER_NOT_FOUND'];

// The code, status and type URI are literal types.
export const code: OrderNotFound['code'] = 4040;
// @ts-expect-error a different code is not an ORDER_NOT_FOUND body
export const wrongCode: OrderNotFound['code'] = 4041;
export const status: OrderNotFound['status'] = 404;

// The details are typed from the field map; the internal field is absent.
export const details: OrderNotFound['details'] = { id: 'ord_42', region: 'eu' };
// @ts-expect-error region is an enum
export const badRegion: OrderNotFound['details'] = { id: 'ord_42', region: 'asia' };
// @ts-expect-error shard is internal: it never reaches a response
export const shard: OrderNotFound['details']['shard'] = 1;

// An operation's error responses are unions that narrow on code.
type CreateErrors =
  | paths['/orders']['post']['responses'][409]['content']['application/problem+json']
  | paths['/orders']['post']['responses'][429]['content']['application/problem+json']
  | paths['/orders']['post']['responses'][500]['content']['application/problem+json'];

export function describe(error: CreateErrors): string {
  switch (error.code) {
    case 4090:
      return \`\${error.details.available} left of \${error.details.sku}\`;
    case 4290:
      return 'slow down';
    case 5000:
      return 'try later';
    default: {
      const never: never = error;
      return never;
    }
  }
}

export const deleteNotFound: paths['/orders/{id}']['delete']['responses'][404]['content']['application/problem+json'] = {
  type: 'https://shop.example.com/errors#4040',
  title: 'Order not found',
  status: 404,
  detail: "Order 'ord_42' not found",
  code: 4040,
  retryable: false,
  details: { id: 'ord_42' },
};
`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'errcat-openapi-ts-'));
  const { catalog } = await loadCatalogFile(shopFile);
  const { document } = mergeOpenApi(api, catalog);
  generated = astToString(
    await openapiTS(document as unknown as Parameters<typeof openapiTS>[0], { silent: true }),
  );
  await writeFile(join(dir, 'schema.ts'), generated);
  await writeFile(join(dir, 'usage.ts'), usage);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('openapi-typescript consumes the generated OpenAPI', () => {
  test('it emits literal types for each entry', () => {
    expect(generated).toMatch(/ORDER_NOT_FOUND: \{[\s\S]*?code: 4040;/);
    expect(generated).toMatch(/retryable: false;/);
  });

  test('client code typechecks against the result, and wrong codes or details do not', () => {
    const program = ts.createProgram([join(dir, 'usage.ts')], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      types: [],
      skipLibCheck: true,
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  });
});

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderError } from 'errcat';
import { expect, test } from 'vitest';
import { loadCatalogFile } from '../src/catalog/load-catalog.js';
import { catalog as tsCatalog } from './fixtures/promises.catalog.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

test('a YAML catalog and the same catalog in TypeScript make identical errors', async () => {
  const { catalog: yamlCatalog } = await loadCatalogFile(join(fixtures, 'promises.yaml'));
  const fromYaml = yamlCatalog.create('PROMISE_NOT_FOUND', { id: 'p1' });
  const fromTs = tsCatalog.PROMISE_NOT_FOUND({ id: 'p1' });
  for (const field of [
    'key',
    'code',
    'status',
    'message',
    'retryable',
    'docs',
    'title',
    'details',
    'stack',
  ] as const) {
    expect(fromYaml[field]).toEqual(fromTs[field]);
  }
  expect(fromYaml.toJSON()).toEqual(fromTs.toJSON());
  expect(renderError(fromYaml, { context: { requestId: 'r' } })).toEqual(
    renderError(fromTs, { context: { requestId: 'r' } }),
  );
});

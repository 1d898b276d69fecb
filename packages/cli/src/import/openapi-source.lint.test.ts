import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/run-cli.js';
import { catalogYaml } from './catalog-writer.js';
import { draftCatalog } from './draft-catalog.js';
import type { ImportDraft } from './import-draft.js';
import { importOpenApi } from './openapi-source.js';
import { importResponses } from './responses-source.js';

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/import');
const scratch = mkdtempSync(join(tmpdir(), 'errcat-import-lint-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** What `errcat lint` says of the catalog the import writes from a draft. */
async function lint(draft: ImportDraft, source: string): Promise<{ code: number; output: string }> {
  const file = `${source.replace(/[^a-z0-9-]+/gi, '-')}.catalog.yaml`;
  writeFileSync(join(scratch, file), catalogYaml(draftCatalog(draft, source), source));
  const run = await runCli(scratch, 'lint', file);
  return { code: run.code, output: run.stdout + run.stderr };
}

describe('drafts of the OpenAPI and responses sources, written by the import and linted', () => {
  it.each(['petstore-expanded.yaml', 'pinecone-inference-2025-04.yaml', 'orders-3.1.yaml'])(
    'openapi/%s: errcat lint finds no error',
    async (name) => {
      const draft = await importOpenApi(readFileSync(join(FIXTURES, 'openapi', name), 'utf8'), name);
      const { code, output } = await lint(draft, name);
      expect(output).not.toMatch(/^error /m);
      expect(code).toBe(0);
    },
  );

  it.each(['showcase-rstmdb', 'corpus'])('responses/%s: errcat lint finds no error', async (name) => {
    const { code, output } = await lint(importResponses(join(FIXTURES, 'responses', name)), name);
    expect(output).not.toMatch(/^error /m);
    expect(code).toBe(0);
  });
});

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCatalogFile } from '../catalog/load-catalog.js';
import { buildDocsModel } from './docs-model.js';
import { renderEntryCard } from './entry-card.js';
import { renderMarkdown } from './render-markdown.js';
import { buildSiteData } from './site-data.js';

const apiReference = fileURLToPath(new URL('../../../../catalogs/api-reference.yaml', import.meta.url));

describe('the docs of an entry that answers a constraint violation', () => {
  it('say which one, on the site card and in Markdown', async () => {
    const { catalog } = await loadCatalogFile(apiReference);
    const model = buildDocsModel(catalog);
    const data = buildSiteData(model, { statusTexts: { 409: 'Conflict' } });
    const index = data.entries.findIndex((entry) => entry.key === 'SKU_EXISTS');
    const sku = data.entries[index];
    if (!sku) throw new Error('SKU_EXISTS is not on the page');
    expect(renderEntryCard(sku, index, data, undefined).value).toContain(
      '<dt>Answers</dt><dd>unique violation on <code>sku</code></dd>',
    );
    const markdown = renderMarkdown(model);
    expect(markdown).toContain('**Answers:** unique violation on `sku`');
    // Only the three database entries answer one.
    expect(markdown.match(/\*\*Answers:\*\*/g)).toHaveLength(3);
  });
});

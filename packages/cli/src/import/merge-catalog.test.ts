import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseDocument, parse as parseYaml } from 'yaml';
import { REPO_ROOT } from '../../../../test-support/seed-catalogs.js';
import { lintCatalog } from '../catalog/lint-catalog.js';
import { draftCatalog } from './draft-catalog.js';
import { mergeCatalog } from './merge-catalog.js';
import { importPage } from './page-source.js';

const legacy = readFileSync(join(REPO_ROOT, 'catalogs/resonate-legacy.yaml'), 'utf8');

function imported(page: string) {
  return draftCatalog(importPage(page, 'errors.md'), 'errors.md');
}

/** The source text of every entry of a YAML catalog, by key. */
function entryTexts(text: string): Record<string, string> {
  const errors = parseDocument(text).get('errors', true) as {
    items: { key: { value: string }; value: { range: number[] } }[];
  };
  return Object.fromEntries(
    errors.items.map((pair) => [pair.key.value, text.slice(pair.value.range[0], pair.value.range[1])]),
  );
}

describe('mergeCatalog', () => {
  test('into a hand-written catalog: existing entries and comments byte for byte, new codes appended', () => {
    const page =
      '# Resonate\n\n## Request Errors (4000-4999)\n\n### 4040\nNot found.\n\n### 4042\nThe schedule could not be found.\n';
    const merged = mergeCatalog(legacy, imported(page), 'resonate-legacy.yaml');
    expect(merged).toMatchObject({ added: ['ERROR_4042'], kept: [4040], categories: [] });
    expect(merged.text.startsWith(legacy.trimEnd())).toBe(true);
    const before = entryTexts(legacy);
    const after = entryTexts(merged.text);
    for (const [key, text] of Object.entries(before)) expect(after[key]).toBe(text);
    expect(lintCatalog(parseYaml(merged.text)).filter((finding) => finding.severity === 'error')).toEqual([]);
  });

  test('nothing new: the text comes back unchanged', () => {
    const page =
      '# R\n\n## Server Errors (5000-5999)\n\n### 5000\nAn unknown internal server error occurred.\n';
    expect(mergeCatalog(legacy, imported(page), 'resonate-legacy.yaml')).toMatchObject({
      text: legacy,
      added: [],
      kept: [5000],
    });
  });

  test('a new category is added; its range is left out where it overlaps, a taken key is renamed', () => {
    const existing =
      'domain: shop\ncategories:\n  orders:\n    title: Orders\n    range: [4000, 4099]\nerrors:\n  NOT_FOUND:\n    code: 4040\n    message: Not found\n';
    const page =
      '# Shop\n\n## Billing (4000-4999)\n\n| Code | Description |\n|---|---|\n| 4500 | Card declined. |\n\n## Other\n\n| Code | Title | Description |\n|---|---|---|\n| E-1 | Not Found | Gone. |\n';
    const merged = mergeCatalog(existing, imported(page), 'shop.yaml');
    expect(merged.added).toEqual(['ERROR_4500', 'NOT_FOUND_2']);
    expect(merged.categories).toEqual(['billing', 'other']);
    expect(merged.notes).toEqual(["the range 4000–4999 of 'billing' overlaps 'orders': left out"]);
    const spec = parseYaml(merged.text) as {
      categories: Record<string, object>;
      errors: Record<string, object>;
    };
    expect(spec.categories.billing).not.toHaveProperty('range');
    expect(spec.errors.ERROR_4500).toMatchObject({ code: 4500, category: 'billing' });
    expect(lintCatalog(spec).filter((finding) => finding.severity === 'error')).toEqual([]);
  });

  test('a file without a block errors map cannot be merged into', () => {
    expect(() =>
      mergeCatalog('domain: x\nerrors: {}\n', imported('# A\n\n### 4040\nNo.\n'), 'x.yaml'),
    ).toThrow(/Cannot load catalog 'x\.yaml': no `errors` block map/);
    expect(() => mergeCatalog('errors: [\n', imported('# A\n\n### 4040\nNo.\n'), 'x.yaml')).toThrow(
      /not valid YAML/,
    );
  });
});

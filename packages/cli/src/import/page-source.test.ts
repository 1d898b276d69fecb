import { readdirSync } from 'node:fs';
import { type Catalog, parseCatalog } from 'errcat';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  loadSeedCatalog,
  readSeed,
  SEEDS_DIR,
  type SeedCatalogName,
} from '../../../../test-support/seed-catalogs.js';
import { lintCatalog } from '../catalog/lint-catalog.js';
import { catalogYaml } from './catalog-writer.js';
import { draftCatalog } from './draft-catalog.js';
import { importPage, pageFormat } from './page-source.js';

/** Which hand-written catalog each seed page is the source of. */
const SEEDS: readonly [string, SeedCatalogName][] = [
  ['000', 'resonate-legacy'],
  ['001', 'resonate'],
  ['002', 'rstmdb'],
  ['003', 'devdocs'],
  ['004', 'api-reference'],
];

/**
 * Codes the hand-written catalog has that the page does not state, and why: the figures the
 * comparison must reproduce exactly, so a change in either shows here.
 */
const HAND_WRITTEN_ONLY: Readonly<Record<string, readonly string[]>> = {
  // The page lists 422 and 429 and 500 by status and title; the catalog names them differently,
  // and the three unique-constraint codes are glued into one line of the flattened page.
  '004': [
    'validation_error',
    'rate_limited',
    'internal_error',
    'duplicate_email',
    'duplicate_name',
    'duplicate_sku',
  ],
};

/**
 * Entries whose description the catalog rewrote so that neither text contains the other: the
 * Python SDK's sub-codes (the catalog names the exception and sub-code first) and three of the
 * API reference's sub-codes (reworded).
 */
const DESCRIPTION_REWRITTEN: Readonly<Record<string, readonly string[]>> = {
  '001': ['100.40400', '100.40303', '100.40305', '100.40403', '100.40399', '100.0'],
  '004': ['unauthorized', 'invalid_credentials', 'already_registered'],
};

/** Entries whose retryability the catalog decides against what the page says (or leaves unsaid). */
const RETRY_DECIDED_BY_HAND: Readonly<Record<string, readonly string[]>> = {
  '001': ['100.0'],
};

function normalised(text: string | undefined): string {
  return (text ?? '')
    .toLowerCase()
    .replace(/[`’]/g, (c) => (c === '’' ? "'" : ''))
    .replace(/\s+/g, ' ')
    .replace(/\.$/, '')
    .trim();
}

/**
 * Whether a page's text reads as a hand-written message template: each `{param}` stands for the
 * page's placeholder (`'x'`, `y`), and optional segments are plain text.
 */
function readsAsTemplate(text: string, template: string): boolean {
  const pattern = template
    .replace(/[[\]]/g, '')
    .replace(/[.*+?^${}()|\\]/g, '\\$&')
    .replace(/\\\{\w+\\\}/g, '\\S+');
  return new RegExp(`^${pattern}$`).test(text.replace(/[[\]]/g, ''));
}

interface Comparison {
  readonly matched: string[];
  readonly handOnly: string[];
  readonly importedOnly: string[];
  readonly retryDiffers: string[];
  readonly descriptions: { equal: number; overlapping: number; differing: string[] };
  readonly handAdds: Record<string, number>;
}

function compare(imported: Catalog, hand: Catalog, handSpec: { errors: Record<string, object> }): Comparison {
  const importedCodes = new Set(imported.entries.map((entry) => String(entry.code)));
  const handCodes = new Set(hand.entries.map((entry) => String(entry.code)));
  const result: Comparison = {
    matched: [],
    handOnly: [...handCodes].filter((code) => !importedCodes.has(code)),
    importedOnly: [...importedCodes].filter((code) => !handCodes.has(code)),
    retryDiffers: [],
    descriptions: { equal: 0, overlapping: 0, differing: [] },
    handAdds: {},
  };
  for (const entry of hand.entries) {
    const code = String(entry.code);
    const twin = imported.entries.find((candidate) => String(candidate.code) === code);
    if (!twin) continue;
    result.matched.push(code);
    if (twin.retryable !== entry.retryable) result.retryDiffers.push(code);
    const written = handSpec.errors[entry.key] as Record<string, unknown>;
    const theirs = normalised((entry.description ?? written.message) as string);
    const mine = normalised(twin.description);
    if (mine === theirs) result.descriptions.equal++;
    else if (mine.includes(theirs) || theirs.includes(mine) || readsAsTemplate(mine, theirs))
      result.descriptions.overlapping++;
    else result.descriptions.differing.push(code);
    const importedSpec = imported.spec.errors[twin.key] as unknown as Record<string, unknown>;
    for (const field of Object.keys(written)) {
      if (importedSpec[field] === undefined) result.handAdds[field] = (result.handAdds[field] ?? 0) + 1;
    }
  }
  return result;
}

describe.skipIf(SEEDS_DIR === undefined)('the five seed pages (skipped: ../shared/seeds not found)', () => {
  test.each(SEEDS)(
    'seed %s gives the codes, retry flags and descriptions of catalogs/%s.yaml',
    (seed, name) => {
      const file = readdirSync(SEEDS_DIR as string).find((entry) => entry.startsWith(`${seed}_`)) as string;
      const spec = draftCatalog(importPage(readSeed(seed), file), file);
      const { data, catalog: hand } = loadSeedCatalog(name);
      const comparison = compare(parseCatalog(spec), hand, data as { errors: Record<string, object> });
      const { matched, handOnly, importedOnly, retryDiffers, descriptions, handAdds } = comparison;
      console.log(
        [
          `seed ${seed} → catalogs/${name}.yaml: ${matched.length}/${hand.entries.length} codes matched; profile ${spec.profile ?? 'none'} (the catalog's: ${hand.spec.profile})`,
          `  imported only: ${importedOnly.join(', ') || 'none'}; hand-written only: ${handOnly.join(', ') || 'none'}`,
          `  retryable: ${matched.length - retryDiffers.length} agree, differing: ${retryDiffers.join(', ') || 'none'}`,
          `  descriptions: ${descriptions.equal} equal, ${descriptions.overlapping} one within the other (or the page's text of the catalog's template), differing: ${descriptions.differing.join(', ') || 'none'}`,
          `  the hand-written entries add: ${Object.entries(handAdds)
            .map(([field, count]) => `${field} ×${count}`)
            .join(', ')}`,
        ].join('\n'),
      );
      // 003 and 004 show no example body (004's were code elements the flattened page lost).
      expect(spec.profile).toBe(seed === '003' || seed === '004' ? undefined : hand.spec.profile);
      expect(handOnly).toEqual(HAND_WRITTEN_ONLY[seed] ?? []);
      expect(retryDiffers).toEqual(RETRY_DECIDED_BY_HAND[seed] ?? []);
      expect(descriptions.differing).toEqual(DESCRIPTION_REWRITTEN[seed] ?? []);
    },
  );

  test.each(SEEDS)('seed %s imports to a catalog errcat lint accepts, the same text every time', (seed) => {
    const text = readSeed(seed);
    const yaml = catalogYaml(draftCatalog(importPage(text, 'seed.txt'), 'seed.txt'), 'seed.txt');
    expect(lintCatalog(parseYaml(yaml)).filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(catalogYaml(draftCatalog(importPage(text, 'seed.txt'), 'seed.txt'), 'seed.txt')).toBe(yaml);
  });
});

describe.skipIf(SEEDS_DIR === undefined)(
  'the Markdown seeds as HTML (skipped: ../shared/seeds not found)',
  () => {
    test.each(['000', '002'])(
      'seed %s rendered to HTML imports to the same catalog as its Markdown',
      (seed) => {
        const markdown = readSeed(seed).replace(/^---\n[\s\S]*?\n---\n/, '');
        const html = `<!doctype html><html><body><main>${new MarkdownIt().render(markdown)}</main></body></html>`;
        const fromHtml = draftCatalog(importPage(html, 'errors.html'), 'errors');
        expect(fromHtml).toEqual(draftCatalog(importPage(markdown, 'errors.md'), 'errors'));
      },
    );
  },
);

describe('importPage', () => {
  test('reads an HTML page: headings, definition lists, tables and labelled lists', () => {
    const html = `<!doctype html><html><body><h1>Shop errors</h1>
      <h2>Client errors (4000-4999)</h2><p>Retrying the same request will not help.</p>
      <dl><dt>4040</dt><dd>The order was not found.</dd></dl>
      <h3>AUTH-401</h3><p>The token is invalid.</p><p>Possible causes:</p><ul><li>Expired token</li></ul>
      <p>Resolution:</p><p>Sign in again.</p>
      <table><tr><th>Code</th><th>Retryable</th><th>Description</th></tr><tr><td>4090</td><td>Yes</td><td>Busy.</td></tr></table>
      </body></html>`;
    const draft = importPage(html, 'errors.html');
    expect(draft.name).toBe('Shop errors');
    expect(draft.categories).toMatchObject([{ id: 'client', range: [4000, 4999], retryable: false }]);
    expect(draft.entries).toMatchObject([
      { code: 4040, status: 404, description: 'The order was not found.', category: 'client' },
      { code: 'AUTH-401', causes: ['Expired token'], resolution: 'Sign in again.' },
      { code: 4090, retryable: true, description: 'Busy.' },
    ]);
  });

  test('a status table refined by a table of its kinds; status-only entries take the page’s code style', () => {
    const page = `# Billing API

## 4xx Client Errors

| Status | Meaning | Description |
|---|---|---|
| 402 | Payment Required | The card was declined |
| 404 | Not Found | No such invoice |

## 402 Payment Required

Returned when a charge fails.

| Error | Description |
|---|---|
| \`card_declined\` | The bank declined the card |
| \`insufficient_funds\` | The card has no funds left |
`;
    const draft = importPage(page, 'billing.md');
    expect(draft.entries.map((entry) => [entry.code, entry.status])).toEqual([
      ['card_declined', 402],
      ['insufficient_funds', 402],
      ['not_found', 404],
    ]);
    expect(draft.entries[2]?.guessed.code).toMatch(/lower_snake/);
    expect(draft.notes).toContain(
      '402 Payment Required: a table lists its kinds, which are the entries; the status itself is not one',
    );
  });

  test('a family heading and its glued definition lines, in plain text', () => {
    const page =
      'Errors\nSDK errors#\nStoreError (codes 7.x)#\nRaised when the store fails.\n7.1— not found7.2— timed out\n';
    expect(importPage(page, 'sdk.txt').entries).toMatchObject([
      {
        code: '7.1',
        title: 'Not found',
        description: 'Not found. Raised when the store fails.',
        category: 'sdk',
      },
      {
        code: '7.2',
        title: 'Timed out',
        description: 'Timed out. Raised when the store fails.',
        category: 'sdk',
      },
    ]);
  });

  test('says what it guessed about each entry', () => {
    const draft = importPage('# API\n\n## Errors\n\n### E404\nThe thing is missing.\n', 'errors.md');
    expect(draft.entries[0]?.guessed).toEqual({
      status: 'from the code E404',
      message: 'the first sentence of the description',
    });
  });

  test('a page with no codes is ERRCAT_IMPORT_FAILED with a one-line reason', () => {
    expect(() => importPage('# Hello\n\nNothing here.\n', 'readme.md')).toThrow(
      /Cannot import 'readme\.md': no error codes found in this Markdown page/,
    );
  });

  test('the format is the extension, else the content', () => {
    expect(pageFormat('a.md', '')).toBe('markdown');
    expect(pageFormat('a.html', '')).toBe('html');
    expect(pageFormat('a.txt', '<!DOCTYPE html><p>x</p>')).toBe('html');
    expect(pageFormat('a.txt', '---\nx: 1\n---\n# T')).toBe('markdown');
    expect(pageFormat('a.txt', 'Errors\n400 — Bad Request#')).toBe('text');
  });

  test('ends on arbitrary text, Markdown and HTML with a catalog lint accepts, or ERRCAT_IMPORT_FAILED', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom(
        '\n',
        '\n\n',
        '# ',
        '### ',
        '| ',
        ' |',
        '|---|',
        '- ',
        '• ',
        '—',
        ':',
        '#',
        '(',
        ')',
        '4040',
        '100.',
        'AUTH-401',
        'Range: ',
        '4xx',
        'Possible Causes:',
        'Resolution:',
        '<h2>',
        '</h2>',
        '<dt>',
        '<dd>',
        '<table><tr><td>',
        '<ul><li>',
        '```',
        '---',
      ),
    );
    const page = fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(page, fc.constantFrom('page.txt', 'page.md', 'page.html'), (text, name) => {
        try {
          const draft = importPage(text, name);
          expect(draft.entries.length).toBeGreaterThan(0);
          const yaml = catalogYaml(draftCatalog(draft, name), name);
          expect(lintCatalog(parseYaml(yaml)).filter((finding) => finding.severity === 'error')).toEqual([]);
        } catch (error) {
          expect((error as { code?: string }).code).toBe('ERRCAT_IMPORT_FAILED');
        }
      }),
      { numRuns: 300 },
    );
  });
});

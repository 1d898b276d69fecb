import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { DIFF_RULES } from './diff-rules.js';

const doc = join(dirname(fileURLToPath(import.meta.url)), '../../../../docs/contract-tooling.md');

test('docs/contract-tooling.md lists every diff rule with its level and text, and no other', async () => {
  const text = await readFile(doc, 'utf8');
  const rows = [...text.matchAll(/^\| `([a-z-]+)` \| (major|minor|patch) \| (.+) \| (.+) \|$/gm)].map(
    ([, id, level, summary, why]) => [id, { level, summary, why }],
  );
  expect(Object.fromEntries(rows)).toEqual(DIFF_RULES);
  expect(rows).toHaveLength(Object.keys(DIFF_RULES).length);
});

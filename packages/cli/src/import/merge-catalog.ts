import { errcatErrors } from 'errcat';
import { isMap, isScalar, parseDocument, type YAMLMap } from 'yaml';
import { yamlLines } from './catalog-writer.js';
import type { ImportedCatalog } from './draft-catalog.js';
import { uniqueKey } from './entry-key.js';

/**
 * What `--merge` did: the merged text, and which entries and categories it added or left.
 *
 * @example
 * ```ts
 * const { text, added, kept }: MergeResult = mergeCatalog(existing, imported, 'catalog.yaml');
 * ```
 */
export interface MergeResult {
  /** The catalog file with the new entries and categories appended; every other byte as it was. */
  readonly text: string;
  /** Keys of the entries added. */
  readonly added: string[];
  /** Codes the catalog already had: their imported entries were left out. */
  readonly kept: (string | number)[];
  /** Ids of the categories added. */
  readonly categories: string[];
  /** What the merge could not carry over, one sentence each. */
  readonly notes: string[];
}

type Range = readonly [number, number];

interface CategoryFacts {
  readonly range?: Range;
}

/** Fields an entry's `category` goes before, in the catalog format's order. */
const AFTER_CATEGORY = new Set(['causes', 'resolution', 'details', 'example', 'x-operations', 'x-import']);

/** The entry with `category` in its place in the key order. */
function withCategory(entry: Readonly<Record<string, unknown>>, category: string): Record<string, unknown> {
  const fields = Object.entries(entry);
  const at = fields.findIndex(([name]) => AFTER_CATEGORY.has(name));
  fields.splice(at === -1 ? fields.length : at, 0, ['category', category]);
  return Object.fromEntries(fields);
}

/** The column a map's keys start at: the indentation of its entries. */
function indentOf(text: string, map: YAMLMap): number {
  const start = map.items[0]?.key;
  const offset = isScalar(start) && start.range ? start.range[0] : 0;
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

function rangeOf(category: unknown): Range | undefined {
  const range = (category as { range?: unknown } | null)?.range;
  return Array.isArray(range) && typeof range[0] === 'number' && typeof range[1] === 'number'
    ? [range[0], range[1]]
    : undefined;
}

function inside(code: unknown, range: Range | undefined): boolean {
  return typeof code === 'number' && range !== undefined && code >= range[0] && code <= range[1];
}

/**
 * Merges an imported catalog into a YAML catalog file without touching what is there: entries
 * whose code the file already has are left out, the others are appended to its `errors` map
 * (renamed `_2`… when their key is taken), and the categories they need that the file lacks are
 * appended to its `categories` map (or added before `errors`). The new text is spliced in at the
 * end of those maps, so every existing byte — entries, comments, formatting — stays as it was.
 * A new category's range that overlaps one of the file's, or holds one of its codes (which would
 * move that entry into the new category), is left out, with a note.
 *
 * Throws `ERRCAT_CATALOG_LOAD_FAILED` for a file that is not a YAML catalog with a block `errors` map.
 *
 * @example
 * ```ts
 * const merged = mergeCatalog(await readFile('catalog.yaml', 'utf8'), draftCatalog(draft, 'errors.md'), 'catalog.yaml');
 * merged.added; // ['ERROR_4090']
 * ```
 */
export function mergeCatalog(existing: string, imported: ImportedCatalog, path: string): MergeResult {
  const fail = (reason: string) => errcatErrors.ERRCAT_CATALOG_LOAD_FAILED({ path, reason });
  const document = parseDocument(existing);
  if (document.errors.length > 0) throw fail(`not valid YAML: ${document.errors[0]?.message.split('\n')[0]}`);
  const errorsNode = document.get('errors', true);
  if (!isMap(errorsNode) || errorsNode.flow || !errorsNode.range)
    throw fail('no `errors` block map to merge into (flow-style or missing)');
  const data = document.toJS() as {
    errors?: Record<string, { code?: unknown }>;
    categories?: Record<string, unknown>;
  };
  const keys = new Set(Object.keys(data.errors ?? {}));
  const existingCodes = Object.values(data.errors ?? {}).map((entry) => entry?.code);
  const codes = new Set(existingCodes.map(String));
  const target = new Map<string, CategoryFacts>(
    Object.entries(data.categories ?? {}).map(([id, category]) => [
      id,
      { range: rangeOf(category) } as CategoryFacts,
    ]),
  );
  const notes: string[] = [];
  const newCategories: Record<string, Record<string, unknown>> = {};
  const importedCategories = imported.categories ?? {};
  /** The category an imported entry belongs to: named, or by the imported range its code is in. */
  const ownerOf = (entry: Record<string, unknown>): string | undefined =>
    (entry.category as string | undefined) ??
    Object.entries(importedCategories).find(([, category]) => inside(entry.code, rangeOf(category)))?.[0];
  const targetRanges = (): [string, Range][] =>
    [...target].flatMap(([id, facts]) => (facts.range ? [[id, facts.range] as [string, Range]] : []));

  const added: Record<string, Record<string, unknown>> = {};
  const kept: (string | number)[] = [];
  for (const [key, entry] of Object.entries(imported.errors)) {
    if (codes.has(String(entry.code))) {
      kept.push(entry.code as string | number);
      continue;
    }
    const { category: _named, ...rest } = entry;
    const owner = ownerOf(entry);
    let category: string | undefined;
    if (!targetRanges().some(([, range]) => inside(entry.code, range)) && owner !== undefined) {
      if (!target.has(owner)) {
        const { range: _range, ...described } = importedCategories[owner] ?? { title: owner };
        const range = rangeOf(importedCategories[owner]);
        const clash =
          range && targetRanges().find(([, other]) => range[0] <= other[1] && other[0] <= range[1]);
        // A range over codes the file already has would move those entries into the new category.
        const held = range && existingCodes.find((code) => inside(code, range));
        if (clash)
          notes.push(`the range ${range[0]}–${range[1]} of '${owner}' overlaps '${clash[0]}': left out`);
        else if (range && held !== undefined)
          notes.push(
            `the range ${range[0]}–${range[1]} of '${owner}' holds the existing code ${held}: left out`,
          );
        const keep = range && !clash && held === undefined;
        newCategories[owner] = keep ? { ...importedCategories[owner] } : described;
        target.set(owner, keep ? { range } : {});
      }
      const facts = target.get(owner) as CategoryFacts;
      if (!facts.range) category = owner;
      else if (!inside(entry.code, facts.range))
        notes.push(`${key}: its code is outside the range of '${owner}', so it has no category`);
    }
    const unique = uniqueKey(key, keys);
    codes.add(String(entry.code));
    added[unique] = category === undefined ? rest : withCategory(rest, category);
  }

  const insertions: [number, string][] = [];
  const atEnd = (offset: number): string => (offset > 0 && existing[offset - 1] !== '\n' ? '\n' : '');
  if (Object.keys(added).length > 0) {
    const end = errorsNode.range[1];
    insertions.push([end, atEnd(end) + yamlLines(added, indentOf(existing, errorsNode))]);
  }
  if (Object.keys(newCategories).length > 0) {
    const categoriesNode = document.get('categories', true);
    if (
      isMap(categoriesNode) &&
      !categoriesNode.flow &&
      categoriesNode.range &&
      categoriesNode.items.length > 0
    ) {
      const end = categoriesNode.range[1];
      insertions.push([end, atEnd(end) + yamlLines(newCategories, indentOf(existing, categoriesNode))]);
    } else if (categoriesNode !== undefined) {
      throw fail('its `categories` is not a block map to merge into');
    } else {
      const errorsKey =
        document.contents && isMap(document.contents)
          ? document.contents.items.find((pair) => isScalar(pair.key) && pair.key.value === 'errors')?.key
          : undefined;
      const offset = isScalar(errorsKey) && errorsKey.range ? errorsKey.range[0] : 0;
      let lineStart = existing.lastIndexOf('\n', offset - 1) + 1;
      const indent = offset - lineStart;
      // Above the comment lines that introduce `errors`, so they stay with it.
      for (
        let above = existing.lastIndexOf('\n', lineStart - 2) + 1;
        lineStart > 0;
        above = existing.lastIndexOf('\n', above - 2) + 1
      ) {
        if (!existing.slice(above, lineStart).trimStart().startsWith('#')) break;
        lineStart = above;
      }
      insertions.push([lineStart, yamlLines({ categories: newCategories }, indent)]);
    }
  }
  let text = existing;
  for (const [offset, inserted] of insertions.sort((a, b) => b[0] - a[0])) {
    text = text.slice(0, offset) + inserted + text.slice(offset);
  }
  return { text, added: Object.keys(added), kept, categories: Object.keys(newCategories), notes };
}

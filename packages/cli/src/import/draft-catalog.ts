import { entryKey, toUpperSnake, uniqueKey } from './entry-key.js';
import type { ImportDraft, ImportedCategory, ImportedEntry } from './import-draft.js';

/**
 * A catalog as `errcat import` writes it: plain data in the catalog format's key order, every
 * guess in an `x-import` map (field → why) on the entry, category or catalog it belongs to.
 *
 * @example
 * ```ts
 * const spec: ImportedCatalog = { domain: 'errors', errors: { NOT_FOUND: { code: 404, message: 'Not found' } } };
 * ```
 */
export interface ImportedCatalog {
  /** The domain, guessed from the name. */
  readonly domain: string;
  /** The categories by id. @default none */
  readonly categories?: Record<string, Record<string, unknown>>;
  /** The entries by key. */
  readonly errors: Record<string, Record<string, unknown>>;
  /** Where the catalog came from, the guess of its domain, and what the import could not decide. */
  readonly 'x-import': {
    readonly source: string;
    readonly domain: string;
    readonly notes: readonly string[];
  };
  /** The rest: name, description, profile, `x-import`. */
  readonly [field: string]: unknown;
}

/** The source's own note on a guessed field, or nothing when there was no guess. */
function note(guessed: Readonly<Record<string, string>>): { 'x-import'?: Record<string, string> } {
  return Object.keys(guessed).length > 0 ? { 'x-import': { ...guessed } } : {};
}

/** Whether a numeric code falls in a range. */
function inRange(code: string | number, range: readonly [number, number] | undefined): boolean {
  return typeof code === 'number' && range !== undefined && code >= range[0] && code <= range[1];
}

/**
 * The ranges a catalog can keep: every entry of the category has a numeric code inside it, and it
 * overlaps no range kept before it. A range a status class states (`4xx`) over string codes is
 * dropped, with a note.
 */
function keptRanges(draft: ImportDraft, notes: string[]): Map<string, readonly [number, number]> {
  const kept = new Map<string, readonly [number, number]>();
  for (const category of draft.categories) {
    const { range } = category;
    if (!range) continue;
    const members = draft.entries.filter((entry) => entry.category === category.id);
    const outside = members.find((entry) => !inRange(entry.code, range));
    const overlap = [...kept].find(([, other]) => range[0] <= other[1] && other[0] <= range[1]);
    if (outside || overlap) {
      notes.push(
        `the range ${range[0]}–${range[1]} of '${category.id}' was left out: ${outside ? `code ${outside.code} is outside it` : `it overlaps '${overlap?.[0]}'`}`,
      );
    } else kept.set(category.id, range);
  }
  return kept;
}

function categorySpec(
  category: ImportedCategory,
  range: readonly [number, number] | undefined,
): Record<string, unknown> {
  return {
    title: category.title,
    ...(category.description !== undefined ? { description: category.description } : {}),
    ...(range ? { range } : {}),
    ...(category.retryable !== undefined ? { retryable: category.retryable } : {}),
    ...note(category.guessed),
  };
}

function entrySpec(
  entry: ImportedEntry,
  category: string | undefined,
  guessed: Record<string, string>,
): Record<string, unknown> {
  const optional = (name: string, value: unknown): Record<string, unknown> =>
    value === undefined ? {} : { [name]: value };
  return {
    code: entry.code,
    ...optional('status', entry.status),
    ...optional('title', entry.title),
    message: entry.message ?? String(entry.code),
    ...optional('description', entry.description),
    ...optional('retryable', entry.retryable),
    ...optional('category', category),
    ...optional('causes', entry.causes),
    ...optional('resolution', entry.resolution),
    ...optional('details', entry.details),
    ...optional('example', entry.example),
    ...optional('x-operations', entry.operations),
    ...note(guessed),
  };
}

/**
 * Turns an import's draft into a catalog: stable UPPER_SNAKE keys (the name the source gives,
 * else the code when it reads as one, else the title, else `ERROR_<code>`; `_2`… on a clash), the
 * categories that hold an entry, ranges only where every member fits (an entry inside a kept
 * range is that category's without naming it), a domain from the name, and the draft's notes
 * under the catalog's `x-import`.
 *
 * @example
 * ```ts
 * const spec = draftCatalog(importPage(text, 'errors.md'), 'errors.md');
 * Object.keys(spec.errors); // ['ERROR_4000', …]
 * ```
 */
export function draftCatalog(draft: ImportDraft, source: string): ImportedCatalog {
  const notes = [...draft.notes];
  const ranges = keptRanges(draft, notes);
  const used = new Set(draft.entries.map((entry) => entry.category));
  const categories: Record<string, Record<string, unknown>> = {};
  for (const category of draft.categories) {
    if (used.has(category.id)) categories[category.id] = categorySpec(category, ranges.get(category.id));
  }
  const taken = new Set<string>();
  const errors: Record<string, Record<string, unknown>> = {};
  for (const entry of draft.entries) {
    const { key, how } = entryKey(entry);
    const unique = uniqueKey(key, taken);
    const guessed: Record<string, string> = {};
    if (how === 'title') guessed.key = 'from the title';
    else if (how === 'code' && key.startsWith('ERROR_')) guessed.key = 'from the code: give it a name';
    if (unique !== key) guessed.key = `${guessed.key ?? 'from the source'}; ${key} was taken`;
    Object.assign(guessed, entry.guessed);
    const rangeOwner = [...ranges].find(([, range]) => inRange(entry.code, range))?.[0];
    const category =
      rangeOwner === undefined && entry.category !== undefined && categories[entry.category]
        ? entry.category
        : undefined;
    errors[unique] = entrySpec(entry, category, guessed);
  }
  const name = draft.name;
  const domain =
    (name === undefined ? undefined : toUpperSnake(name)?.toLowerCase().replace(/_/g, '-')) ?? 'imported';
  if (draft.profile === undefined)
    notes.push("no wire profile recognised: the catalog uses errcat's default, problem (set `profile`)");
  return {
    domain,
    ...(name !== undefined ? { name } : {}),
    ...(draft.description !== undefined ? { description: draft.description } : {}),
    ...(draft.profile !== undefined ? { profile: draft.profile } : {}),
    'x-import': { source, domain: name === undefined ? 'none found: a placeholder' : 'from the name', notes },
    ...(Object.keys(categories).length > 0 ? { categories } : {}),
    errors,
  };
}

import { codeRange, rangeHeading, rangeLine } from './code-range.js';
import { codeValue, definitions, type EntryHeading, entryHeading } from './code-token.js';
import { exampleProfile } from './example-profile.js';
import type { ImportDraft, ImportedCategory, ImportedEntry } from './import-draft.js';
import type { PageBlock } from './page-block.js';
import { completeEntries } from './page-guesses.js';
import { type LabelKind, splitLabel } from './page-label.js';
import { retryFromProse } from './retry-phrase.js';
import { flagCell, tableColumns } from './table-columns.js';

/** A heading section that may become a category: its candidate, and the prose directly under it. */
interface Section {
  readonly level: number;
  readonly category: ImportedCategory;
  readonly prose: string[];
}

/** The entry whose heading was read last, and what its next blocks are read as. */
interface OpenEntry {
  readonly entry: ImportedEntry;
  readonly level: number;
  /** Nothing but its heading read yet: a name or title line may still follow. */
  fresh: boolean;
  /** The label read last (`Possible Causes:`): the next block is read as that. */
  label?: LabelKind | undefined;
  /** Its resolution is read: later prose belongs to no field. */
  done: boolean;
}

/** A heading for a family of codes (`ResonateStoreError (codes 100.x)`) and its first paragraph. */
interface Family {
  readonly name: string;
  text?: string;
}

/** A short identifier written under a numeric code's heading: its key (`REGISTRY_NAME_REQUIRED`). */
const NAME_LINE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

/** Categories are kebab-case ids from their titles, without the words every one of them has. */
function categoryId(title: string): string {
  const words = title
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '' && !/^(?:errors?|codes?|[1-5]xx|http)$/.test(word));
  return words.join('-') || 'errors';
}

/** A sentence's first letter in upper case and a final period. */
function sentence(text: string): string {
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

function join(first: string | undefined, next: string): string {
  return first === undefined ? next : `${first} ${next}`;
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * Reads the errors out of a page's blocks, whatever its markup was: entries from headings that
 * name a code (`### 4040`, `400 — Bad Request`, `ResonateCanceledError (code 200)`), from
 * definition lines (`100.40400— not found`) and from table rows with a code or status column; the
 * prose under an entry as its description, labelled lists and paragraphs as its causes and
 * resolution; sections as categories with the range they state (in the heading or a `Range:`
 * line) and the retryability their prose states; the wire profile from the first example body.
 * What cannot be decided is a note.
 *
 * @example
 * ```ts
 * const draft = pageDraft(readMarkdown(text));
 * draft.entries.map((entry) => entry.code); // [4000, 4030, …]
 * ```
 */
export function pageDraft(blocks: readonly PageBlock[]): ImportDraft {
  const draft: ImportDraft = { categories: [], entries: [], notes: [] };
  const byCode = new Map<string, ImportedEntry>();
  const sections: Section[] = [];
  const categoryIds = new Set<string>();
  const proseOf = new Map<ImportedCategory, string[]>();
  /** Status entries whose kinds a table lists: the kinds are the entries, not the status. */
  const refined = new Map<ImportedEntry, ImportedEntry[]>();
  let open: OpenEntry | undefined;
  let family: Family | undefined;
  let intro = true;

  const currentSection = (): Section | undefined => sections.at(-1);
  const useCategory = (section: Section | undefined): string | undefined => {
    if (!section) return undefined;
    if (!draft.categories.includes(section.category)) draft.categories.push(section.category);
    return section.category.id;
  };
  const entryFor = (code: string | number): ImportedEntry => {
    const known = byCode.get(String(code));
    if (known) return known;
    const entry: ImportedEntry = { code, guessed: {} };
    const category = useCategory(currentSection());
    if (category !== undefined) entry.category = category;
    byCode.set(String(code), entry);
    draft.entries.push(entry);
    return entry;
  };
  const openEntry = (heading: EntryHeading, level: number): void => {
    const fresh = !byCode.has(String(heading.code));
    const entry = entryFor(heading.code);
    if (heading.title !== undefined) entry.title ??= heading.title;
    if (heading.name !== undefined) entry.key ??= heading.name;
    open = { entry, level, fresh, done: false };
  };
  const addDefinitions = (found: readonly { code: string | number; text: string }[]): void => {
    for (const { code, text } of found) {
      const entry = entryFor(code);
      entry.title ??= sentence(text).slice(0, -1);
      entry.description ??= family?.text ? `${sentence(text)} ${family.text}` : sentence(text);
    }
    open = undefined;
  };

  /** Reads prose into the open entry, as the label before it says. */
  const prose = (at: OpenEntry, text: string): void => {
    const { entry } = at;
    if (at.label === 'resolution') {
      entry.resolution = join(entry.resolution, text);
      at.done = true;
    } else if (at.label === 'causes') entry.causes = [...(entry.causes ?? []), text];
    else if (at.done)
      draft.notes.push(`text after the resolution of ${entry.code} was left out: "${truncate(text)}"`);
    else {
      // A label closing the paragraph (`… invalid data. Example Response:`) introduces what follows.
      const described = text.replace(/(?<=[.!?])\s+[^.!?]{1,40}:$/, '');
      entry.description = join(entry.description, described);
    }
    at.label = undefined;
    at.fresh = false;
  };
  const paragraph = (text: string): void => {
    const range = rangeLine(text);
    const section = currentSection();
    if (range && section) {
      section.category.range = range;
      useCategory(section);
      return;
    }
    const found = definitions(text);
    if (found.length > 0) {
      addDefinitions(found);
      return;
    }
    if (open) {
      const label = splitLabel(text);
      if (!label) {
        prose(open, text);
        return;
      }
      if (label.before !== '') prose(open, label.before);
      open.label = label.kind;
      open.fresh = false;
      if (label.after === '') return;
      if (label.kind === 'causes') {
        open.entry.causes = label.after
          .replace(/[.;]$/, '')
          .split(/\s*[,;]\s*/)
          .filter((cause) => cause !== '');
        open.label = undefined;
      } else prose(open, label.after);
    } else if (family) family.text ??= text;
    else if (section) section.prose.push(text);
    else if (intro && draft.name !== undefined) draft.description = join(draft.description, text);
  };
  const list = (items: readonly string[]): void => {
    const found = items.flatMap(definitions);
    if (found.length > 0) {
      addDefinitions(found);
      return;
    }
    if (!open) return;
    const { entry } = open;
    if (open.label === 'resolution') {
      entry.resolution = join(entry.resolution, items.join('; '));
      open.done = true;
    } else {
      if (open.label !== 'causes') entry.guessed.causes = 'the list under the entry, read as its causes';
      entry.causes = [...(entry.causes ?? []), ...items];
    }
    open.label = undefined;
    open.fresh = false;
  };
  const table = (header: readonly string[], rows: readonly (readonly string[])[]): void => {
    const titles = [open?.entry.title, currentSection()?.category.title].filter((t) => t !== undefined);
    const columns = tableColumns(header, titles);
    const keyColumn = columns.code ?? columns.status;
    const cell = (row: readonly string[], index: number | undefined): string | undefined => {
      const value = index === undefined ? undefined : row[index]?.replace(/^`|`$/g, '');
      return value === '' ? undefined : value;
    };
    const coded = rows.filter((row) => /^\S+$/.test(cell(row, keyColumn) ?? ' '));
    if (keyColumn === undefined || coded.length * 2 < rows.length) {
      if (open && columns.description !== undefined) {
        open.entry.causes = rows.flatMap((row) => cell(row, columns.description) ?? []);
        open.entry.guessed.causes = `the ${header[columns.description]} column of the table under the entry`;
      } else if (open)
        draft.notes.push(`a table (${header.join(' | ')}) under ${open.entry.code} was left out`);
      return;
    }
    const parent = columns.code !== undefined && open?.entry.status !== undefined ? open.entry : undefined;
    for (const row of coded) {
      const key = cell(row, keyColumn) as string;
      const status = Number(cell(row, columns.status));
      if (columns.code === undefined && !(status >= 400 && status <= 599)) continue;
      const entry = entryFor(columns.code === undefined ? status : codeValue(key));
      if (status >= 100 && status <= 599) entry.status ??= status;
      const title = cell(row, columns.title);
      const description = cell(row, columns.description);
      const retryable = flagCell(cell(row, columns.retryable) ?? '');
      if (title !== undefined) entry.title ??= title;
      if (description !== undefined) entry.description ??= sentence(description);
      if (retryable !== undefined) entry.retryable ??= retryable;
      if (parent && entry !== parent) {
        refined.set(parent, [...(refined.get(parent) ?? []), entry]);
        if (parent.status !== undefined) entry.status ??= parent.status;
        if (parent.category !== undefined) entry.category = parent.category;
      }
    }
  };
  const heading = (level: number, text: string): void => {
    const read = entryHeading(text);
    if (open?.fresh && level >= open.level) {
      // A name or title line right under an entry's code (`1100#` then `REGISTRY_VERSION_INVALID`;
      // `AUTH-401` then `Authentication Failed`) belongs to that entry.
      const numbered = typeof open.entry.code === 'number' || /^\d+\.\d+$/.test(String(open.entry.code));
      if (numbered && open.entry.key === undefined && NAME_LINE.test(text)) {
        open.entry.key = text;
        return;
      }
      if (open.entry.title === undefined && read === undefined && !codeRange(text)) {
        open.entry.title = text;
        return;
      }
    }
    if (read && 'code' in read) {
      openEntry(read, level);
      return;
    }
    open = undefined;
    family = read ? { name: read.family } : undefined;
    if (read) return;
    if (draft.name === undefined) {
      draft.name = text;
      return;
    }
    intro = false;
    while ((currentSection()?.level ?? 0) >= level) sections.pop();
    const { title, range } = rangeHeading(text);
    let id = categoryId(title);
    for (let n = 2; categoryIds.has(id); n++) id = `${categoryId(title)}-${n}`;
    categoryIds.add(id);
    const category: ImportedCategory = { id, title, guessed: {}, ...(range ? { range } : {}) };
    const section = { level, category, prose: [] };
    proseOf.set(category, section.prose);
    sections.push(section);
  };

  /** The first example body on a page shows its wire format; later ones are often fragments. */
  let exampled = false;
  const code = (text: string): void => {
    if (exampled || !text.trimStart().startsWith('{')) return;
    exampled = true;
    const profile = exampleProfile(text);
    if (profile === undefined) return;
    draft.profile = profile;
    draft.notes.push(`the wire profile '${profile}' is the format of the page's first example body`);
  };
  for (const block of blocks) {
    if (block.kind === 'heading') heading(block.level, block.text);
    else if (block.kind === 'paragraph') paragraph(block.text);
    else if (block.kind === 'list') list(block.items);
    else if (block.kind === 'table') table(block.header, block.rows);
    else code(block.text);
  }
  for (const [parent, kinds] of refined) {
    for (const kind of kinds) draft.entries.splice(draft.entries.indexOf(kind), 1);
    draft.entries.splice(draft.entries.indexOf(parent), 1, ...kinds);
    draft.notes.push(
      `${parent.code} ${parent.title ?? ''}: a table lists its kinds, which are the entries; the status itself is not one`,
    );
  }
  for (const category of draft.categories) describeCategory(category, proseOf.get(category) ?? []);
  completeEntries(draft);
  return draft;
}

/** A category's description (its first paragraph) and the retryability its prose states. */
function describeCategory(category: ImportedCategory, prose: readonly string[]): void {
  const [first] = prose;
  if (first !== undefined) category.description = first;
  for (const sentence of prose.flatMap((text) => text.split(/(?<=[.!?])\s+/))) {
    const retryable = retryFromProse(sentence);
    if (retryable === undefined) continue;
    category.retryable = retryable;
    category.guessed.retryable = `read from "${sentence.length > 80 ? `${sentence.slice(0, 77)}…` : sentence}"`;
    return;
  }
}

import { plainText } from './page-block.js';

/**
 * Which column of a table holds what, by header: indices into each row.
 *
 * @example
 * ```ts
 * const columns: TableColumns = { code: 0, retryable: 1, description: 2 };
 * ```
 */
export interface TableColumns {
  /** The error code (`Code`, `Error`, `Name`, or the section's own title, as `Conflict`). @default none */
  readonly code?: number;
  /** The HTTP status (`Status`, `HTTP Status`). @default none */
  readonly status?: number;
  /** Whether a retry may succeed (`Retryable`, `Retry`). @default none */
  readonly retryable?: number;
  /** A short summary (`Meaning`, `Title`). @default none */
  readonly title?: number;
  /** The explanation (`Description`, `Message`, `Details`). @default none */
  readonly description?: number;
}

const HEADERS: readonly [keyof TableColumns, RegExp][] = [
  ['code', /^(?:error\s+)?(?:codes?|names?|keys?|identifiers?)$|^errors?$/],
  ['status', /^(?:http\s+)?status(?:\s+codes?)?$|^http$/],
  ['retryable', /^retr(?:y|ies|yable|iable)\b/],
  ['title', /^(?:meaning|title|summary|reason(?:\s+phrase)?)$/],
  ['description', /^(?:description|details?|messages?|explanation|meaning and cause)$/],
];

/**
 * Reads a table's header into {@link TableColumns}; a header that repeats the title of the
 * section the table is in (`Conflict` under `409 Conflict`) names its kinds, so it is the code
 * column.
 *
 * @example
 * ```ts
 * tableColumns(['Code', 'Retryable', 'Description']); // { code: 0, retryable: 1, description: 2 }
 * tableColumns(['Conflict', 'Description'], ['Conflict']); // { code: 0, description: 1 }
 * ```
 */
export function tableColumns(header: readonly string[], sectionTitles: readonly string[] = []): TableColumns {
  const titles = new Set(sectionTitles.map((title) => plainText(title).toLowerCase()));
  const columns: { -readonly [K in keyof TableColumns]: number } = {};
  header.forEach((cell, index) => {
    const name = plainText(cell).toLowerCase();
    const role = titles.has(name) ? 'code' : HEADERS.find(([, words]) => words.test(name))?.[0];
    if (role !== undefined && columns[role] === undefined) columns[role] = index;
  });
  return columns;
}

/**
 * A table cell's yes or no (`Yes`, `No`, `true`, `✓`, `✗`); `undefined` for anything else.
 *
 * @example
 * ```ts
 * flagCell('Yes'); // true
 * flagCell('Sometimes'); // undefined
 * ```
 */
export function flagCell(cell: string): boolean | undefined {
  const value = plainText(cell).toLowerCase();
  if (/^(?:yes|y|true|✓|✔|retryable|always)$/.test(value)) return true;
  if (/^(?:no|n|false|✗|✘|never|-|—)$/.test(value)) return false;
  return undefined;
}

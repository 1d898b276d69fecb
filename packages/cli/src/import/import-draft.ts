/**
 * The JSON type of an imported details field, as the catalog format names it.
 *
 * @example
 * ```ts
 * const type: FieldType = 'string';
 * ```
 */
export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array';

/**
 * One details field an import found, in a schema or in observed bodies.
 *
 * @example
 * ```ts
 * const field: ImportedField = { type: 'string', optional: true, description: 'The instance id.' };
 * ```
 */
export interface ImportedField {
  /** The field's JSON type. */
  readonly type: FieldType;
  /** The field may be absent. @default false */
  readonly optional?: boolean;
  /** What the source says about it. @default none */
  readonly description?: string;
  /** The values the source allows, when it lists them. @default none */
  readonly enum?: readonly (string | number)[];
}

/**
 * One error an import found, before it becomes a catalog entry: only what the source stated, plus
 * the guesses, each in `guessed` with the reason (they become the entry's `x-import` note).
 *
 * @example
 * ```ts
 * const found: ImportedEntry = {
 *   code: 4040, description: 'The specified promise could not be found.', guessed: { status: 'from the code 4040' }, status: 404,
 * };
 * ```
 */
export interface ImportedEntry {
  /** The code clients match on. */
  readonly code: string | number;
  /** A key the source names (seed 001's `REGISTRY_NAME_REQUIRED`). @default derived from code or title */
  key?: string;
  /** A short summary. @default none */
  title?: string;
  /** The message template. @default the description's first sentence */
  message?: string;
  /** The longer explanation. @default none */
  description?: string;
  /** The HTTP status. @default none (the entry never crosses HTTP) */
  status?: number;
  /** Whether a retry may succeed. @default the category's, else by status */
  retryable?: boolean;
  /** The id of the category it was found under. @default none */
  category?: string;
  /** What usually leads to it. @default none */
  causes?: string[];
  /** What the caller should do. @default none */
  resolution?: string;
  /** The details fields. @default none */
  details?: Record<string, ImportedField>;
  /** Example details, from an observed or documented body. @default none */
  example?: Record<string, unknown>;
  /** The OpenAPI operations that return it (`METHOD /path` or the operationId). @default none */
  operations?: string[];
  /** Field name → why it was guessed rather than read. */
  readonly guessed: Record<string, string>;
}

/**
 * A group of entries an import found (a section of a page, a status class).
 *
 * @example
 * ```ts
 * const category: ImportedCategory = { id: 'request', title: 'Request Errors', range: [4000, 4999], guessed: {} };
 * ```
 */
export interface ImportedCategory {
  /** The category id (kebab-case). */
  readonly id: string;
  /** Its heading. */
  readonly title: string;
  /** What the source says about the group. @default none */
  description?: string;
  /** The inclusive numeric code range the source states. @default none */
  range?: readonly [number, number];
  /** The retryability the source states for the group. @default none */
  retryable?: boolean;
  /** Field name → why it was guessed. */
  readonly guessed: Record<string, string>;
}

/**
 * Everything one source yielded: what the catalog will hold, and the notes on what the import
 * could not decide.
 *
 * @example
 * ```ts
 * const draft: ImportDraft = { name: 'rstmdb', categories: [], entries: [], notes: ['no profile recognised'] };
 * ```
 */
export interface ImportDraft {
  /** The API's name, from a title. @default none */
  name?: string;
  /** A paragraph about the API's errors. @default none */
  description?: string;
  /** The wire profile the bodies fit. @default none (the catalog's default, `problem`) */
  profile?: string;
  /** The categories, in the order found. */
  readonly categories: ImportedCategory[];
  /** The entries, in the order found. */
  readonly entries: ImportedEntry[];
  /** What the import could not decide, one sentence each. */
  readonly notes: string[];
}

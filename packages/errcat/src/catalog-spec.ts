import type { FieldMap } from './field-spec.js';
import type { StandardSchemaV1 } from './standard-schema.js';
import type { ViolationKey } from './violation.js';

/**
 * A stable error code: a number (`4040`), a string (`'AUTH-401'`) or a dotted number (`'100.40400'`).
 *
 * @example
 * ```ts
 * const codes: ErrorCode[] = [4040, 'AUTH-401', '100.40400'];
 * ```
 */
export type ErrorCode = number | string;

/**
 * Log levels, in pino's names.
 *
 * @example
 * ```ts
 * const level: LogLevel = 'warn';
 * ```
 */
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/**
 * One error as the catalog author writes it.
 *
 * @example
 * ```ts
 * const entry = {
 *   code: 4040,
 *   status: 404,
 *   title: 'Promise not found',
 *   message: "Promise '{id}' could not be found",
 *   details: { id: 'string' },
 * } satisfies EntrySpec;
 * ```
 */
export interface EntrySpec {
  /** The stable code clients match on. */
  readonly code: ErrorCode;
  /**
   * The HTTP status; omit for errors that never cross HTTP (an SDK's own errors): tools then show
   * no status and no response, and a server handed one anyway answers 500.
   */
  readonly status?: number;
  /** A short, constant summary (RFC 9457 `title`). */
  readonly title?: string;
  /** The message template; see {@link compileTemplate} for its syntax. */
  readonly message: string;
  /** A longer explanation for the docs. */
  readonly description?: string;
  /** The details fields (and so the message parameters), or a Standard Schema for them. */
  readonly details?: FieldMap | StandardSchemaV1;
  /** With a Standard Schema `details`: the fields that reach logs, never responses. */
  readonly internalFields?: readonly string[];
  /** What usually leads to this error, for the docs. */
  readonly causes?: readonly string[];
  /** What the caller should do about it, for the docs. */
  readonly resolution?: string;
  /** The category (and so the range) the entry belongs to. */
  readonly category?: string;
  /** The entry's docs URL; by default the catalog's `docs` with `#<code>`. */
  readonly docs?: string;
  /** May the rendered message reach clients. @default `true` without a status, else status below 500 */
  readonly expose?: boolean;
  /** The level at which servers log this error. @default 'error' from 500, else 'info' */
  readonly logLevel?: LogLevel;
  /** May the same request succeed if retried. @default the category's, else by status (408, 425, 429, 500, 502, 503, 504) */
  readonly retryable?: boolean;
  /** The error is a throttle: clients back off more slowly. @default status 429 */
  readonly throttling?: boolean;
  /** The server guarantees the request had no effect, so even a POST may be retried. @default false */
  readonly notApplied?: boolean;
  /** Seconds a client should wait before retrying, sent as `Retry-After`. */
  readonly retryAfter?: number;
  /** Headers always sent with this error, such as `WWW-Authenticate`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The catalog version that introduced the entry. */
  readonly since?: string;
  /** The entry is deprecated; a string says why. */
  readonly deprecated?: boolean | string;
  /** The keys that replace a deprecated entry. */
  readonly replacedBy?: string | readonly string[];
  /** Translated message templates by language tag; same parameters as `message`. */
  readonly messages?: Readonly<Record<string, string>>;
  /** Translated titles by language tag. */
  readonly titles?: Readonly<Record<string, string>>;
  /** Example details, used by the docs and `errcat render`. */
  readonly example?: Readonly<Record<string, unknown>>;
  /** Capture a stack trace when the error is created. @default the catalog's `stack` rule */
  readonly stack?: boolean;
  /**
   * The built-in error this entry stands for, named by its key in errcat's base catalog (such as
   * `INTERNAL_ERROR` or `VALIDATION_FAILED`): servers and guards raise this entry instead.
   */
  readonly role?: string;
  /**
   * The database constraint violation this entry answers, such as a unique violation on `email`:
   * `fromDatabaseError` raises this entry instead of the violation's role entry, with the role's
   * details (the column as `field`).
   */
  readonly database?: DatabaseViolationSpec;
  /**
   * For the entry playing `VALIDATION_FAILED`: the keys of each violation in `details.errors`, in
   * the order they are sent, such as seed 004's `['field', 'type', 'message']`. `field` is a dotted
   * name (`items.0.email`), `pointer` a JSON pointer (`/items/0/email`).
   * @default ['in', 'pointer', 'type', 'message', 'parameter', 'header'] (`parameter` and `header` where they apply)
   */
  readonly violationKeys?: readonly ViolationKey[];
  /**
   * Data for wire profiles and tools, keyed by their name (such as `resonate-legacy`). An SDK's
   * key may name the class it raises the error as (`python: { exception: ResonateStoreError }`),
   * which `errcat render` and the docs show for an entry without a status.
   */
  readonly extensions?: Readonly<Record<string, unknown>>;
}

/**
 * A kind of constraint violation: PostgreSQL's SQLSTATE 23505, 23503, 23502 and 23514, SQLite's
 * `SQLITE_CONSTRAINT_UNIQUE` (and `_PRIMARYKEY`), `_FOREIGNKEY`, `_NOTNULL` and `_CHECK`.
 *
 * @example
 * ```ts
 * const kind: ConstraintViolation = 'unique';
 * ```
 */
export type ConstraintViolation = 'unique' | 'foreign_key' | 'not_null' | 'check';

/**
 * Which constraint violation an entry answers: the kind, and the column or constraint the database
 * names in its error. Every part that is given must match; when several entries match, the one
 * that gives the most parts wins.
 *
 * @example
 * ```ts
 * const duplicateEmail = {
 *   code: 'duplicate_email',
 *   status: 409,
 *   message: 'Email already registered',
 *   database: { violation: 'unique', column: 'email' },
 * } satisfies EntrySpec;
 * ```
 */
export interface DatabaseViolationSpec {
  /** The kind of violation. */
  readonly violation: ConstraintViolation;
  /**
   * The column as the database reports it; for a composite key every column, comma-separated
   * (`tenant, sku`, in any order). Give at least one of `column`, `constraint` and `table`.
   */
  readonly column?: string;
  /** The constraint or index name, for a check or an index on an expression (`users_lower_email`). */
  readonly constraint?: string;
  /** The table, when the same column name is constrained in several tables. @default any table */
  readonly table?: string;
}

/**
 * A group of entries: a category, optionally bound to a numeric code range.
 *
 * @example
 * ```ts
 * const request = { title: 'Request errors', range: [4000, 4999], retryable: false } satisfies CategorySpec;
 * ```
 */
export interface CategorySpec {
  /** The heading the docs use for the group. */
  readonly title?: string;
  /** What the group's errors have in common. */
  readonly description?: string;
  /** The inclusive numeric code range of the group. */
  readonly range?: readonly [number, number];
  /** The default `retryable` of the group's entries. */
  readonly retryable?: boolean;
}

/**
 * When errors capture a stack trace: only server errors (status 500 and up), always or never.
 *
 * @example
 * ```ts
 * const rule: StackRule = 'never'; // no error captures a stack, not even a 500
 * ```
 */
export type StackRule = 'server' | 'always' | 'never';

/**
 * A whole catalog as the author writes it, in TypeScript or as YAML/JSON.
 *
 * @example
 * ```ts
 * const spec = {
 *   domain: 'promises.example.com',
 *   docs: 'https://example.com/errors',
 *   errors: { PROMISE_NOT_FOUND: { code: 4040, status: 404, message: 'Promise not found' } },
 * } satisfies CatalogSpec;
 * ```
 */
export interface CatalogSpec {
  /** The system the codes belong to, like Google's `ErrorInfo.domain`. */
  readonly domain: string;
  /** A display name for the docs. @default domain */
  readonly name?: string;
  /** A paragraph about the API's errors, for the docs. */
  readonly description?: string;
  /** The catalog's own version. */
  readonly version?: string;
  /** The base URL of the error dictionary; `{code}` or `{key}` in it are replaced, else `#<code>` is added. */
  readonly docs?: string;
  /** The groups of entries, optionally with code ranges. */
  readonly categories?: Readonly<Record<string, CategorySpec>>;
  /** The entries by key (UPPER_SNAKE, at most 63 characters). */
  readonly errors: Readonly<Record<string, EntrySpec>>;
  /** The wire profile a server of this API uses by default. @default 'problem' */
  readonly profile?: string;
  /** When errors capture a stack trace. @default 'server' */
  readonly stack?: StackRule;
  /** A JSON Schema reference, for editors. */
  readonly $schema?: string;
}

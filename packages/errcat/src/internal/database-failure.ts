/**
 * What errcat reads from a driver error: the base-catalog role it maps to and the few facts that
 * may be reported (a column name), or kept for logs (the constraint and table). Never a value,
 * never the SQL.
 *
 * @example
 * ```ts
 * const failure: DatabaseFailure = { role: 'UNIQUE_VIOLATION', field: 'email', column: 'email', constraint: 'users_email_key', table: 'users' };
 * ```
 */
export interface DatabaseFailure {
  /** The base-catalog entry the failure maps to. */
  readonly role:
    | 'UNIQUE_VIOLATION'
    | 'FOREIGN_KEY_VIOLATION'
    | 'NOT_NULL_VIOLATION'
    | 'CHECK_VIOLATION'
    | 'SERIALIZATION_FAILURE'
    | 'DEADLOCK_DETECTED'
    | 'DATABASE_BUSY'
    | 'QUERY_CANCELED'
    | 'DATABASE_UNAVAILABLE'
    | 'DATABASE_READ_ONLY';
  /** The field to report: the column, or the name the `fields` option gives the constraint. */
  readonly field?: string | undefined;
  /** The column (or columns, comma-separated) at fault, as the database names it. */
  readonly column?: string | undefined;
  /** The constraint or index name. */
  readonly constraint?: string | undefined;
  /** The table. */
  readonly table?: string | undefined;
}

/**
 * Reads a string property of an unknown value, or `undefined`.
 *
 * @example
 * ```ts
 * stringProp(error, 'code'); // 'SQLITE_BUSY', or undefined when absent, not a string, or a throwing getter
 * ```
 */
export function stringProp(value: object, name: string): string | undefined {
  try {
    const prop = (value as Record<string, unknown>)[name];
    return typeof prop === 'string' ? prop : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Node's network error codes: the database cannot be reached.
 *
 * @example
 * ```ts
 * if (NETWORK_CODES.has(stringProp(error, 'code') ?? '')) return { role: 'DATABASE_UNAVAILABLE' };
 * ```
 */
export const NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

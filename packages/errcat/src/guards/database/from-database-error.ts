import { CatalogError } from '../../catalog-error.js';
import type { CatalogSpec } from '../../catalog-spec.js';
import type { CatalogMethods } from '../../catalog-types.js';
import { constraintEntry } from '../../internal/constraint-entry.js';
import { type DatabaseFailure, NETWORK_CODES, stringProp } from '../../internal/database-failure.js';
import { isCatalogError } from '../../is-catalog-error.js';
import { entryForRole } from '../../role-error.js';
import { postgresFailure } from './postgres-failure.js';
import { sqliteFailure } from './sqlite-failure.js';

/**
 * Options of {@link fromDatabaseError}.
 *
 * @example
 * ```ts
 * fromDatabaseError(error, { catalog, fields: { users_lower_email_key: 'email' } }); // an index on lower(email)
 * ```
 */
export interface DatabaseErrorOptions {
  /**
   * The catalog whose entries to raise: the one that declares it answers the violation
   * (`database: { violation, column }`), else the one playing the failure's role.
   * @default errcat's base catalog
   */
  readonly catalog?: CatalogMethods<CatalogSpec> | undefined;
  /**
   * The field to report for a constraint or index, by its name: for constraints on expressions
   * (`lower(email)`), or to name the field as the API does (`emailAddress` for column `email`).
   * @default {} (the column names the database reports)
   */
  readonly fields?: Readonly<Record<string, string>>;
}

/** node-postgres's own messages when the connection drops or the pool cannot connect in time. */
const CONNECTION_MESSAGES: readonly string[] = [
  'Connection terminated unexpectedly',
  'Connection terminated due to connection timeout',
  'timeout exceeded when trying to connect',
];

/** Wrappers (ORMs, query builders) keep the driver's error as `cause`; look a few levels down. */
const MAX_DEPTH = 5;

function failureOf(error: unknown, fields: Readonly<Record<string, string>>): DatabaseFailure | undefined {
  let current = error;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (typeof current !== 'object' || current === null || isCatalogError(current)) return undefined;
    const found = postgresFailure(current, fields) ?? sqliteFailure(current, fields);
    if (found) return found;
    const code = stringProp(current, 'code');
    const message = stringProp(current, 'message') ?? '';
    if ((code !== undefined && NETWORK_CODES.has(code)) || CONNECTION_MESSAGES.includes(message)) {
      return { role: 'DATABASE_UNAVAILABLE' };
    }
    try {
      current = (current as { cause?: unknown }).cause;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Turns a database driver's error into the catalog error it means, or returns `undefined` for an
 * error it does not recognise (rethrow that one: the server answers it with a generic 500).
 *
 * It reads error codes, not messages meant for people, and needs no driver: PostgreSQL errors
 * from `pg` or postgres.js (SQLSTATE 23505 → 409 `UNIQUE_VIOLATION` with the column as `field`,
 * 23503, 23502, 23514, 40001/40P01 → retryable 409, 55P03, 57014, class 08/53 and 57P01-03 →
 * retryable 503, 25006 → retryable 503 `DATABASE_READ_ONLY`) and SQLite errors from
 * better-sqlite3, sqlite3 or node:sqlite (`SQLITE_CONSTRAINT_UNIQUE`, `SQLITE_BUSY`,
 * `SQLITE_READONLY`…); a refused or dropped connection is `DATABASE_UNAVAILABLE`. The response
 * names the column at most: never the value, the SQL, or the constraint, which (with the table and
 * the driver's error as `cause`) reaches only the logs. A catalog entry that declares the
 * constraint violation it answers (`database: { violation: 'unique', column: 'email' }`) is raised
 * in place of the role's entry.
 *
 * @example
 * ```ts
 * try {
 *   await pool.query('INSERT INTO users (email) VALUES ($1)', [email]);
 * } catch (error) {
 *   throw fromDatabaseError(error, { catalog }) ?? error;
 * }
 * ```
 */
export function fromDatabaseError(
  error: unknown,
  options: DatabaseErrorOptions = {},
): CatalogError | undefined {
  const failure = failureOf(error, options.fields ?? {});
  if (failure === undefined) return undefined;
  const entry = constraintEntry(options.catalog, failure) ?? entryForRole(options.catalog, failure.role);
  const details: Record<string, string> = {};
  if (failure.field !== undefined) details.field = failure.field;
  // The constraint and table go only where the entry keeps them out of responses.
  if (failure.constraint !== undefined && entry.internalFields.has('constraint')) {
    details.constraint = failure.constraint;
  }
  if (failure.table !== undefined && entry.internalFields.has('table')) details.table = failure.table;
  return new CatalogError(entry, details, { cause: error });
}

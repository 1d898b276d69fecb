import { type DatabaseFailure, stringProp } from '../../internal/database-failure.js';

/** SQLSTATEs mapped one to one, by code (PostgreSQL Appendix A). */
const BY_SQLSTATE: ReadonlyMap<string, DatabaseFailure['role']> = new Map([
  ['23505', 'UNIQUE_VIOLATION'],
  ['23503', 'FOREIGN_KEY_VIOLATION'],
  ['23502', 'NOT_NULL_VIOLATION'],
  ['23514', 'CHECK_VIOLATION'],
  ['40001', 'SERIALIZATION_FAILURE'],
  ['40P01', 'DEADLOCK_DETECTED'],
  ['55P03', 'DATABASE_BUSY'],
  ['57014', 'QUERY_CANCELED'],
  ['25006', 'DATABASE_READ_ONLY'],
  ['57P01', 'DATABASE_UNAVAILABLE'],
  ['57P02', 'DATABASE_UNAVAILABLE'],
  ['57P03', 'DATABASE_UNAVAILABLE'],
]);

/** Whole SQLSTATE classes: 08 connection exceptions, 53 insufficient resources (too many connections, out of memory or disk). */
const BY_CLASS: ReadonlyMap<string, DatabaseFailure['role']> = new Map([
  ['08', 'DATABASE_UNAVAILABLE'],
  ['53', 'DATABASE_UNAVAILABLE'],
]);

const SQLSTATE = /^[0-9A-Z]{5}$/;
/** A column list as PostgreSQL prints it: identifiers, maybe quoted, separated by ", ". */
const COLUMN_LIST = /^(?:"[^"]+"|[\p{L}_][\p{L}\p{N}_$]*)(?:, (?:"[^"]+"|[\p{L}_][\p{L}\p{N}_$]*))*$/u;

/**
 * The columns named in a constraint error's detail, `Key (email)=(a@b.c) already exists.` (or its
 * translation: `Schlüssel »(email)=(…)« existiert bereits.`): only the text before the first `)=(`,
 * so the value never comes along, and only when it is a plain column list (not an expression).
 *
 * @example
 * ```ts
 * columnsFromDetail('Key (email)=(a@b.c) already exists.'); // 'email'
 * columnsFromDetail('Key (lower(name))=(bob) already exists.'); // undefined: an expression
 * ```
 */
export function columnsFromDetail(detail: string | undefined): string | undefined {
  if (detail === undefined) return undefined;
  const end = detail.indexOf(')=(');
  if (end === -1) return undefined;
  const start = detail.lastIndexOf('(', end);
  if (start === -1) return undefined;
  const list = detail.slice(start + 1, end);
  if (!COLUMN_LIST.test(list)) return undefined;
  return list.replaceAll('"', '');
}

/** PostgreSQL names a one-column unique constraint `<table>_<column>_key` unless told otherwise. */
function columnFromConstraintName(
  constraint: string | undefined,
  table: string | undefined,
): string | undefined {
  if (constraint === undefined || table === undefined) return undefined;
  const prefix = `${table}_`;
  if (!constraint.startsWith(prefix) || !constraint.endsWith('_key')) return undefined;
  const column = constraint.slice(prefix.length, -'_key'.length);
  return column === '' ? undefined : column;
}

/**
 * Reads a node-postgres (`pg`) or postgres.js error: a 5-character SQLSTATE `code` next to the
 * `severity` every PostgreSQL error response carries.
 *
 * @example
 * ```ts
 * postgresFailure(pgError, {}); // { role: 'UNIQUE_VIOLATION', field: 'email', column: 'email', constraint: 'users_email_key', table: 'users' }
 * ```
 */
export function postgresFailure(
  error: object,
  fields: Readonly<Record<string, string>>,
): DatabaseFailure | undefined {
  const code = stringProp(error, 'code');
  if (code === undefined || !SQLSTATE.test(code) || stringProp(error, 'severity') === undefined)
    return undefined;
  const role = BY_SQLSTATE.get(code) ?? BY_CLASS.get(code.slice(0, 2));
  if (role === undefined) return undefined;
  const constraint = stringProp(error, 'constraint') ?? stringProp(error, 'constraint_name');
  const table = stringProp(error, 'table') ?? stringProp(error, 'table_name');
  let column = stringProp(error, 'column') ?? stringProp(error, 'column_name');
  if (column === undefined && (role === 'UNIQUE_VIOLATION' || role === 'FOREIGN_KEY_VIOLATION')) {
    column = columnsFromDetail(stringProp(error, 'detail'));
    if (column === undefined && role === 'UNIQUE_VIOLATION')
      column = columnFromConstraintName(constraint, table);
  }
  const mapped =
    constraint !== undefined && Object.hasOwn(fields, constraint) ? fields[constraint] : undefined;
  return { role, field: mapped ?? column, column, constraint, table };
}

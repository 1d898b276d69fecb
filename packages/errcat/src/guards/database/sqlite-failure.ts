import { type DatabaseFailure, stringProp } from '../../internal/database-failure.js';

/** Extended result codes of the constraints errcat maps, as node:sqlite reports them (`errcode`). */
const EXTENDED: ReadonlyMap<number, string> = new Map([
  [2067, 'SQLITE_CONSTRAINT_UNIQUE'],
  [1555, 'SQLITE_CONSTRAINT_PRIMARYKEY'],
  [1299, 'SQLITE_CONSTRAINT_NOTNULL'],
  [787, 'SQLITE_CONSTRAINT_FOREIGNKEY'],
  [275, 'SQLITE_CONSTRAINT_CHECK'],
]);

/** Primary result codes (the low byte of any extended code). */
const PRIMARY: ReadonlyMap<number, string> = new Map([
  [5, 'SQLITE_BUSY'],
  [6, 'SQLITE_LOCKED'],
  [8, 'SQLITE_READONLY'],
  [9, 'SQLITE_INTERRUPT'],
  [10, 'SQLITE_IOERR'],
  [13, 'SQLITE_FULL'],
  [14, 'SQLITE_CANTOPEN'],
  [15, 'SQLITE_PROTOCOL'],
  [19, 'SQLITE_CONSTRAINT'],
]);

/** Result-code prefixes and the role each maps to; the first match wins, so specific ones come first. */
const ROLES: readonly (readonly [string, DatabaseFailure['role']])[] = [
  ['SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE_VIOLATION'],
  ['SQLITE_CONSTRAINT_PRIMARYKEY', 'UNIQUE_VIOLATION'],
  ['SQLITE_CONSTRAINT_NOTNULL', 'NOT_NULL_VIOLATION'],
  ['SQLITE_CONSTRAINT_FOREIGNKEY', 'FOREIGN_KEY_VIOLATION'],
  ['SQLITE_CONSTRAINT_CHECK', 'CHECK_VIOLATION'],
  ['SQLITE_BUSY', 'DATABASE_BUSY'],
  ['SQLITE_LOCKED', 'DATABASE_BUSY'],
  ['SQLITE_READONLY', 'DATABASE_READ_ONLY'],
  ['SQLITE_INTERRUPT', 'QUERY_CANCELED'],
  ['SQLITE_IOERR', 'DATABASE_UNAVAILABLE'],
  ['SQLITE_FULL', 'DATABASE_UNAVAILABLE'],
  ['SQLITE_CANTOPEN', 'DATABASE_UNAVAILABLE'],
  ['SQLITE_PROTOCOL', 'DATABASE_UNAVAILABLE'],
];

/** Drivers that only give the primary `SQLITE_CONSTRAINT` say which kind in the message. */
const CONSTRAINT_KINDS: readonly (readonly [string, string])[] = [
  ['UNIQUE constraint failed', 'SQLITE_CONSTRAINT_UNIQUE'],
  ['NOT NULL constraint failed', 'SQLITE_CONSTRAINT_NOTNULL'],
  ['FOREIGN KEY constraint failed', 'SQLITE_CONSTRAINT_FOREIGNKEY'],
  ['CHECK constraint failed', 'SQLITE_CONSTRAINT_CHECK'],
];

function resultCode(error: object, message: string): string | undefined {
  let code = stringProp(error, 'code');
  if (code === 'ERR_SQLITE_ERROR') {
    const errcode = (error as { errcode?: unknown }).errcode;
    if (typeof errcode !== 'number') return undefined;
    code = EXTENDED.get(errcode) ?? PRIMARY.get(errcode & 0xff);
  }
  if (code === 'SQLITE_CONSTRAINT') {
    code = CONSTRAINT_KINDS.find(([text]) => message.includes(text))?.[1] ?? code;
  }
  return code?.startsWith('SQLITE_') ? code : undefined;
}

/**
 * The columns of `UNIQUE constraint failed: users.org_id, users.email` (SQLite names columns, not
 * values, in these messages), or the index of `… failed: index 'users_lower_email'`.
 */
function namedInMessage(message: string): Pick<DatabaseFailure, 'column' | 'constraint' | 'table'> {
  const colon = message.indexOf('constraint failed: ');
  if (colon === -1) return {};
  const rest = message.slice(colon + 'constraint failed: '.length).trim();
  const index = /^index '([^']+)'$/.exec(rest);
  if (index) return { constraint: index[1] };
  const parts = rest.split(', ').map((part) => part.split('.'));
  if (!parts.every((part) => part.length === 2 && part.every((name) => /^[\p{L}\p{N}_$]+$/u.test(name)))) {
    return { constraint: rest };
  }
  return { column: parts.map((part) => part[1]).join(', '), table: parts[0]?.[0] };
}

/**
 * Reads a better-sqlite3, node-sqlite3 or node:sqlite error.
 *
 * @example
 * ```ts
 * sqliteFailure(sqliteError, {}); // { role: 'UNIQUE_VIOLATION', field: 'email', column: 'email', table: 'users' } for "UNIQUE constraint failed: users.email"
 * ```
 */
export function sqliteFailure(
  error: object,
  fields: Readonly<Record<string, string>>,
): DatabaseFailure | undefined {
  const message = stringProp(error, 'message') ?? '';
  const code = resultCode(error, message);
  if (code === undefined) return undefined;
  const role = ROLES.find(([prefix]) => code.startsWith(prefix))?.[1];
  if (role === undefined) return undefined;
  if (!code.startsWith('SQLITE_CONSTRAINT')) return { role };
  const named = namedInMessage(message);
  if (role === 'FOREIGN_KEY_VIOLATION') return { role };
  if (role === 'CHECK_VIOLATION') return { role, constraint: named.constraint ?? named.column };
  const mapped =
    named.constraint !== undefined && Object.hasOwn(fields, named.constraint)
      ? fields[named.constraint]
      : undefined;
  return {
    role,
    field: mapped ?? named.column,
    column: named.column,
    constraint: named.constraint,
    table: named.table,
  };
}

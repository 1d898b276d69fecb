import { columnSet } from './constraint-entry.js';
import { CONSTRAINT_ROLES } from './constraint-roles.js';

const BINDING_FIELDS: ReadonlySet<string> = new Set(['violation', 'column', 'constraint', 'table']);
const VIOLATIONS: readonly string[] = Object.keys(CONSTRAINT_ROLES);
/** A column, or a comma-separated list of them: names without spaces or commas. */
const COLUMN_LIST = /^[^\s,]+(?:, ?[^\s,]+)*$/;

/**
 * Checks the `database` field of entry `key` (the constraint violation it answers) and reports
 * each problem under `errors.<key>.database`. `seen` maps each binding already declared to its
 * entry's key, so two entries cannot answer the same violation.
 *
 * @example
 * ```ts
 * checkDatabaseBinding('DUPLICATE_EMAIL', { database: { violation: 'uniq', column: 'email' } }, new Map(), report);
 * // report('errors.DUPLICATE_EMAIL.database.violation', 'must be one of unique, foreign_key, not_null, check')
 * ```
 */
export function checkDatabaseBinding(
  key: string,
  entry: Readonly<Record<string, unknown>>,
  seen: Map<string, string>,
  report: (path: string, message: string) => void,
): void {
  const binding = entry.database;
  if (binding === undefined) return;
  const path = `errors.${key}.database`;
  if (typeof binding !== 'object' || binding === null || Array.isArray(binding)) {
    report(path, 'must be { violation, column?, constraint?, table? }');
    return;
  }
  const fields = binding as Record<string, unknown>;
  let valid = true;
  const fail = (field: string, message: string): void => {
    report(field === '' ? path : `${path}.${field}`, message);
    valid = false;
  };
  for (const name of Object.keys(fields)) {
    if (!BINDING_FIELDS.has(name)) fail(name, 'unknown field (violation, column, constraint or table)');
  }
  if (typeof fields.violation !== 'string' || !VIOLATIONS.includes(fields.violation)) {
    fail('violation', `must be one of ${VIOLATIONS.join(', ')}`);
  }
  if (
    fields.column !== undefined &&
    (typeof fields.column !== 'string' || !COLUMN_LIST.test(fields.column))
  ) {
    fail('column', 'must be a column name, or several separated by commas');
  }
  for (const name of ['constraint', 'table'] as const) {
    if (fields[name] !== undefined && (typeof fields[name] !== 'string' || fields[name] === '')) {
      fail(name, 'must be a non-empty string');
    }
  }
  if (fields.column === undefined && fields.constraint === undefined && fields.table === undefined) {
    fail('', 'must name a column, a constraint or a table besides the violation');
  }
  if (entry.role !== undefined) {
    fail('', 'an entry answers a constraint violation in place of its role entry: drop `role` or `database`');
  }
  if (!valid) return;
  const column = typeof fields.column === 'string' ? columnSet(fields.column) : '';
  const same = JSON.stringify([fields.violation, column, fields.constraint, fields.table]);
  const previous = seen.get(same);
  if (previous !== undefined) fail('', `answers the same violation as ${previous}`);
  else seen.set(same, key);
}

import type { ConstraintViolation, DatabaseViolationSpec } from 'errcat';

const KINDS: Readonly<Record<ConstraintViolation, string>> = {
  unique: 'unique',
  foreign_key: 'foreign-key',
  not_null: 'not-null',
  check: 'check',
};

/**
 * Says which constraint violation an entry answers (its `database` field), for the docs and
 * `errcat explain`; `quote` formats each name the database reports (a Markdown code span, say).
 *
 * @example
 * ```ts
 * constraintPhrase({ violation: 'unique', column: 'email' }); // 'unique violation on email'
 * constraintPhrase({ violation: 'check', constraint: 'age_not_negative' }, (name) => `\`${name}\``);
 * // 'check violation of constraint `age_not_negative`'
 * ```
 */
export function constraintPhrase(
  binding: DatabaseViolationSpec,
  quote: (name: string) => string = (name) => name,
): string {
  const { column, table, constraint } = binding;
  let phrase = `${KINDS[binding.violation]} violation`;
  if (column !== undefined) phrase += ` on ${quote(column)}`;
  if (table !== undefined) phrase += `${column === undefined ? ' on' : ' of'} table ${quote(table)}`;
  if (constraint !== undefined) {
    phrase += `${column === undefined && table === undefined ? ' of' : ','} constraint ${quote(constraint)}`;
  }
  return phrase;
}

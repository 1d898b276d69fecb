import type { BaseRole } from '../base/base-entries.js';
import type { ConstraintViolation } from '../catalog-spec.js';

/**
 * The base-catalog role of each kind of constraint violation: an entry that declares
 * `database: { violation }` answers in place of that role's entry and inherits its details.
 *
 * @example
 * ```ts
 * CONSTRAINT_ROLES.unique; // 'UNIQUE_VIOLATION'
 * ```
 */
export const CONSTRAINT_ROLES = {
  unique: 'UNIQUE_VIOLATION',
  foreign_key: 'FOREIGN_KEY_VIOLATION',
  not_null: 'NOT_NULL_VIOLATION',
  check: 'CHECK_VIOLATION',
} as const satisfies Record<ConstraintViolation, BaseRole>;

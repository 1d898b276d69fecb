import { CatalogError } from '../../catalog-error.js';
import type { CatalogSpec } from '../../catalog-spec.js';
import type { CatalogMethods } from '../../catalog-types.js';
import { fieldNameOf, parseJsonPointer } from '../../http/json-pointer.js';
import { entryForRole } from '../../role-error.js';
import { DEFAULT_VIOLATION_KEYS, type Violation, type ViolationKey } from '../../violation.js';

/**
 * Options of {@link validationFailed} and the validation guards.
 *
 * @example
 * ```ts
 * throw validationFailed(violations, { catalog, maxViolations: 20, message: (violation) => t(violation.type) });
 * ```
 */
export interface ValidationErrorOptions {
  /** The catalog whose `VALIDATION_FAILED` role entry to raise. @default errcat's base catalog */
  readonly catalog?: CatalogMethods<CatalogSpec> | undefined;
  /** At most this many violations are reported; the rest are dropped. @default 100 */
  readonly maxViolations?: number;
  /**
   * Rewrites each violation's message, for translation or to hide the library's wording. The
   * field's name is still put in front of a message that does not start with it.
   * @default undefined (the library's message)
   */
  readonly message?: ((violation: Violation) => string) | undefined;
}

/** Longest message and pointer kept, so a hostile key name cannot blow up a response. */
const MAX_TEXT = 1000;

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

/** True when `message` starts with `field` as a word of its own ("limit must be…", not "limits…"). */
function startsWithField(message: string, field: string): boolean {
  return message.startsWith(field) && !/^[\w-]/.test(message.slice(field.length));
}

/** The message, led by the field's name when it does not name it first already. */
function naming(message: string, field: string): string {
  return field === '' || startsWithField(message, field) ? message : `${field}: ${message}`;
}

/** The violation with the keys the entry declares, in their order, each text clipped. */
function shape(
  violation: Violation,
  field: string,
  message: string,
  keys: readonly ViolationKey[],
): Record<string, string> {
  const name = violation.in === 'body' ? undefined : parseJsonPointer(violation.pointer)?.[0];
  const values: Record<ViolationKey, string | undefined> = {
    in: violation.in,
    pointer: violation.pointer,
    field,
    parameter: violation.in === 'headers' ? undefined : name,
    header: violation.in === 'headers' ? name : undefined,
    type: violation.type,
    message,
  };
  const out: Record<string, string> = {};
  for (const key of keys) {
    const value = values[key];
    if (value !== undefined) out[key] = clip(value);
  }
  return out;
}

/**
 * Makes the one error that reports every violation: the entry playing `VALIDATION_FAILED` with
 * `details.errors`. Each violation carries the keys the entry lists in `violationKeys` (seed 004's
 * `['field', 'type', 'message']`, say), by default `in`, `pointer`, `type` and `message`, plus
 * `parameter` or `header` for violations of the query, path parameters or headers, so formats
 * such as JSON:API can point at them. Every message names its field: `limit: Too big: expected
 * number to be <=1000`, unless the library's message starts with the name already.
 *
 * @example
 * ```ts
 * throw validationFailed([{ in: 'body', pointer: '/email', type: 'email', message: 'Invalid email' }], {
 *   catalog,
 * });
 * // details.errors: [{ in: 'body', pointer: '/email', type: 'email', message: 'email: Invalid email' }]
 * ```
 */
export function validationFailed(
  violations: readonly Violation[],
  options: ValidationErrorOptions = {},
): CatalogError {
  const limit = options.maxViolations ?? 100;
  const rewrite = options.message;
  const entry = entryForRole(options.catalog, 'VALIDATION_FAILED');
  const keys = entry.spec.violationKeys ?? DEFAULT_VIOLATION_KEYS;
  const errors = violations.slice(0, Math.max(0, limit)).map((violation) => {
    const field = fieldNameOf(violation.pointer);
    const message = naming(rewrite ? rewrite(violation) : violation.message, field);
    return shape(violation, field, message, keys);
  });
  return new CatalogError(entry, { errors });
}

import type { CatalogError } from '../../catalog-error.js';
import type { CatalogSpec } from '../../catalog-spec.js';
import type { CatalogMethods } from '../../catalog-types.js';
import { roleError } from '../../role-error.js';
import { parseJsonPointer } from './json-pointer.js';
import type { Violation } from './violation.js';

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
   * Rewrites each violation's message, for translation or to hide the library's wording.
   * @default undefined (the library's message)
   */
  readonly message?: ((violation: Violation) => string) | undefined;
}

/** Longest message and pointer kept, so a hostile key name cannot blow up a response. */
const MAX_TEXT = 1000;

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

/**
 * Makes the one error that reports every violation: the entry playing `VALIDATION_FAILED` with
 * `details.errors`. Violations of the query, path parameters and headers also name their
 * `parameter` or `header`, so formats such as JSON:API can point at it.
 *
 * @example
 * ```ts
 * throw validationFailed([{ in: 'body', pointer: '/email', type: 'format', message: 'Invalid email' }], {
 *   catalog,
 * });
 * ```
 */
export function validationFailed(
  violations: readonly Violation[],
  options: ValidationErrorOptions = {},
): CatalogError {
  const limit = options.maxViolations ?? 100;
  const rewrite = options.message;
  const errors = violations.slice(0, Math.max(0, limit)).map((violation): Violation => {
    const out: { -readonly [K in keyof Violation]: Violation[K] } = {
      in: violation.in,
      pointer: clip(violation.pointer),
      type: violation.type,
      message: clip(rewrite ? rewrite(violation) : violation.message),
    };
    const name = violation.in === 'body' ? undefined : parseJsonPointer(violation.pointer)?.[0];
    if (name !== undefined && violation.in === 'headers') out.header = clip(name);
    else if (name !== undefined) out.parameter = clip(name);
    return out;
  });
  return roleError(options.catalog, 'VALIDATION_FAILED', { errors });
}

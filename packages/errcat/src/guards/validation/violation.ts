/**
 * The normalised kinds of validation failure. Each validator names its rules differently (Zod's
 * `too_small`, Valibot's `min_length`, ArkType's `minLength`, JSON Schema's `minLength`); errcat
 * reduces them to these so clients can handle `min_length` once for every server library.
 *
 * `invalid` covers whatever fits none of the others: a custom refinement, a union with no match, a
 * `multipleOf` rule.
 *
 * @example
 * ```ts
 * for (const type of VIOLATION_TYPES) messages[type] = t(`validation.${type}`);
 * ```
 */
export const VIOLATION_TYPES = [
  'required',
  'type',
  'format',
  'min_length',
  'max_length',
  'minimum',
  'maximum',
  'pattern',
  'enum',
  'unique',
  'unknown_field',
  'invalid',
] as const;

/**
 * One of {@link VIOLATION_TYPES}.
 *
 * @example
 * ```ts
 * const type: ViolationType = 'required';
 * ```
 */
export type ViolationType = (typeof VIOLATION_TYPES)[number];

/**
 * The part of a request a violation was found in.
 *
 * @example
 * ```ts
 * const part: RequestPart = 'query';
 * ```
 */
export type RequestPart = 'body' | 'query' | 'params' | 'headers';

/**
 * One field-level validation failure, as it appears in `details.errors` of `VALIDATION_FAILED`.
 *
 * @example
 * ```ts
 * const violation: Violation = {
 *   in: 'body',
 *   pointer: '/items/0/email',
 *   type: 'format',
 *   message: 'Invalid email address',
 * };
 * ```
 */
export interface Violation {
  /** The request part the value came from. */
  readonly in: RequestPart;
  /** An RFC 6901 JSON pointer into that part; `''` for the part as a whole. */
  readonly pointer: string;
  /** The normalised kind of failure. */
  readonly type: ViolationType;
  /** The validator's own message. */
  readonly message: string;
  /**
   * For `query` and `params` violations: the parameter's name (the pointer's first segment), as
   * JSON:API's `source.parameter` names it. Added by {@link validationFailed}.
   */
  readonly parameter?: string;
  /** For `headers` violations: the header's name, as JSON:API's `source.header`. Added by {@link validationFailed}. */
  readonly header?: string;
}

const TYPES: ReadonlySet<string> = new Set(VIOLATION_TYPES);

/**
 * True when `value` names a {@link ViolationType}.
 *
 * @example
 * ```ts
 * isViolationType('min_length'); // true
 * isViolationType('too_small'); // false
 * ```
 */
export function isViolationType(value: unknown): value is ViolationType {
  return typeof value === 'string' && TYPES.has(value);
}

/**
 * The normalised kinds of validation failure. Each validator names its rules differently (Zod's
 * `too_small`, Valibot's `min_length`, ArkType's `minLength`, JSON Schema's `minLength`); errcat
 * reduces them to these so clients can handle `min_length` once for every server library. Seed
 * 004's six types (`required`, `email`, `min_length`, `max_length`, `pattern`, `unique`) are among
 * them, with the same names.
 *
 * - `email` is a string that is no email address (Zod `z.email()`, Valibot `email()`, ArkType
 *   `string.email`, JSON Schema `format: email`); every other named format is `format`.
 * - `unique` is "value already exists (duplicate)": a value that must be distinct repeats another.
 *   Validation can only see repeats inside the request (JSON Schema `uniqueItems`, a custom check
 *   below), pointed at the array; a value that already exists in storage comes from the database
 *   mapping (`fromDatabaseError`), not from validation.
 * - A custom check names its type itself: Zod `refine(check, { params: { type: 'unique' } })`,
 *   Valibot `rawCheck` with `addIssue({ expected: 'unique' })`, ArkType `ctx.reject({ expected: 'unique' })`.
 * - `invalid` covers whatever fits none of the others: a custom refinement that names no type, a
 *   union with no match, a `multipleOf` rule.
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
  'email',
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
  /**
   * The value's place as a dotted field name (`email`, `items.0.email`; `''` for the part as a
   * whole), as seed 004's `{ field, type, message }` names it. Added by {@link validationFailed}
   * when the catalog's entry lists `field` in its `violationKeys`.
   */
  readonly field?: string;
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

/**
 * The keys a rendered violation may carry; an entry playing `VALIDATION_FAILED` picks its own with
 * `violationKeys`, in the order they are sent. `parameter` and `header` appear only on violations
 * of the query, path parameters (`parameter`) or headers (`header`).
 *
 * @example
 * ```ts
 * const spec = { code: 'validation_error', status: 422, message: 'Validation failed', role: 'VALIDATION_FAILED', violationKeys: ['field', 'type', 'message'] } satisfies EntrySpec;
 * ```
 */
export const VIOLATION_KEYS = ['in', 'pointer', 'field', 'parameter', 'header', 'type', 'message'] as const;

/**
 * One of {@link VIOLATION_KEYS}.
 *
 * @example
 * ```ts
 * const keys: readonly ViolationKey[] = ['field', 'type', 'message']; // seed 004's shape
 * ```
 */
export type ViolationKey = (typeof VIOLATION_KEYS)[number];

/**
 * The keys of a violation when the entry declares no `violationKeys`: the request part, a JSON
 * pointer, the type and the message, plus `parameter` or `header` where they apply.
 *
 * @example
 * ```ts
 * DEFAULT_VIOLATION_KEYS; // ['in', 'pointer', 'type', 'message', 'parameter', 'header']
 * ```
 */
export const DEFAULT_VIOLATION_KEYS: readonly ViolationKey[] = [
  'in',
  'pointer',
  'type',
  'message',
  'parameter',
  'header',
];

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

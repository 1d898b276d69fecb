/** The most violations a profile renders; the rest are dropped so one bad request stays small. */
const MAX_VIOLATIONS = 100;

/**
 * One field-level violation, as errcat's validation entries carry them in `details.errors`: where
 * the bad value is (a JSON pointer into the body, a dotted field name, a query parameter or a
 * header), its rule and a message.
 *
 * @example
 * ```ts
 * const violation: FieldViolation = { pointer: '/email', message: 'Invalid email', type: 'format' };
 * ```
 */
export interface FieldViolation {
  /** A JSON pointer into the request body, such as `/items/0/name`. */
  readonly pointer?: string;
  /** A field name in the body, such as `email` or `address.city`, for catalogs that use names. */
  readonly field?: string;
  /** The query parameter at fault. */
  readonly parameter?: string;
  /** The request header at fault. */
  readonly header?: string;
  /** The rule that failed, such as `required` or `min_length`. */
  readonly type?: string;
  /** What is wrong, for people. */
  readonly message: string;
}

function readString(item: Record<string, unknown>, name: string): string | undefined {
  const value = item[name];
  return typeof value === 'string' ? value : undefined;
}

function toViolation(item: unknown): FieldViolation | undefined {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined;
  const record = item as Record<string, unknown>;
  const message = readString(record, 'message') ?? readString(record, 'detail');
  if (message === undefined) return undefined;
  const violation: { -readonly [K in keyof FieldViolation]: FieldViolation[K] } = { message };
  const pointer = readString(record, 'pointer');
  const field = readString(record, 'field');
  const parameter = readString(record, 'parameter');
  const header = readString(record, 'header');
  const type = readString(record, 'type');
  if (pointer !== undefined) violation.pointer = pointer;
  if (field !== undefined) violation.field = field;
  if (parameter !== undefined) violation.parameter = parameter;
  if (header !== undefined) violation.header = header;
  if (type !== undefined) violation.type = type;
  return violation;
}

/**
 * The field violations in `details.errors`, or `undefined` when the details carry none. Items that
 * are not `{ message, pointer?, field?, parameter?, header?, type? }` objects are skipped; nothing here
 * throws, whatever the details hold (throwing getters, proxies).
 *
 * @example
 * ```ts
 * fieldViolations({ errors: [{ pointer: '/email', message: 'bad' }] }); // [{ message: 'bad', pointer: '/email' }]
 * fieldViolations({ id: 'p1' }); // undefined
 * ```
 */
export function fieldViolations(details: Readonly<Record<string, unknown>>): FieldViolation[] | undefined {
  try {
    const errors = details.errors;
    if (!Array.isArray(errors)) return undefined;
    const violations: FieldViolation[] = [];
    for (const item of errors.slice(0, MAX_VIOLATIONS)) {
      const violation = toViolation(item);
      if (violation) violations.push(violation);
    }
    return violations.length > 0 ? violations : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The details without `errors`, for formats that render the violations in a place of their own.
 *
 * @example
 * ```ts
 * detailsWithoutViolations({ errors: [], x: 1 }); // { x: 1 } (a null-prototype object)
 * ```
 */
export function detailsWithoutViolations(
  details: Readonly<Record<string, unknown>>,
): Readonly<Record<string, unknown>> {
  const rest: Record<string, unknown> = Object.create(null);
  for (const name of Object.keys(details)) if (name !== 'errors') rest[name] = details[name];
  return rest;
}

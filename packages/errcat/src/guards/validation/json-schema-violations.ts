import { formatJsonPointer, parseJsonPointer } from '../../http/json-pointer.js';
import type { RequestPart, Violation, ViolationType } from '../../violation.js';

/**
 * One error as Ajv (and so Fastify's schema validation) reports it. Only the fields errcat reads
 * are declared, so the errors of any Ajv version or of another JSON Schema validator that uses the
 * same shape fit.
 *
 * @example
 * ```ts
 * const error: JsonSchemaError = { instancePath: '', keyword: 'required', params: { missingProperty: 'email' } };
 * violationsFromJsonSchema([error], 'body'); // [{ in: 'body', pointer: '/email', type: 'required', … }]
 * ```
 */
export interface JsonSchemaError {
  /** The JSON pointer of the failing value (Ajv 8). */
  readonly instancePath?: string;
  /** The schema keyword that failed, such as `required` or `minLength`. */
  readonly keyword: string;
  /** The keyword's parameters, such as `{ missingProperty: 'email' }`. */
  readonly params?: Readonly<Record<string, unknown>>;
  /** The validator's message, such as `must have required property 'email'`. */
  readonly message?: string;
}

const BY_KEYWORD: ReadonlyMap<string, ViolationType> = new Map<string, ViolationType>(
  Object.entries({
    required: 'required',
    dependentRequired: 'required',
    dependencies: 'required',
    type: 'type',
    nullable: 'type',
    format: 'format',
    minLength: 'min_length',
    minItems: 'min_length',
    minProperties: 'min_length',
    minContains: 'min_length',
    maxLength: 'max_length',
    maxItems: 'max_length',
    maxProperties: 'max_length',
    maxContains: 'max_length',
    minimum: 'minimum',
    exclusiveMinimum: 'minimum',
    formatMinimum: 'minimum',
    formatExclusiveMinimum: 'minimum',
    maximum: 'maximum',
    exclusiveMaximum: 'maximum',
    formatMaximum: 'maximum',
    formatExclusiveMaximum: 'maximum',
    pattern: 'pattern',
    enum: 'enum',
    const: 'enum',
    uniqueItems: 'unique',
    additionalProperties: 'unknown_field',
    unevaluatedProperties: 'unknown_field',
  } satisfies Record<string, ViolationType>),
);

/** The params member that names the property a keyword is about, by keyword. */
const PROPERTY_PARAM: ReadonlyMap<string, string> = new Map([
  ['required', 'missingProperty'],
  ['dependentRequired', 'missingProperty'],
  ['dependencies', 'missingProperty'],
  ['additionalProperties', 'additionalProperty'],
  ['unevaluatedProperties', 'unevaluatedProperty'],
]);

/** The JSON Schema formats that are seed 004's `email` type rather than a generic `format`. */
const EMAIL_FORMATS: ReadonlySet<unknown> = new Set(['email', 'idn-email']);

function typeOf(keyword: string, params: JsonSchemaError['params']): ViolationType {
  if (keyword === 'format' && EMAIL_FORMATS.has(params?.format)) return 'email';
  return BY_KEYWORD.get(keyword) ?? 'invalid';
}

/** The property a keyword is about: Ajv points a missing or unknown property at its parent. */
function propertyOf(keyword: string, params: JsonSchemaError['params']): string | undefined {
  const paramName = PROPERTY_PARAM.get(keyword);
  const property = paramName === undefined ? undefined : params?.[paramName];
  return typeof property === 'string' ? property : undefined;
}

/** Fastify names the query part `querystring`; errcat calls it `query`. */
function partOf(part: RequestPart | 'querystring' | undefined): RequestPart {
  if (part === 'querystring') return 'query';
  return part ?? 'body';
}

/**
 * Turns JSON Schema validation errors (Ajv's `errors`, Fastify's `error.validation`) into
 * violations. A missing or unknown property is pointed at itself (`/email`), not at its parent
 * object as Ajv does; a `uniqueItems` failure is `unique` at the array, as a custom uniqueness
 * check of Zod, Valibot or ArkType is. `format: email` is seed 004's `email` type. Pass Fastify's `error.validationContext` as the part.
 *
 * @example
 * ```ts
 * // In a Fastify error handler:
 * if (error.validation) {
 *   throw validationFailed(violationsFromJsonSchema(error.validation, error.validationContext));
 * }
 * ```
 */
export function violationsFromJsonSchema(
  errors: readonly JsonSchemaError[],
  part?: RequestPart | 'querystring',
): Violation[] {
  const where = partOf(part);
  const violations: Violation[] = [];
  for (const error of errors) {
    const keyword = typeof error.keyword === 'string' ? error.keyword : '';
    const type = typeOf(keyword, error.params);
    const base = typeof error.instancePath === 'string' ? error.instancePath : '';
    const path = parseJsonPointer(base) ?? [];
    const property = propertyOf(keyword, error.params);
    if (property !== undefined) path.push(property);
    const message = typeof error.message === 'string' ? error.message : `failed '${keyword}'`;
    violations.push({ in: where, pointer: formatJsonPointer(path), type, message });
  }
  return violations;
}

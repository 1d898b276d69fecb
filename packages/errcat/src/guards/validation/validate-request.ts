import type { StandardSchemaV1 } from '../../standard-schema.js';
import type { RequestPart, Violation } from '../../violation.js';
import { violationsFromIssues } from './standard-violations.js';
import { type ValidationErrorOptions, validationFailed } from './validation-failed.js';

/**
 * The output type of a Standard Schema: what it returns after parsing (and transforming).
 *
 * @example
 * ```ts
 * type Order = InferSchemaOutput<typeof orderSchema>; // what orderSchema parses to
 * ```
 */
export type InferSchemaOutput<S extends StandardSchemaV1> = NonNullable<S['~standard']['types']>['output'];

/**
 * A schema per request part; any Standard Schema (Zod, Valibot, ArkType) fits.
 *
 * @example
 * ```ts
 * const schemas = { body: z.object({ email: z.email() }), query: z.object({ dryRun: z.stringbool().optional() }) };
 * ```
 */
export interface RequestSchemas {
  /** The parsed body. */
  readonly body?: StandardSchemaV1;
  /** The query parameters, as an object. */
  readonly query?: StandardSchemaV1;
  /** The path parameters, as an object. */
  readonly params?: StandardSchemaV1;
  /** The headers, as an object with lower-case names. */
  readonly headers?: StandardSchemaV1;
}

/**
 * The request parts to validate, as the framework gives them.
 *
 * @example
 * ```ts
 * const parts: RequestParts = { body: await request.json(), query: new URL(request.url).searchParams, headers: request.headers };
 * ```
 */
export interface RequestParts {
  /** The parsed body. */
  readonly body?: unknown;
  /** The query: an object, or `URLSearchParams`. */
  readonly query?: unknown;
  /** The path parameters. */
  readonly params?: unknown;
  /** The headers: an object, or a Fetch `Headers`. */
  readonly headers?: unknown;
}

/**
 * The validated (parsed, possibly transformed) values of the parts that had a schema.
 *
 * @example
 * ```ts
 * const { body }: ValidatedParts<typeof schemas> = await validateRequest(schemas, parts, { catalog });
 * ```
 */
export type ValidatedParts<S extends RequestSchemas> = {
  -readonly [K in keyof S]: S[K] extends StandardSchemaV1 ? InferSchemaOutput<S[K]> : never;
};

const PARTS: readonly RequestPart[] = ['body', 'query', 'params', 'headers'];

/** Query strings and header lists arrive as iterables in Fetch-style frameworks; schemas want objects. */
function plain(value: unknown): unknown {
  if (typeof URLSearchParams !== 'undefined' && value instanceof URLSearchParams) {
    const out: Record<string, string | string[]> = Object.create(null);
    for (const key of new Set(value.keys())) {
      const all = value.getAll(key);
      out[key] = all.length === 1 ? (all[0] as string) : all;
    }
    return out;
  }
  if (typeof Headers !== 'undefined' && value instanceof Headers) {
    const out: Record<string, string> = Object.create(null);
    value.forEach((item, name) => {
      out[name] = item;
    });
    return out;
  }
  return value;
}

type Checked = { ok: true; value: unknown } | { ok: false; violations: Violation[] };

async function check(schema: StandardSchemaV1, input: unknown, part: RequestPart): Promise<Checked> {
  const result = await schema['~standard'].validate(input);
  if (result.issues === undefined) return { ok: true, value: result.value };
  return { ok: false, violations: violationsFromIssues(result.issues, { in: part, input }) };
}

/**
 * Validates one value, such as a request body, with a Standard Schema and returns its parsed
 * output, or throws `VALIDATION_FAILED` listing every violation.
 *
 * @example
 * ```ts
 * const body = await validatePart(z.object({ email: z.email() }), req.body, 'body', { catalog });
 * ```
 */
export async function validatePart<S extends StandardSchemaV1>(
  schema: S,
  value: unknown,
  part: RequestPart = 'body',
  options: ValidationErrorOptions = {},
): Promise<InferSchemaOutput<S>> {
  const result = await check(schema, plain(value), part);
  if (!result.ok) throw validationFailed(result.violations, options);
  return result.value as InferSchemaOutput<S>;
}

/**
 * Validates the body, query, path parameters and headers of a request, each with its own
 * Standard Schema, and returns their parsed outputs. All parts are checked before anything is
 * thrown, so one `VALIDATION_FAILED` reports every violation of every part.
 *
 * @example
 * ```ts
 * const { body, query } = await validateRequest(
 *   { body: z.object({ email: z.email() }), query: z.object({ limit: z.coerce.number().max(1000) }) },
 *   { body: req.body, query: req.query },
 *   { catalog },
 * );
 * ```
 */
export async function validateRequest<S extends RequestSchemas>(
  schemas: S,
  request: RequestParts,
  options: ValidationErrorOptions = {},
): Promise<ValidatedParts<S>> {
  const out: Record<string, unknown> = {};
  const violations: Violation[] = [];
  for (const part of PARTS) {
    const schema = schemas[part];
    if (schema === undefined) continue;
    const result = await check(schema, plain(request[part]), part);
    if (result.ok) out[part] = result.value;
    else violations.push(...result.violations);
  }
  if (violations.length > 0) throw validationFailed(violations, options);
  return out as ValidatedParts<S>;
}

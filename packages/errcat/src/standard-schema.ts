/**
 * The Standard Schema v1 interface (https://standardschema.dev), declared here so the core needs no
 * dependency. Zod, Valibot and ArkType schemas all satisfy it.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * const schema: StandardSchemaV1<{ id: string }> = z.object({ id: z.string() });
 * ```
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  /** The standard properties every conforming schema carries. */
  readonly '~standard': StandardSchemaProps<Input, Output>;
}

/**
 * The `~standard` member of a {@link StandardSchemaV1}.
 *
 * @example
 * ```ts
 * const result = await schema['~standard'].validate(input);
 * ```
 */
export interface StandardSchemaProps<Input = unknown, Output = Input> {
  /** The version of the Standard Schema specification (always 1). */
  readonly version: 1;
  /** The library that made the schema, such as `zod`. */
  readonly vendor: string;
  /** Validates an unknown value, synchronously or not. */
  readonly validate: (value: unknown) => StandardSchemaResult<Output> | Promise<StandardSchemaResult<Output>>;
  /** Carries the inferred types; never present at run time. */
  readonly types?: { readonly input: Input; readonly output: Output } | undefined;
}

/**
 * The outcome of {@link StandardSchemaProps.validate}.
 *
 * @example
 * ```ts
 * const result: StandardSchemaResult<Order> = await schema['~standard'].validate(input);
 * if (result.issues) throw validationFailed(violationsFromIssues(result.issues));
 * ```
 */
export type StandardSchemaResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: readonly StandardSchemaIssue[] };

/**
 * One problem reported by a Standard Schema validator.
 *
 * @example
 * ```ts
 * const issue: StandardSchemaIssue = { message: 'Invalid email', path: ['items', 0, 'email'] };
 * ```
 */
export interface StandardSchemaIssue {
  /** The library's message for the problem. */
  readonly message: string;
  /** Where the problem is, from the root of the value. */
  readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[] | undefined;
}

/**
 * The input type a Standard Schema accepts.
 *
 * @example
 * ```ts
 * type Raw = InferSchemaInput<typeof orderSchema>; // what orderSchema accepts before parsing
 * ```
 */
export type InferSchemaInput<S extends StandardSchemaV1> = NonNullable<S['~standard']['types']>['input'];

/**
 * True when a value looks like a Standard Schema (it has a `~standard` object with `validate`).
 *
 * @example
 * ```ts
 * isStandardSchema(z.object({})); // true
 * isStandardSchema({ type: 'object' }); // false: a JSON Schema, not a Standard Schema
 * ```
 */
export function isStandardSchema(value: unknown): value is StandardSchemaV1 {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return false;
  const props = (value as { '~standard'?: unknown })['~standard'];
  return (
    typeof props === 'object' &&
    props !== null &&
    typeof (props as { validate?: unknown }).validate === 'function'
  );
}

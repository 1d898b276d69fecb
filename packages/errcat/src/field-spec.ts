/**
 * How a catalog entry declares one field of its details (and so one message parameter).
 *
 * A field is written either as a shorthand type name (`'string'`, or `'string?'` when optional) or
 * as an object that is also valid JSON Schema plus errcat's `optional` and `internal` flags.
 */

/**
 * The JSON types a detail field may have.
 *
 * @example
 * ```ts
 * const type: FieldType = 'integer';
 * ```
 */
export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array';

/**
 * A field written as its type name; a trailing `?` marks it optional.
 *
 * @example
 * ```ts
 * const details = { id: 'string', region: 'string?' } satisfies Record<string, FieldShorthand>;
 * ```
 */
export type FieldShorthand = FieldType | `${FieldType}?`;

/**
 * A field written in full: a JSON Schema subset plus errcat's flags.
 *
 * @example
 * ```ts
 * const field: FieldSpec = { type: 'string', description: 'The promise id', internal: false };
 * ```
 */
export interface FieldSpec {
  /** The JSON type of the value. */
  readonly type: FieldType;
  /** The field may be absent. @default false */
  readonly optional?: boolean;
  /** The field reaches logs, never a response. @default false */
  readonly internal?: boolean;
  /** What the field means, for the docs. */
  readonly description?: string;
  /** The only values allowed. */
  readonly enum?: readonly (string | number | boolean)[];
  /** A JSON Schema `format`, such as `email` or `uri`. */
  readonly format?: string;
  /** For arrays: the type of each item. */
  readonly items?: FieldDeclaration;
  /** An example value, for the docs and rendered examples. */
  readonly example?: unknown;
}

/**
 * One detail field, shorthand or in full.
 *
 * @example
 * ```ts
 * const trace: FieldDeclaration = { type: 'string', internal: true, optional: true };
 * ```
 */
export type FieldDeclaration = FieldShorthand | FieldSpec;

/**
 * A map from field name to its declaration.
 *
 * @example
 * ```ts
 * const details = { id: 'string', limit: { type: 'integer', description: 'The quota' } } satisfies FieldMap;
 * ```
 */
export type FieldMap = { readonly [name: string]: FieldDeclaration };

type ValueOfType<T extends FieldType, Items = unknown> = T extends 'string'
  ? string
  : T extends 'number' | 'integer'
    ? number
    : T extends 'boolean'
      ? boolean
      : T extends 'object'
        ? Record<string, unknown>
        : readonly Items[];

/**
 * The TypeScript type of a value of the declared field.
 *
 * @example
 * ```ts
 * type Region = FieldValue<{ type: 'string'; enum: readonly ['eu', 'us'] }>; // 'eu' | 'us'
 * ```
 */
export type FieldValue<D> = D extends `${infer T extends FieldType}?`
  ? ValueOfType<T>
  : D extends FieldType
    ? ValueOfType<D>
    : D extends { readonly enum: readonly (infer V)[] }
      ? V
      : D extends { readonly type: infer T extends FieldType; readonly items: infer I }
        ? ValueOfType<T, FieldValue<I>>
        : D extends { readonly type: infer T extends FieldType }
          ? ValueOfType<T>
          : unknown;

/**
 * True when the declared field may be absent.
 *
 * @example
 * ```ts
 * type Optional = IsOptionalField<'string?'>; // true
 * ```
 */
export type IsOptionalField<D> = D extends `${string}?`
  ? true
  : D extends { readonly optional: true }
    ? true
    : false;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/**
 * The object type that a field map describes.
 *
 * @example
 * ```ts
 * type Details = FieldsValue<{ id: 'string'; region: 'string?' }>; // { id: string; region?: string }
 * ```
 */
export type FieldsValue<M> = Simplify<
  { -readonly [K in keyof M as IsOptionalField<M[K]> extends true ? never : K]: FieldValue<M[K]> } & {
    -readonly [K in keyof M as IsOptionalField<M[K]> extends true ? K : never]?: FieldValue<M[K]>;
  }
>;

/**
 * A field declaration in its full form, whichever way it was written.
 *
 * @example
 * ```ts
 * for (const field of catalog.entry('ORDER_NOT_FOUND')?.fields ?? []) console.log(field.name, field.type, field.internal);
 * ```
 */
export interface NormalizedField {
  /** The field's name. */
  readonly name: string;
  /** The JSON type of the value. */
  readonly type: FieldType;
  /** The field may be absent. */
  readonly optional: boolean;
  /** The field reaches logs, never a response. */
  readonly internal: boolean;
  /** The declaration as written, in full form. */
  readonly spec: FieldSpec;
}

const FIELD_TYPES: ReadonlySet<string> = new Set([
  'string',
  'number',
  'integer',
  'boolean',
  'object',
  'array',
]);

/**
 * True when `value` names a field type.
 *
 * @example
 * ```ts
 * isFieldType('integer'); // true
 * isFieldType('date'); // false
 * ```
 */
export function isFieldType(value: unknown): value is FieldType {
  return typeof value === 'string' && FIELD_TYPES.has(value);
}

/**
 * Expands a shorthand or full field declaration; `undefined` when the declaration is malformed.
 *
 * @example
 * ```ts
 * normalizeField('id', 'string?'); // { name: 'id', type: 'string', optional: true, internal: false, … }
 * ```
 */
export function normalizeField(name: string, declaration: unknown): NormalizedField | undefined {
  if (typeof declaration === 'string') {
    const optional = declaration.endsWith('?');
    const type = optional ? declaration.slice(0, -1) : declaration;
    if (!isFieldType(type)) return undefined;
    return { name, type, optional, internal: false, spec: optional ? { type, optional } : { type } };
  }
  if (typeof declaration !== 'object' || declaration === null) return undefined;
  const spec = declaration as FieldSpec;
  if (!isFieldType(spec.type)) return undefined;
  return {
    name,
    type: spec.type,
    optional: spec.optional === true,
    internal: spec.internal === true,
    spec,
  };
}

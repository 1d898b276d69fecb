import type { FieldType, ImportedField } from './import-draft.js';
import { isJsonObject, type JsonObject, resolveRef } from './openapi-refs.js';

/**
 * A Schema Object with its `$ref`s resolved and its `allOf`, `oneOf` and `anyOf` branches merged:
 * what an import reads of it.
 *
 * @example
 * ```ts
 * const flat = flattenSchema(document, { $ref: '#/components/schemas/Error' });
 * flat.properties.has('code'); // true
 * ```
 */
export interface FlatSchema {
  /** The JSON types it allows (`type`, a 3.1 type array, `nullable` as `null`). */
  readonly types: Set<string>;
  /** Property name → its (unresolved) schema, from every branch. */
  readonly properties: Map<string, unknown>;
  /** The properties it requires (its own and its `allOf` branches'). */
  readonly required: Set<string>;
  /** The values of its `enum`s and `const`s. */
  readonly values: unknown[];
  /** Its `example` and 3.1 `examples`. */
  readonly examples: unknown[];
  /** The schema of its array items, when it has one. */
  readonly items: unknown;
  /** The first description found. */
  readonly description: string | undefined;
}

/** Composition nested deeper than this is not read: error schemas are shallow. */
const MAX_DEPTH = 8;
/** More schemas than this in one composition are not read, however a document branches. */
const MAX_SCHEMAS = 256;

interface Collected {
  types: Set<string>;
  properties: Map<string, unknown>;
  required: Set<string>;
  values: unknown[];
  examples: unknown[];
  items: unknown;
  description: string | undefined;
}

function collect(
  document: JsonObject,
  node: unknown,
  into: Collected,
  seen: Set<unknown>,
  own: boolean,
  depth: number,
): void {
  const schema = resolveRef(document, node);
  // Each schema is read once: a `$ref` cycle (a schema that contains itself) ends, and a document
  // whose branches share schemas (a diamond, again and again) costs no more than its schemas.
  if (!isJsonObject(schema) || seen.has(schema) || seen.size >= MAX_SCHEMAS || depth > MAX_DEPTH) return;
  seen.add(schema);
  const { type } = schema;
  for (const name of Array.isArray(type) ? type : [type]) if (typeof name === 'string') into.types.add(name);
  if (schema.nullable === true) into.types.add('null');
  if (isJsonObject(schema.properties)) {
    for (const [name, property] of Object.entries(schema.properties)) {
      if (!into.properties.has(name)) into.properties.set(name, property);
    }
  }
  if (own && Array.isArray(schema.required)) {
    for (const name of schema.required) if (typeof name === 'string') into.required.add(name);
  }
  if (Array.isArray(schema.enum)) into.values.push(...schema.enum);
  if (Object.hasOwn(schema, 'const')) into.values.push(schema.const);
  if (Object.hasOwn(schema, 'example')) into.examples.push(schema.example);
  if (Array.isArray(schema.examples)) into.examples.push(...schema.examples);
  if (into.items === undefined && schema.items !== undefined) into.items = schema.items;
  if (into.description === undefined && typeof schema.description === 'string') {
    into.description = schema.description;
  }
  for (const [keyword, required] of [
    ['allOf', own],
    ['oneOf', false],
    ['anyOf', false],
  ] as const) {
    const branches = schema[keyword];
    if (Array.isArray(branches))
      for (const branch of branches) collect(document, branch, into, seen, required, depth + 1);
  }
}

/**
 * Resolves a schema and merges its composition branches into one view, bounded in depth and safe
 * on `$ref` cycles. A `oneOf` or `anyOf` branch lends its properties but not its `required`.
 *
 * @example
 * ```ts
 * flattenSchema(document, { allOf: [{ $ref: '#/components/schemas/Base' }, { properties: { id: {} } }] });
 * ```
 */
export function flattenSchema(document: JsonObject, schema: unknown): FlatSchema {
  const into: Collected = {
    types: new Set(),
    properties: new Map(),
    required: new Set(),
    values: [],
    examples: [],
    items: undefined,
    description: undefined,
  };
  collect(document, schema, into, new Set(), true, 0);
  return into;
}

/**
 * The schema at a path below a schema: property names, and `[]` for an array's items
 * (`['errors', '[]', 'code']`). `undefined` when the schema does not declare it.
 *
 * @example
 * ```ts
 * schemaAt(document, errorResponseSchema, ['error', 'code']); // the code property's schema
 * ```
 */
export function schemaAt(document: JsonObject, schema: unknown, path: readonly string[]): unknown {
  let current = schema;
  for (const segment of path) {
    const flat = flattenSchema(document, current);
    current = segment === '[]' ? flat.items : flat.properties.get(segment);
    if (current === undefined) return undefined;
  }
  return current;
}

/** The JSON types the catalog format names. */
const FIELD_TYPE = /^(?:string|number|integer|boolean|object|array)$/;

/**
 * The JSON type of a value, as the catalog format names it; `undefined` for `null` and for what
 * JSON cannot hold.
 *
 * @example
 * ```ts
 * jsonFieldType(3); // 'integer'
 * jsonFieldType([1]); // 'array'
 * ```
 */
export function jsonFieldType(value: unknown): FieldType | undefined {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'string' || typeof value === 'boolean') return typeof value as FieldType;
  return isJsonObject(value) ? 'object' : undefined;
}

/**
 * A details field as the schema declares it: its type (from `type`, else from its properties,
 * items, enum values or examples), its description and its enum; `undefined` when nothing tells
 * the type.
 *
 * @example
 * ```ts
 * importedField(flattenSchema(document, { type: 'string', enum: ['a', 'b'] }), true);
 * // { type: 'string', enum: ['a', 'b'] }
 * ```
 */
export function importedField(flat: FlatSchema, required: boolean): ImportedField | undefined {
  const declared = [...flat.types].find((type) => FIELD_TYPE.test(type)) as FieldType | undefined;
  const type =
    declared ??
    (flat.properties.size > 0 ? 'object' : flat.items !== undefined ? 'array' : undefined) ??
    [...flat.values, ...flat.examples].map(jsonFieldType).find((found) => found !== undefined);
  if (type === undefined) return undefined;
  const listed = flat.values.filter(
    (value): value is string | number => typeof value === 'string' || typeof value === 'number',
  );
  return {
    type,
    ...(required ? {} : { optional: true }),
    ...(flat.description === undefined ? {} : { description: flat.description }),
    ...(listed.length > 0 ? { enum: listed } : {}),
  };
}

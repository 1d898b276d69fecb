import { type CatalogEntry, type FieldSpec, normalizeField } from 'errcat';

/**
 * A JSON Schema (2020-12, the dialect of OpenAPI 3.1) as a plain object.
 *
 * @example
 * ```ts
 * const schema: JsonSchema = { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] };
 * ```
 */
export type JsonSchema = { [keyword: string]: unknown };

/** The JSON Schema of one declared field: errcat's `optional` and `internal` flags are not keywords. */
function fieldSchema(spec: FieldSpec): JsonSchema {
  const schema: JsonSchema = { type: spec.type };
  if (spec.description !== undefined) schema.description = spec.description;
  if (spec.enum !== undefined) schema.enum = [...spec.enum];
  if (spec.format !== undefined) schema.format = spec.format;
  if (spec.items !== undefined) {
    const items = normalizeField('items', spec.items);
    if (items) schema.items = fieldSchema(items.spec);
  }
  if (spec.example !== undefined) schema.examples = [spec.example];
  return schema;
}

/** The Standard JSON Schema extension (zod 4, arktype, valibot): a schema that can describe itself. */
interface JsonSchemaConverter {
  readonly output: (options: { readonly target: string }) => unknown;
}

/**
 * A Standard Schema's own JSON Schema, when the library implements the Standard JSON Schema
 * extension; otherwise an open object that says where the real rules live.
 */
function standardSchemaJson(entry: CatalogEntry): JsonSchema {
  const converter = (entry.schema?.['~standard'] as { jsonSchema?: JsonSchemaConverter } | undefined)
    ?.jsonSchema;
  let converted: unknown;
  try {
    converted = converter?.output({ target: 'draft-2020-12' });
  } catch {
    // A schema the library cannot express (a transform, a refinement) falls back to an open object.
    converted = undefined;
  }
  if (typeof converted !== 'object' || converted === null) {
    return { type: 'object', description: `Validated by the ${entry.key} Standard Schema of the catalog.` };
  }
  const { $schema: _dialect, ...schema } = converted as JsonSchema;
  const properties = schema.properties as Record<string, unknown> | undefined;
  if (properties && entry.internalFields.size > 0) {
    schema.properties = Object.fromEntries(
      Object.entries(properties).filter(([name]) => !entry.internalFields.has(name)),
    );
    if (Array.isArray(schema.required))
      schema.required = schema.required.filter((name) => !entry.internalFields.has(String(name)));
  }
  return schema;
}

/**
 * The JSON Schema of an entry's public details: its field map (internal fields left out), its
 * Standard Schema's own JSON Schema, or its message parameters when it declares neither.
 * `undefined` when the entry sends no details. The object stays open (no `additionalProperties`):
 * adding an optional field is a minor change, which a closed schema would turn into a break.
 *
 * @example
 * ```ts
 * detailsSchema(catalog.entry('ORDER_NOT_FOUND')!); // details { id: 'string', count: 'integer?' }:
 * // { type: 'object', properties: { id: { type: 'string' }, count: { type: 'integer' } }, required: ['id'] }
 * ```
 */
export function detailsSchema(entry: CatalogEntry): JsonSchema | undefined {
  if (entry.schema) return standardSchemaJson(entry);
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  if (entry.fields) {
    for (const field of entry.fields) {
      if (field.internal) continue;
      properties[field.name] = fieldSchema(field.spec);
      if (!field.optional) required.push(field.name);
    }
  } else {
    // An entry without declared fields takes its message parameters as details.
    for (const name of [...entry.template.required, ...entry.template.optional]) {
      properties[name] = { type: ['string', 'number', 'boolean'] };
    }
    required.push(...entry.template.required);
  }
  if (Object.keys(properties).length === 0) return undefined;
  return required.length > 0 ? { type: 'object', properties, required } : { type: 'object', properties };
}

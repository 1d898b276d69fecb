import type { CatalogEntry, FieldType } from 'errcat';

// A stand-in per type for a required value the catalog gives no example of.
function placeholder(name: string, type: FieldType | undefined): unknown {
  switch (type) {
    case 'number':
    case 'integer':
      return 0;
    case 'boolean':
      return false;
    case 'object':
      return {};
    case 'array':
      return [];
    default:
      return `<${name}>`;
  }
}

/**
 * The details an example response of an entry shows: the entry's `example`, then each field's own
 * `example`, then a placeholder (`<id>`, `0`…) for every required value still missing, so the
 * rendered message never shows a bare `{id}`.
 *
 * @example
 * ```ts
 * exampleDetails(catalog.entry('ORDER_NOT_FOUND')!); // { id: '<id>' } when neither the entry nor the field has an example
 * ```
 */
export function exampleDetails(entry: CatalogEntry): Record<string, unknown> {
  const details: Record<string, unknown> = { ...entry.example };
  for (const field of entry.fields ?? []) {
    if (details[field.name] !== undefined) continue;
    if (field.spec.example !== undefined) details[field.name] = field.spec.example;
    else if (!field.optional) details[field.name] = placeholder(field.name, field.type);
  }
  for (const name of entry.template.required) {
    if (details[name] === undefined) {
      details[name] = placeholder(name, entry.fields?.find((field) => field.name === name)?.type);
    }
  }
  return details;
}

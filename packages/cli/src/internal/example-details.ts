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
 * The names an entry's details must carry: its required fields and its message's required
 * parameters (the only ones an entry without a field map has).
 *
 * @example
 * ```ts
 * requiredDetails(catalog.entry('ORDER_NOT_FOUND')!); // ['id']
 * ```
 */
export function requiredDetails(entry: CatalogEntry): string[] {
  const names = (entry.fields ?? []).filter((f) => !f.optional).map((f) => f.name);
  for (const name of entry.template.required) if (!names.includes(name)) names.push(name);
  return names;
}

/**
 * The details an entry renders with when no `--param` is given: its `example`, then each
 * field's own `example` for what the entry's example leaves out.
 *
 * @example
 * ```ts
 * defaultDetails(catalog.entry('CONFLICT')!); // { expected_offset: 100, actual_offset: 105 }
 * ```
 */
export function defaultDetails(entry: CatalogEntry): Record<string, unknown> {
  const details: Record<string, unknown> = { ...entry.example };
  for (const field of entry.fields ?? []) {
    if (details[field.name] === undefined && field.spec.example !== undefined)
      details[field.name] = field.spec.example;
  }
  return details;
}

/**
 * The details an example response of an entry shows: {@link defaultDetails} (the entry's
 * `example`, then each field's own `example`), then a placeholder (`<id>`, `0`…) for every
 * required value still missing, so the rendered message never shows a bare `{id}`. Lint reports
 * an entry that needs a placeholder (`example-cannot-render`).
 *
 * @example
 * ```ts
 * exampleDetails(catalog.entry('ORDER_NOT_FOUND')!); // { id: '<id>' } when neither the entry nor the field has an example
 * ```
 */
export function exampleDetails(entry: CatalogEntry): Record<string, unknown> {
  const details = defaultDetails(entry);
  for (const name of requiredDetails(entry)) {
    if (details[name] === undefined) {
      details[name] = placeholder(name, entry.fields?.find((field) => field.name === name)?.type);
    }
  }
  return details;
}

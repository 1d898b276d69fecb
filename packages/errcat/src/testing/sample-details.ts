import type { CatalogEntry } from '../catalog-entry.js';
import type { FieldSpec } from '../field-spec.js';

function sampleValue(spec: FieldSpec, name: string): unknown {
  if (spec.example !== undefined) return spec.example;
  if (spec.enum !== undefined && spec.enum.length > 0) return spec.enum[0];
  switch (spec.type) {
    case 'string':
      return `sample-${name}`;
    case 'number':
    case 'integer':
      return 1;
    case 'boolean':
      return true;
    case 'object':
      return {};
    case 'array':
      return [];
  }
}

/**
 * Details to raise an entry with in a test: the entry's `example`, else one value per declared
 * field (internal fields included, so a test sees whether they leak): the field's example, its
 * first enum value, or a value of its type.
 *
 * @example
 * ```ts
 * sampleDetails(catalog.entry('PROMISE_NOT_FOUND')!); // { id: 'sample-id' }
 * ```
 */
export function sampleDetails(entry: CatalogEntry): Record<string, unknown> {
  if (entry.example !== undefined) return { ...entry.example };
  const details: Record<string, unknown> = {};
  for (const field of entry.fields ?? []) details[field.name] = sampleValue(field.spec, field.name);
  return details;
}

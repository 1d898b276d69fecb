import type { CatalogEntry, NormalizedField } from 'errcat';
import { defaultDetails, requiredDetails } from '../internal/example-details.js';

function hasType(value: unknown, field: NormalizedField): boolean {
  switch (field.type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
  }
}

const list = (names: readonly string[]): string => names.map((name) => `'${name}'`).join(', ');

/**
 * What keeps an entry's example from rendering as written, in words (empty when nothing does):
 * a required field or message parameter that neither the entry's `example` nor the field's own
 * `example` gives (so `errcat render` needs `--param` and the docs show a placeholder), a value of
 * the wrong type or outside the field's `enum`, or a field the entry does not declare (it never
 * reaches a response). A Standard Schema checks the example when it validates synchronously.
 *
 * @example
 * ```ts
 * exampleProblems(catalog.entry('CONFLICT')!); // ["gives no value for 'expected_offset'"] without an example
 * ```
 */
export function exampleProblems(entry: CatalogEntry): string[] {
  const problems: string[] = [];
  const details = defaultDetails(entry);
  const missing = requiredDetails(entry).filter((name) => details[name] === undefined);
  if (missing.length > 0) problems.push(`gives no value for ${list(missing)}`);
  if (entry.schema) {
    const result = entry.schema['~standard'].validate(details);
    if (!(result instanceof Promise) && result.issues) {
      const first = result.issues[0];
      problems.push(`does not pass the details schema${first ? `: ${first.message}` : ''}`);
    }
    return problems;
  }
  const fields = new Map((entry.fields ?? []).map((field) => [field.name, field]));
  const params = new Set([...entry.template.required, ...entry.template.optional]);
  const wrong: string[] = [];
  const undeclared: string[] = [];
  for (const [name, value] of Object.entries(details)) {
    if (value === undefined) continue;
    const field = fields.get(name);
    if (!field) {
      if (entry.spec.details !== undefined || !params.has(name)) undeclared.push(name);
    } else if (!hasType(value, field)) wrong.push(`'${name}' must be ${field.type}`);
    else if (field.spec.enum && !field.spec.enum.includes(value as string | number | boolean))
      wrong.push(`'${name}' must be one of ${field.spec.enum.map((v) => JSON.stringify(v)).join(', ')}`);
  }
  if (wrong.length > 0) problems.push(`has values of the wrong type: ${wrong.join('; ')}`);
  if (undeclared.length > 0)
    problems.push(`names ${list(undeclared)}, which the entry does not declare (it never renders)`);
  return problems;
}

import type { CatalogEntry } from '../../catalog-entry.js';
import type { FieldType } from '../../field-spec.js';
import { isObject, own, plainCopy } from '../../internal/json-fields.js';
import type { RemoteViolation } from '../../render/decoded-error.js';

const NUMERIC = /^-?\d{1,15}(\.\d{1,15})?([eE][+-]?\d{1,3})?$/;

/** A value sent as a string (google metadata) read back as the declared type, when it parses. */
function fromString(value: string, type: FieldType): unknown {
  if (type === 'number' || type === 'integer') return NUMERIC.test(value) ? Number(value) : value;
  if (type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  if (type === 'object' || type === 'array') {
    try {
      return plainCopy(JSON.parse(value));
    } catch {
      return value;
    }
  }
  return value;
}

function hasType(value: unknown, type: FieldType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
  }
}

/** Violations in the shape errcat's `errors` detail uses (`{pointer | field, type, message}`). */
function violationItems(violations: readonly RemoteViolation[]): Record<string, unknown>[] {
  return violations.map((violation) => {
    const item: Record<string, unknown> = Object.create(null);
    if (violation.field !== undefined)
      item[violation.field.startsWith('/') ? 'pointer' : 'field'] = violation.field;
    if (violation.code !== undefined) item.type = violation.code;
    item.message = violation.message;
    return item;
  });
}

/**
 * The details of a decoded catalog error: the wire's details copied into null-prototype objects,
 * and, when the entry declares its fields, only those fields with their declared JSON type (string
 * values converted back where the format sends strings). An `errors` field the entry declares is
 * rebuilt from the violations when the format carries them elsewhere (google, JSON:API).
 *
 * @example
 * ```ts
 * // entry ORDER_NOT_FOUND declares { id: 'string', count: 'integer' }; google sends strings:
 * catalogDetails(entry, { id: 'o-1', count: '3', extra: 1 }, true, []); // { id: 'o-1', count: 3 }
 * ```
 */
export function catalogDetails(
  entry: CatalogEntry,
  wire: unknown,
  stringValues: boolean,
  violations: readonly RemoteViolation[],
): Record<string, unknown> {
  const copied = plainCopy(wire);
  const source = isObject(copied) ? copied : Object.create(null);
  const fields = entry.fields;
  if (fields === undefined) return source as Record<string, unknown>;
  const details: Record<string, unknown> = Object.create(null);
  for (const field of fields) {
    let value = own(source, field.name);
    if (field.name === 'errors' && value === undefined && violations.length > 0)
      value = violationItems(violations);
    if (stringValues && typeof value === 'string') value = fromString(value, field.type);
    if (value !== undefined && hasType(value, field.type)) details[field.name] = value;
  }
  return details;
}

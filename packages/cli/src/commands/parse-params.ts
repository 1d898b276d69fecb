import type { CatalogEntry } from 'errcat';
import { defaultDetails, requiredDetails } from '../internal/example-details.js';
import { usageError } from '../usage-error.js';

function coerce(entry: CatalogEntry, name: string, raw: string): unknown {
  const field = entry.fields?.find((f) => f.name === name);
  switch (field?.type) {
    case 'number':
    case 'integer': {
      const value = Number(raw);
      if (
        raw.trim() === '' ||
        !Number.isFinite(value) ||
        (field.type === 'integer' && !Number.isInteger(value))
      ) {
        throw usageError(
          `--param ${name} must be ${field.type === 'integer' ? 'an integer' : 'a number'}, got '${raw}'`,
        );
      }
      return value;
    }
    case 'boolean':
      if (raw !== 'true' && raw !== 'false')
        throw usageError(`--param ${name} must be true or false, got '${raw}'`);
      return raw === 'true';
    case 'object':
    case 'array':
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        throw usageError(`--param ${name} must be JSON (${field.type}), got '${raw}'`);
      }
    default:
      return raw;
  }
}

/**
 * Turns `--param k=v` options into the details of an entry: values typed by the declared fields,
 * the entry's examples ({@link defaultDetails}) filling what is not given; a missing required
 * parameter is an error.
 *
 * @example
 * ```ts
 * parseParams(catalog.entry('ORDER_NOT_FOUND')!, ['id=o-1', 'count=3']); // { id: 'o-1', count: 3 } (count declared 'integer?')
 * ```
 */
export function parseParams(entry: CatalogEntry, pairs: readonly string[]): Record<string, unknown> {
  const details = defaultDetails(entry);
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw usageError(`--param takes name=value, got '${pair}'`);
    const name = pair.slice(0, at);
    details[name] = coerce(entry, name, pair.slice(at + 1));
  }
  const missing = requiredDetails(entry).filter((name) => details[name] === undefined);
  if (missing.length > 0) {
    throw usageError(`${entry.key} needs ${missing.map((name) => `--param ${name}=…`).join(' ')}`);
  }
  return details;
}

import type { CatalogEntry } from '../catalog-entry.js';

/**
 * Copies the details fields that may reach a response into `out`: declared public fields only,
 * never internal or undeclared ones (so a guard's extra data under a renamed role cannot leak). A
 * getter that throws becomes the `'[Unserializable]'` marker; `undefined` values are left out.
 * `out` must have no `__proto__` accessor in its prototype chain, so that a `__proto__` key from
 * user input stays an ordinary property.
 *
 * @example
 * ```ts
 * copyPublicDetails({ path: '/db', table: 'x' }, entry, Object.create(null)); // without internal fields
 * ```
 */
export function copyPublicDetails(
  details: Readonly<Record<string, unknown>>,
  entry: CatalogEntry,
  out: Record<string, unknown>,
): Record<string, unknown> {
  const internal = entry.internalFields;
  const allowed = entry.publicFields;
  for (const name of Object.keys(details)) {
    if (internal.has(name) || (allowed !== undefined && !allowed.has(name))) continue;
    let value: unknown;
    try {
      value = details[name];
    } catch {
      // A getter that throws must not break rendering: the field becomes a marker.
      value = '[Unserializable]';
    }
    if (value !== undefined) out[name] = value;
  }
  return out;
}

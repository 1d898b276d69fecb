import type { ErrorView } from '../render/error-view.js';

/**
 * Reads one string member of an entry's data for a profile (`extensions['resonate-legacy'].type`).
 * Catalogs are authored by hand, so anything that is not a non-empty string counts as absent.
 *
 * @example
 * ```ts
 * extensionString(view, 'resonate-legacy', 'type'); // 'RequestError', or undefined
 * ```
 */
export function extensionString(view: ErrorView, profile: string, member: string): string | undefined {
  const value = extensionMember(view, profile, member);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Reads one member of an entry's data for a profile, `undefined` when there is none.
 *
 * @example
 * ```ts
 * extensionMember(view, 'jsonapi', 'source'); // whatever the entry's extensions.jsonapi.source holds
 * ```
 */
export function extensionMember(view: ErrorView, profile: string, member: string): unknown {
  const data = view.extensions?.[profile];
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  return Object.hasOwn(data, member) ? (data as Record<string, unknown>)[member] : undefined;
}

/**
 * True for a plain JSON object (not an array, not null).
 *
 * @example
 * ```ts
 * isJsonObject({}); // true
 * isJsonObject([]); // false
 * ```
 */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import { type CatalogError, errcatErrors } from 'errcat';
import type { AnyCatalog } from '../internal/any-catalog.js';
import { findEntry } from '../internal/find-entry.js';

/**
 * The HTTP methods an OpenAPI Path Item holds operations under.
 *
 * @example
 * ```ts
 * for (const method of HTTP_METHODS) if (isRecord(pathItem[method])) visit(method, pathItem[method]);
 * ```
 */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * An OpenAPI operation, as far as selectors read it.
 *
 * @example
 * ```ts
 * const operation: OperationRef = { method: 'post', path: '/orders', operationId: 'createOrder', tags: ['orders'] };
 * ```
 */
export interface OperationRef {
  readonly method: string;
  readonly path: string;
  readonly operationId: unknown;
  readonly tags: unknown;
}

/**
 * True when `selector` names the operation: `*` (every operation), an `operationId`,
 * `METHOD /path` (the path as written in the document), `/path` (every method of it) or `tag:name`.
 *
 * @example
 * ```ts
 * selects('POST /orders', operation); // true
 * selects('tag:orders', operation); // true
 * ```
 */
export function selects(selector: string, operation: OperationRef): boolean {
  if (selector === '*') return true;
  if (selector.startsWith('tag:')) {
    return Array.isArray(operation.tags) && operation.tags.includes(selector.slice(4));
  }
  if (selector.startsWith('/')) return selector === operation.path;
  const space = selector.indexOf(' ');
  if (space > 0 && selector.slice(space + 1).startsWith('/')) {
    return (
      selector.slice(0, space).toLowerCase() === operation.method &&
      selector.slice(space + 1) === operation.path
    );
  }
  return selector === operation.operationId;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Adds `selector → entry` pairs, resolving each entry by key or code (an unknown one throws with hints). */
function add(
  map: Map<string, Set<string>>,
  catalog: AnyCatalog,
  selector: string,
  entry: string | number,
): void {
  const key = findEntry(catalog, String(entry)).key;
  const keys = map.get(selector) ?? new Set<string>();
  keys.add(key);
  map.set(selector, keys);
}

/**
 * Makes the error for a malformed mapping, from its one-line reason.
 *
 * @example
 * ```ts
 * const fail: MappingFailure = (reason) => usageError(`operations.yaml: ${reason}`);
 * ```
 */
export type MappingFailure = (reason: string) => CatalogError;

/**
 * Reads an operation mapping, `{ operations: { "<selector>": [KEY or code, …] } }`: the shape of a
 * catalog's `x-openapi` member and of an `errcat openapi --map` file. `where` names it in errors.
 *
 * @example
 * ```ts
 * readOperationMap({ operations: { 'GET /orders/{id}': ['ORDER_NOT_FOUND', 4040] } }, catalog, 'map.yaml', fail);
 * // Map { 'GET /orders/{id}' => Set { 'ORDER_NOT_FOUND' } }
 * ```
 */
export function readOperationMap(
  value: unknown,
  catalog: AnyCatalog,
  where: string,
  fail: MappingFailure,
  into = new Map<string, Set<string>>(),
): Map<string, Set<string>> {
  if (value === undefined) return into;
  const operations = isRecord(value) ? value.operations : undefined;
  if (!isRecord(operations))
    throw fail(`${where} must be { operations: { "<selector>": [KEY or code, …] } }`);
  for (const [selector, entries] of Object.entries(operations)) {
    if (
      !Array.isArray(entries) ||
      !entries.every((item) => typeof item === 'string' || typeof item === 'number')
    ) {
      throw fail(`${where}.operations['${selector}'] must be a list of entry keys or codes`);
    }
    for (const entry of entries) add(into, catalog, selector, entry);
  }
  return into;
}

/**
 * Every selector → entry keys pair a catalog declares: its `x-openapi.operations` and each entry's
 * `extensions.openapi.operations` (a list of selectors).
 *
 * @example
 * ```ts
 * catalogOperationMap(catalog); // empty when the catalog has no x-openapi and no extensions.openapi
 * ```
 */
export function catalogOperationMap(catalog: AnyCatalog): Map<string, Set<string>> {
  const fail: MappingFailure = (reason) =>
    errcatErrors.ERRCAT_INVALID_CATALOG({
      domain: catalog.domain,
      summary: reason,
      problems: [{ path: reason.split(' ')[0] ?? '', message: reason }],
    });
  const map = readOperationMap(
    (catalog.spec as unknown as Record<string, unknown>)['x-openapi'],
    catalog,
    'x-openapi',
    fail,
  );
  for (const entry of catalog.entries) {
    const extension = entry.extensions.openapi;
    if (extension === undefined) continue;
    const selectors = isRecord(extension) ? extension.operations : undefined;
    if (!Array.isArray(selectors) || !selectors.every((selector) => typeof selector === 'string')) {
      throw fail(`errors.${entry.key}.extensions.openapi must be { operations: ["<selector>", …] }`);
    }
    for (const selector of selectors) add(map, catalog, selector, entry.key);
  }
  return map;
}

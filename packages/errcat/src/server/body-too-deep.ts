import type { CatalogError } from '../catalog-error.js';
import type { CatalogSpec } from '../catalog-spec.js';
import type { CatalogMethods } from '../catalog-types.js';
import { DEFAULT_MAX_BODY_DEPTH, jsonTextDeeperThan, valueDeeperThan } from '../internal/json-depth.js';
import { roleError } from '../role-error.js';

/**
 * `BODY_TOO_DEEP` (400) for a stack overflow (`RangeError: Maximum call stack size exceeded`) met
 * while the request's body nests deeper than 64 levels: a handler or a library walked the body
 * recursively (`JSON.stringify`, a deep clone, a validator) and the client, not the server, is at
 * fault. `undefined` for anything else, so that a server's own overflow stays a 500.
 *
 * @example
 * ```ts
 * const error = bodyTooDeep(thrown, request.body, catalog) ?? toCatalogError(thrown, catalog);
 * ```
 */
export function bodyTooDeep(
  thrown: unknown,
  body: unknown,
  catalog: CatalogMethods<CatalogSpec> | undefined,
): CatalogError | undefined {
  if (!(thrown instanceof RangeError) || !/call stack/i.test(thrown.message)) return undefined;
  if (typeof body !== 'object' && typeof body !== 'string') return undefined;
  if (body === null) return undefined;
  const maxDepth = DEFAULT_MAX_BODY_DEPTH;
  const deep =
    typeof body === 'string' || ArrayBuffer.isView(body)
      ? jsonTextDeeperThan(
          typeof body === 'string' ? body : new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
          maxDepth,
        )
      : valueDeeperThan(body, maxDepth);
  return deep ? roleError(catalog, 'BODY_TOO_DEEP', { maxDepth }, { cause: thrown }) : undefined;
}

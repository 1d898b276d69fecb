/**
 * A JSON object of an OpenAPI document.
 *
 * @example
 * ```ts
 * const operation: JsonObject = { operationId: 'getPet', responses: {} };
 * ```
 */
export type JsonObject = Record<string, unknown>;

/**
 * True for a JSON object (not an array, not `null`).
 *
 * @example
 * ```ts
 * isJsonObject({ a: 1 }); // true
 * isJsonObject([1]); // false
 * ```
 */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A `$ref` chain longer than this is treated as a cycle: no real document chains this far. */
const MAX_CHAIN = 32;

/** Reads a local JSON pointer (`#/components/schemas/Error`); `undefined` when it leads nowhere. */
function pointTo(document: JsonObject, ref: string): unknown {
  if (ref === '#') return document;
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = document;
  for (const raw of ref.slice(2).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    } catch {
      return undefined;
    }
    if (Array.isArray(node) && /^\d+$/.test(segment)) node = node[Number(segment)];
    else if (isJsonObject(node) && Object.hasOwn(node, segment)) node = node[segment];
    else return undefined;
  }
  return node;
}

/**
 * Follows a node's local `$ref`s (`#/components/responses/NotFound` → its Response Object) until
 * a node without one. `undefined` for a ref that leads nowhere, an external ref (another file or
 * URL, which an import does not fetch) or a cycle (`A` → `B` → `A`).
 *
 * @example
 * ```ts
 * resolveRef(document, { $ref: '#/components/schemas/Error' }); // the Error schema
 * resolveRef(document, { type: 'string' }); // the node itself
 * ```
 */
export function resolveRef(document: JsonObject, node: unknown): unknown {
  const seen = new Set<unknown>();
  let current = node;
  while (isJsonObject(current) && typeof current.$ref === 'string') {
    if (seen.has(current) || seen.size >= MAX_CHAIN) return undefined;
    seen.add(current);
    current = pointTo(document, current.$ref);
  }
  return current;
}

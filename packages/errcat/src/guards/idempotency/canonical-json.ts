/**
 * A value as canonical JSON: object keys in code-point order at every depth, no whitespace, so
 * that two bodies meaning the same thing serialize to the same text. `toJSON` is honoured and
 * values JSON cannot hold are dropped as `JSON.stringify` drops them. A bigint (which JSON lacks)
 * is written as its digits. `undefined` when objects and arrays nest deeper than `maxDepth`: the
 * walk is recursive, and a hostile body must not overflow the stack.
 *
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: [2, { d: 1, c: 0n }] }, 64); // '{"a":[2,{"c":"0","d":1}],"b":1}'
 * canonicalJson([[[1]]], 2); // undefined
 * ```
 */
export function canonicalJson(value: unknown, maxDepth: number): string | undefined {
  try {
    return JSON.stringify(sortKeys(value, maxDepth)) ?? '';
  } catch (error) {
    if (error === TOO_DEEP) return undefined;
    throw error;
  }
}

const TOO_DEEP = Symbol('too deep');

function sortKeys(value: unknown, depth: number): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object' || value === null) return value;
  const json = (value as { toJSON?: unknown }).toJSON;
  if (typeof json === 'function') return sortKeys((json as () => unknown).call(value), depth);
  if (depth <= 0) throw TOO_DEEP;
  if (Array.isArray(value)) return value.map((item) => sortKeys(item, depth - 1));
  // No prototype: a `__proto__` key of a parsed body stays a plain key instead of a setter call.
  const sorted = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value).sort())
    sorted[key] = sortKeys((value as Record<string, unknown>)[key], depth - 1);
  return sorted;
}

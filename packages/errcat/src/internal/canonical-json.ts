/**
 * A value as canonical JSON: object keys in code-point order at every depth, no whitespace, so
 * that two bodies meaning the same thing serialize to the same text. `toJSON` is honoured and
 * values JSON cannot hold are dropped as `JSON.stringify` drops them. A bigint (which JSON lacks)
 * is written as its digits.
 *
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: [2, { d: 1, c: 0n }] }); // '{"a":[2,{"c":"0","d":1}],"b":1}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? '';
}

function sortKeys(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object' || value === null) return value;
  const json = (value as { toJSON?: unknown }).toJSON;
  if (typeof json === 'function') return sortKeys((json as () => unknown).call(value));
  if (Array.isArray(value)) return value.map(sortKeys);
  // No prototype: a `__proto__` key of a parsed body stays a plain key instead of a setter call.
  const sorted = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value).sort())
    sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  return sorted;
}

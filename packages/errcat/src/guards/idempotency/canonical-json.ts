/**
 * A value as canonical JSON: object keys in one fixed order at every depth, no whitespace, so that
 * two values meaning the same thing serialize to the same text: the idempotency guard's request
 * fingerprint, and `errcat diff`'s comparison of catalog values. The order is the one every
 * JavaScript engine gives an object's keys: integer-like keys (`"2"`, `"10"`) first, ascending as
 * numbers, then the others by UTF-16 code units (JavaScript's default sort). Everything else is as
 * `JSON.stringify` writes it: numbers and strings (lone surrogates escaped), `toJSON` called once
 * with the member's key, values JSON cannot hold dropped from objects and `null` in arrays. A
 * `__proto__` key is data like any other: it is written, and never sets a prototype. A bigint
 * (which JSON lacks) is written as a string of its digits. `''` for a value with no JSON form at
 * all (`undefined`, a function, a symbol). `undefined` when objects and arrays nest deeper than
 * `maxDepth` or a value contains itself: the walk is recursive, and a hostile body must not
 * overflow the stack.
 *
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: [2, { d: 1, c: 0n }] }, 64); // '{"a":[2,{"c":"0","d":1}],"b":1}'
 * canonicalJson(JSON.parse('{"__proto__":{"x":1}}'), 64); // '{"__proto__":{"x":1}}'
 * canonicalJson([[[1]]], 2); // undefined
 * ```
 */
export function canonicalJson(value: unknown, maxDepth: number): string | undefined {
  try {
    return JSON.stringify(sortKeys(value, '', maxDepth)) ?? '';
  } catch (error) {
    if (error === TOO_DEEP) return undefined;
    throw error;
  }
}

const TOO_DEEP = Symbol('too deep');

function sortKeys(value: unknown, key: string, depth: number): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object' || value === null) return value;
  // As JSON.stringify: `toJSON` once, with the member's key; what it returns is not asked again.
  const toJson = (value as { toJSON?: unknown }).toJSON;
  const item = typeof toJson === 'function' ? (toJson as (key: string) => unknown).call(value, key) : value;
  if (typeof item === 'bigint') return item.toString();
  if (typeof item !== 'object' || item === null) return item;
  if (depth <= 0) throw TOO_DEEP;
  if (Array.isArray(item)) return item.map((entry, index) => sortKeys(entry, String(index), depth - 1));
  // No prototype: a `__proto__` key of a parsed body stays a plain key instead of a setter call.
  const sorted = Object.create(null) as Record<string, unknown>;
  for (const name of Object.keys(item).sort()) {
    const entry = sortKeys((item as Record<string, unknown>)[name], name, depth - 1);
    // A function member is dropped here, as JSON drops it: kept, a `toJSON` one would be called.
    if (typeof entry !== 'function') sorted[name] = entry;
  }
  return sorted;
}

import { canonicalJson } from 'errcat/adapter';

/**
 * How deep a catalog value may nest for `errcat diff` to compare it: far beyond any real catalog,
 * and a value that contains itself stops here instead of overflowing the stack.
 */
const MAX_DEPTH = 1000;

/**
 * A catalog value as errcat's canonical JSON (`canonicalJson` of `errcat/adapter`: keys in one
 * order at every depth), to compare it whatever its key order and to show it in a message. Throws
 * for a value nested deeper than 1000 levels or containing itself.
 *
 * @example
 * ```ts
 * comparableJson({ b: 1, a: { d: 1, c: 2 } }); // '{"a":{"c":2,"d":1},"b":1}'
 * ```
 */
export function comparableJson(value: unknown): string {
  const json = canonicalJson(value, MAX_DEPTH);
  if (json === undefined)
    throw new Error(`a catalog value nests deeper than ${MAX_DEPTH} levels or contains itself`);
  return json;
}

/**
 * True when two JSON-like values are equal, key order aside.
 *
 * @example
 * ```ts
 * sameJson({ a: 1, b: 2 }, { b: 2, a: 1 }); // true
 * ```
 */
export function sameJson(a: unknown, b: unknown): boolean {
  return comparableJson(a) === comparableJson(b);
}

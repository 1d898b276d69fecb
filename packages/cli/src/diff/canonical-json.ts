/**
 * JSON with object keys sorted, so that two values compare equal whatever their key order.
 *
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: { d: 1, c: 2 } }); // '{"a":{"c":2,"d":1},"b":1}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, item: unknown) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) return item;
      // A null prototype keeps a `__proto__` key as data: on `{}` it would set the prototype and
      // vanish from the output, so a diff would miss a change to it.
      const sorted: Record<string, unknown> = Object.create(null);
      for (const name of Object.keys(item).sort()) sorted[name] = (item as Record<string, unknown>)[name];
      return sorted;
    }) ?? 'undefined'
  );
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
  return canonicalJson(a) === canonicalJson(b);
}

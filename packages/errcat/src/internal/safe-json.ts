/**
 * JSON.stringify that never throws: cycles become "[Circular]", BigInt becomes a string, getters
 * that throw become "[Unserializable]", and anything deeper than `maxDepth` is cut.
 *
 * @example
 * ```ts
 * const node: Record<string, unknown> = { a: 1 };
 * node.self = node;
 * safeStringify({ node, n: 1n }); // '{"node":{"a":1,"self":"[Circular]"},"n":"1"}'
 * ```
 */
export function safeStringify(value: unknown, maxDepth = 32): string {
  try {
    // Without a replacer V8 keeps its fast path (about twice as fast); a BigInt makes it throw, and
    // then the replacer handles it.
    return JSON.stringify(value) ?? 'null';
  } catch {
    try {
      return JSON.stringify(value, bigintToString) ?? 'null';
    } catch {
      return JSON.stringify(toSafeJson(value, maxDepth, new WeakSet())) ?? 'null';
    }
  }
}

function bigintToString(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

/**
 * A JSON-safe copy of `value`, cut at `depth` levels; see {@link safeStringify}.
 *
 * @example
 * ```ts
 * toSafeJson({ deep: { er: { than: 1 } } }, 2); // { deep: { er: '[Truncated]' } }
 * ```
 */
export function toSafeJson(value: unknown, depth: number, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'object' || value === null) {
    return typeof value === 'function' || typeof value === 'symbol' ? undefined : value;
  }
  if (seen.has(value)) return '[Circular]';
  if (depth <= 0) return '[Truncated]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => toSafeJson(item, depth - 1, seen) ?? null);
    const out: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(value)) {
      let item: unknown;
      try {
        item = (value as Record<string, unknown>)[key];
      } catch {
        item = '[Unserializable]';
      }
      const safe = toSafeJson(item, depth - 1, seen);
      if (safe !== undefined) out[key] = safe;
    }
    return out;
  } catch {
    return '[Unserializable]';
  } finally {
    seen.delete(value);
  }
}

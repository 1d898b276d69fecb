import { toSafeJson } from '../internal/safe-json.js';

/** How many causes deep the chain is followed; a longer chain ends in a `[Truncated]` marker. */
const MAX_DEPTH = 8;
/** Own properties copied from an error besides name, message and stack (codes, SQL states…). */
const MAX_EXTRA_PROPERTIES = 16;
const SKIPPED = new Set(['name', 'message', 'stack', 'cause', 'errors']);

/**
 * Turns any thrown value into a plain object for a log: an error's type, message, stack, own
 * properties and its whole `cause` chain (and an `AggregateError`'s `errors`). It never throws:
 * cycles, throwing getters and exotic values become markers. This is for logs only, never for a
 * response.
 *
 * @example
 * ```ts
 * logger.error({ err: serializeErrorChain(error) }, 'request failed'); // type, message, stack, cause chain
 * ```
 */
export function serializeErrorChain(value: unknown, depth = 0, seen: Set<unknown> = new Set()): unknown {
  try {
    if (typeof value !== 'object' || value === null) return describePrimitive(value);
    if (seen.has(value)) return '[Circular]';
    if (depth >= MAX_DEPTH) return '[Truncated]';
    seen.add(value);
    const out: Record<string, unknown> = Object.create(null);
    if (value instanceof Error) {
      out.type = readSafely(() => value.name);
      out.message = readSafely(() => value.message);
      out.stack = readSafely(() => value.stack);
    } else {
      out.type = readSafely(() => value.constructor?.name ?? 'Object');
    }
    let copied = 0;
    for (const key of Object.keys(value)) {
      if (SKIPPED.has(key) || copied >= MAX_EXTRA_PROPERTIES) continue;
      copied++;
      const item = readSafely(() => (value as Record<string, unknown>)[key]);
      out[key] = item instanceof Error ? serializeErrorChain(item, depth + 1, seen) : toSafeJson(item, 4);
    }
    const cause = readSafely(() => (value as { cause?: unknown }).cause);
    if (cause !== undefined) out.cause = serializeErrorChain(cause, depth + 1, seen);
    const errors = readSafely(() => (value as { errors?: unknown }).errors);
    if (Array.isArray(errors)) {
      out.errors = errors
        .slice(0, MAX_EXTRA_PROPERTIES)
        .map((item) => serializeErrorChain(item, depth + 1, seen));
    }
    seen.delete(value);
    return out;
  } catch {
    return '[Unserializable]';
  }
}

function describePrimitive(value: unknown): unknown {
  if (typeof value === 'bigint' || typeof value === 'symbol' || typeof value === 'function') {
    return `[${typeof value} ${readSafely(() => String(value))}]`;
  }
  return value;
}

function readSafely(read: () => unknown): unknown {
  try {
    const value = read();
    return typeof value === 'bigint' || typeof value === 'symbol' ? describePrimitive(value) : value;
  } catch {
    return '[Unserializable]';
  }
}

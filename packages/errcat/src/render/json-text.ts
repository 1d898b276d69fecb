import { safeStringify } from '../internal/safe-json.js';

/**
 * A character `JSON.stringify` writes differently from itself: anything but the printable ones
 * other than the quote and the backslash, so C0 controls and (ES2019's well-formed stringify) lone
 * surrogates. Any surrogate, paired or not, sends the string to `JSON.stringify`, which keeps the
 * check one character class.
 */
const NEEDS_ESCAPE = /[^\x20\x21\x23-\x5b\x5d-\ud7ff\ue000-\uffff]/;

/**
 * `JSON.stringify(value)` for a string, byte for byte, without the call when nothing needs
 * escaping (most codes, titles, messages, paths and request ids): the string in quotes.
 *
 * @example
 * ```ts
 * jsonString("Order 'o-1' not found"); // `"Order 'o-1' not found"`
 * jsonString('say "hi"'); // `"say \"hi\""`, as JSON.stringify writes it
 * ```
 */
export function jsonString(value: string): string {
  return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;
}

/**
 * What {@link jsonString} writes between its quotes: the string itself when nothing needs
 * escaping, so a writer that keeps the quotes in its constant text copies nothing.
 *
 * @example
 * ```ts
 * jsonStringContent("Order 'o-1' not found"); // "Order 'o-1' not found", the same string
 * jsonStringContent('say "hi"'); // 'say \\"hi\\"'
 * ```
 */
export function jsonStringContent(value: string): string {
  return NEEDS_ESCAPE.test(value) ? JSON.stringify(value).slice(1, -1) : value;
}

/**
 * A string, number, boolean or `null` as `JSON.stringify` writes it (a non-finite number as
 * `null`); `undefined` for anything else, which the caller writes another way.
 *
 * @example
 * ```ts
 * jsonScalar(4040); // '4040'
 * jsonScalar('a"b'); // '"a\\"b"'
 * jsonScalar({}); // undefined
 * ```
 */
export function jsonScalar(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return jsonString(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      return value === null ? 'null' : undefined;
  }
}

/**
 * An object as {@link safeStringify} writes it when it stands `maxDepth` levels from the cut, or
 * `''` when it has no own enumerable keys (profiles leave such a member out): written member by
 * member when every value is a scalar (the usual details: ids, names, counts), else by
 * `safeStringify`. `undefined` for an object with a `toJSON` method (which would be called with
 * another key than in its place in a body) or one whose members cannot be read.
 *
 * @example
 * ```ts
 * jsonMembers({ id: 'o-1', qty: 2 }, 31); // '{"id":"o-1","qty":2}'
 * jsonMembers({}, 31); // ''
 * jsonMembers({ errors: [{ pointer: '/qty' }] }, 31); // through safeStringify
 * ```
 */
export function jsonMembers(value: Readonly<Record<string, unknown>>, maxDepth: number): string | undefined {
  try {
    if (typeof value.toJSON === 'function') return undefined;
    const keys = Object.keys(value);
    let json = '';
    for (const key of keys) {
      const member = jsonScalar(value[key]);
      if (member === undefined) return safeStringify(value, maxDepth);
      json += `${json === '' ? '{' : ','}${jsonString(key)}:${member}`;
    }
    return keys.length === 0 ? '' : `${json}}`;
  } catch {
    return undefined;
  }
}

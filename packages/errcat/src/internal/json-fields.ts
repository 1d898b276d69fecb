/**
 * A JSON object as decoders read it: only own properties count.
 *
 * @example
 * ```ts
 * const body: JsonObject = JSON.parse(text);
 * ```
 */
export type JsonObject = Readonly<Record<string, unknown>>;

/** Longest message, title or id a decoder keeps; longer strings are cut, so output stays bounded. */
const MAX_TEXT = 2000;

/**
 * True for a non-array object.
 *
 * @example
 * ```ts
 * isObject({}); // true
 * isObject([]); // false
 * ```
 */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when something added enumerable members to `Object.prototype` (a polluted prototype). */
function objectPrototypePolluted(): boolean {
  for (const _ in Object.prototype) return true;
  return false;
}

/**
 * The members of a JSON object, to be read by plain property loads (`members(body)?.message`): the
 * object itself when it inherits nothing but `Object.prototype`'s own methods (what `JSON.parse`
 * makes), else a null-prototype copy of its own enumerable members, so an inherited value is never
 * read as the wire's. `undefined` for arrays and non-objects. Decoders read members this way
 * because a property load at each call site stays fast where a shared `own(object, key)` is
 * megamorphic; they read no name that `Object.prototype` has (`toString`, `constructor`…).
 *
 * @example
 * ```ts
 * members(JSON.parse('{"message":"no"}'))?.message; // 'no'
 * members(Object.create({ message: 'inherited' }))?.message; // undefined
 * members(['x']); // undefined
 * ```
 */
export function members(value: unknown): JsonObject | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const prototype = Object.getPrototypeOf(value);
  if (prototype === null || (prototype === Object.prototype && !objectPrototypePolluted()))
    return value as JsonObject;
  const copy: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(value)) copy[key] = (value as JsonObject)[key];
  return copy;
}

/**
 * An own property of `object`. Reading own properties only means `constructor`, `toString` or a
 * `__proto__` key from the wire is plain data, never something inherited from `Object.prototype`.
 *
 * @example
 * ```ts
 * own({ a: 1 }, 'a'); // 1
 * own({}, 'toString'); // undefined: inherited
 * ```
 */
export function own(object: unknown, key: string): unknown {
  if (typeof object !== 'object' || object === null) return undefined;
  // Most reads miss: one property load answers them; only a found value pays for the own check.
  const value = (object as JsonObject)[key];
  return value !== undefined && Object.hasOwn(object, key) && !Array.isArray(object) ? value : undefined;
}

/**
 * `value` when it is a JSON object (a `details` member, say).
 *
 * @example
 * ```ts
 * objectValue({ id: 'p1' }); // { id: 'p1' }
 * objectValue('p1'); // undefined
 * ```
 */
export function objectValue(value: unknown): JsonObject | undefined {
  return isObject(value) ? value : undefined;
}

/**
 * `value` when it is a non-blank string, trimmed and cut to `max` characters.
 *
 * @example
 * ```ts
 * textValue('  Not found  '); // 'Not found'
 * textValue(404); // undefined
 * ```
 */
export function textValue(value: unknown, max: number = MAX_TEXT): string | undefined {
  return typeof value === 'string' ? clip(value, max) : undefined;
}

/**
 * Trims a string and cuts it to `max` characters; blank strings become `undefined`.
 *
 * @example
 * ```ts
 * clip('   '); // undefined
 * clip('abcdef', 3); // 'abc'
 * ```
 */
export function clip(value: string, max: number = MAX_TEXT): string | undefined {
  const cut = value.length > max ? value.slice(0, max) : value;
  const trimmed = cut.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * `value` when it is a finite number.
 *
 * @example
 * ```ts
 * numberValue(2); // 2
 * numberValue(Infinity); // undefined
 * ```
 */
export function numberValue(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * `value` when it is a boolean.
 *
 * @example
 * ```ts
 * booleanValue(true); // true
 * booleanValue('true'); // undefined
 * ```
 */
export function booleanValue(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/**
 * `value` when it is an array.
 *
 * @example
 * ```ts
 * arrayValue([1]); // [1]
 * ```
 */
export function arrayValue(value: unknown): readonly unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/**
 * An error code: a short non-blank string, or a safe integer.
 *
 * @example
 * ```ts
 * codeValue(4040); // 4040
 * codeValue(1.5); // undefined
 * ```
 */
export function codeValue(value: unknown): string | number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  return typeof value === 'string' ? clip(value, 200) : undefined;
}

/**
 * An HTTP status from a number or a numeric string, when it is one (100–599).
 *
 * @example
 * ```ts
 * statusValue('404'); // 404
 * statusValue(99); // undefined
 * ```
 */
export function statusValue(value: unknown): number | undefined {
  const status = typeof value === 'string' && /^\d{3}$/.test(value) ? Number(value) : value;
  return typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599
    ? status
    : undefined;
}

/**
 * A deep copy of untrusted JSON into null-prototype objects, at most `maxDepth` levels and
 * `maxNodes` values deep, so details from the wire can be handed to user code safely: no key can
 * reach a prototype, and a hostile body cannot make the copy large or deep.
 *
 * @example
 * ```ts
 * const details = plainCopy(own(body, 'details')); // no prototype, bounded size and depth
 * ```
 */
export function plainCopy(value: unknown, maxDepth = 16, budget = { nodes: 10_000 }): unknown {
  if (--budget.nodes < 0) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'boolean' || value === null) return value;
  if (typeof value !== 'object' || maxDepth <= 0) return undefined;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      if (budget.nodes <= 0) break;
      out.push(plainCopy(item, maxDepth - 1, budget) ?? null);
    }
    return out;
  }
  const out: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(value)) {
    if (budget.nodes <= 0) break;
    const copied = plainCopy((value as JsonObject)[key], maxDepth - 1, budget);
    if (copied !== undefined) out[key] = copied;
  }
  return out;
}

const URL_PATTERN = /^https?:\/\/[^\s<>"]+$/i;
const PRINTABLE = /^[\x21-\x7e][\x20-\x7e]*$/;

/**
 * A documentation link: an absolute http(s) URL of sane length, else `undefined`.
 *
 * @example
 * ```ts
 * docsUrl('https://example.com/errors#4040'); // the URL
 * docsUrl('javascript:alert(1)'); // undefined
 * ```
 */
export function docsUrl(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= 2048 && URL_PATTERN.test(value) ? value : undefined;
}

/**
 * A request id: printable ASCII without spaces at the ends, at most 256 characters.
 *
 * @example
 * ```ts
 * requestIdValue(42); // '42'
 * ```
 */
export function requestIdValue(value: unknown): string | undefined {
  const id = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  return typeof id === 'string' && id.length <= 256 && PRINTABLE.test(id) ? id.trimEnd() : undefined;
}

/**
 * The request id `object` states in a member of one of the usual names: `requestId`,
 * `request_id`, `requestID`, `request-id`, `RequestId`, `traceId`, `trace_id`, `correlationId`
 * (the first in that order that holds a usable id).
 *
 * @example
 * ```ts
 * requestIdIn({ request_id: 'r1' }); // 'r1'
 * ```
 */
export function requestIdIn(object: unknown): string | undefined {
  const body = members(object);
  if (body === undefined) return undefined;
  // One load per name: cheaper than listing the object's members and looking each one up.
  return (
    requestIdValue(body.requestId) ??
    requestIdValue(body.request_id) ??
    requestIdValue(body.requestID) ??
    requestIdValue(body['request-id']) ??
    requestIdValue(body.RequestId) ??
    requestIdValue(body.traceId) ??
    requestIdValue(body.trace_id) ??
    requestIdValue(body.correlationId)
  );
}

/**
 * The error code of a body that states it at the top level, read from its {@link members}: its
 * `code`, `error_code` or `errorCode`, the first that is a usable code.
 *
 * @example
 * ```ts
 * codeIn({ error_code: 'E42', message: 'nope' }); // 'E42'
 * ```
 */
export function codeIn(object: JsonObject | undefined): string | number | undefined {
  if (object === undefined) return undefined;
  return codeValue(object.code) ?? codeValue(object.error_code) ?? codeValue(object.errorCode);
}

/**
 * The first character of `text` that is not whitespace, without copying the string.
 *
 * @example
 * ```ts
 * firstNonSpace('\n  {"error":…}'); // '{'
 * ```
 */
export function firstNonSpace(text: string): string | undefined {
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    if (char !== ' ' && char !== '\n' && char !== '\r' && char !== '\t' && char !== '\ufeff') return char;
  }
  return undefined;
}

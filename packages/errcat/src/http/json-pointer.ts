/**
 * RFC 6901 JSON pointers: the `pointer` of every validation violation.
 */

/**
 * One step of a path into a value: an object key or an array index.
 *
 * @example
 * ```ts
 * const path: PathSegment[] = ['items', 0, 'email']; // formatJsonPointer(path) === '/items/0/email'
 * ```
 */
export type PathSegment = string | number;

/**
 * Formats a path as a JSON pointer: each segment prefixed with `/`, with `~` written `~0` and `/`
 * written `~1`. The empty path is the whole document, `''`.
 *
 * @example
 * ```ts
 * formatJsonPointer(['items', 0, 'email']); // '/items/0/email'
 * formatJsonPointer(['a/b', 'c~d']); // '/a~1b/c~0d'
 * ```
 */
export function formatJsonPointer(path: readonly PathSegment[]): string {
  let pointer = '';
  for (const segment of path) {
    pointer += `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`;
  }
  return pointer;
}

/**
 * Parses a JSON pointer into its segments (always strings, as RFC 6901 defines them), or returns
 * `undefined` when the text is not a pointer: it does not start with `/`, or has a `~` not followed
 * by `0` or `1`.
 *
 * @example
 * ```ts
 * parseJsonPointer('/items/0/email'); // ['items', '0', 'email']
 * parseJsonPointer(''); // []
 * parseJsonPointer('items'); // undefined
 * ```
 */
export function parseJsonPointer(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  const segments = pointer.slice(1).split('/');
  for (const segment of segments) if (/~(?![01])/.test(segment)) return undefined;
  return segments.map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/**
 * A JSON pointer as a dotted field name, as seed 004's violations name fields: `/items/0/email` is
 * `items.0.email`, `''` (the whole value) is `''`. A text that is not a pointer is returned as is.
 *
 * @example
 * ```ts
 * fieldNameOf('/address/city'); // 'address.city'
 * fieldNameOf('/limit'); // 'limit'
 * ```
 */
export function fieldNameOf(pointer: string): string {
  return parseJsonPointer(pointer)?.join('.') ?? pointer;
}

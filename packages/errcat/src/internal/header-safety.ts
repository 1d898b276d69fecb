/** An HTTP field name (RFC 9110 `token`). */
const FIELD_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** A field value errcat will send: visible ASCII, spaces and tabs; never CR, LF, NUL or other controls. */
const FIELD_VALUE = /^[\t\x20-\x7e]*$/;

/**
 * True when `name: value` can go into a response as is. Header values can come from error details
 * or options, so errcat checks them itself rather than trusting every adapter to reject CR/LF.
 *
 * @example
 * ```ts
 * isSafeHeader('x-code', '4040'); // true
 * isSafeHeader('x-code', 'a\r\nb'); // false
 * ```
 */
export function isSafeHeader(name: string, value: string): boolean {
  return FIELD_NAME.test(name) && FIELD_VALUE.test(value);
}

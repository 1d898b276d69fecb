import { parseStructuredList } from '../../http/structured-list.js';

/** The longest key accepted, in characters (Stripe's limit; the draft sets none). */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/**
 * What {@link parseIdempotencyKey} found: the key and the form it came in, or why it was refused.
 * `reason` is one of a few fixed sentences and never contains the field value, so it is safe to
 * send and to log.
 */
export type IdempotencyKeyParse =
  | { readonly ok: true; readonly key: string; readonly form: 'string' | 'token' }
  | { readonly ok: false; readonly reason: string };

/** Options of {@link parseIdempotencyKey}. */
export interface ParseIdempotencyKeyOptions {
  /**
   * The shortest key accepted, in characters. Neither the IETF draft nor Stripe sets a minimum, so
   * by default any non-empty key (`order-42`) is one; raise it to refuse guessable keys.
   * @default 1
   */
  readonly minLength?: number;
}

/**
 * A bare key: visible ASCII without `"` (quoting), `\` (escaping) or `,` (a field repeated and
 * joined by the server). Spaces and controls, CR and LF included, are never part of a key.
 */
const BARE_KEY = /^[\x21\x23-\x2b\x2d-\x5b\x5d-\x7e]+$/;

/** Printable ASCII, what an sf-string holds once its escapes are undone. */
const STRING_KEY = /^[\x20-\x7e]*$/;

function refuse(reason: string): IdempotencyKeyParse {
  return { ok: false, reason };
}

function checkLength(key: string, form: 'string' | 'token', minLength: number): IdempotencyKeyParse {
  if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    return refuse(`the key is longer than ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`);
  }
  if (key.length < minLength) return refuse(`the key is shorter than ${minLength} characters`);
  return { ok: true, key, form };
}

/**
 * Parses an `Idempotency-Key` request field. It accepts the IETF draft's form, an RFC 8941
 * sf-string (`"8e03978e-…"`, parameters ignored), and, for Stripe-style clients, a bare key of
 * visible ASCII other than `"`, `\` and `,`. The key must be `minLength` (1 by default) to 255
 * characters long.
 * Several field lines (a list, or an array of values) are refused. It never throws.
 *
 * Returns `undefined` when the field is absent, else the key or a fixed reason.
 *
 * @example
 * ```ts
 * parseIdempotencyKey('"8e03978e-40d5-43e8-bc93-6894a57f9324"'); // { ok: true, key: '8e03978e-…', form: 'string' }
 * parseIdempotencyKey('8e03978e-40d5-43e8-bc93-6894a57f9324'); // { ok: true, key: '8e03978e-…', form: 'token' }
 * parseIdempotencyKey('order-42'); // { ok: true, key: 'order-42', form: 'token' }
 * parseIdempotencyKey('"abc"', { minLength: 16 }); // { ok: false, reason: 'the key is shorter than 16 characters' }
 * parseIdempotencyKey(undefined); // undefined
 * ```
 */
export function parseIdempotencyKey(
  value: string | readonly string[] | undefined,
  options: ParseIdempotencyKeyOptions = {},
): IdempotencyKeyParse | undefined {
  const minLength = Math.max(1, options.minLength ?? 1);
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    if (value.length === 0) return undefined;
    if (value.length > 1) return refuse('the request has more than one Idempotency-Key field');
    return parseIdempotencyKey(value[0], options);
  }
  // Field values lose their surrounding whitespace (RFC 9110 §5.5); anything else stays.
  const text = value.replace(/^[ \t]+|[ \t]+$/g, '');
  if (text === '') return refuse('the key is empty');
  // A huge field costs a full parse for nothing: no valid field is this long.
  if (text.length > MAX_IDEMPOTENCY_KEY_LENGTH * 2 + 2) {
    return refuse(`the key is longer than ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`);
  }
  if (text.startsWith('"')) {
    const members = parseStructuredList(text);
    if (members === undefined) return refuse('the key is not a valid structured-field string');
    if (members.length !== 1) return refuse('the request has more than one Idempotency-Key field');
    const [member] = members;
    if (typeof member?.value !== 'string' || !STRING_KEY.test(member.value)) {
      return refuse('the key is not a valid structured-field string');
    }
    if (member.value === '') return refuse('the key is empty');
    return checkLength(member.value, 'string', minLength);
  }
  if (text.includes(',')) return refuse('the request has more than one Idempotency-Key field');
  if (!BARE_KEY.test(text)) return refuse('the key has characters outside printable ASCII or is not quoted');
  return checkLength(text, 'token', minLength);
}

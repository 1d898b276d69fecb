import { isReasonPhrase } from '../http/status-names.js';

/** A code a person could match on: no whitespace, at most 200 characters. */
const CODE_LIKE = /^[^\s]{1,200}$/;

/**
 * Whether a string in a member that holds either a code or a message (`error` in `{error:
 * "invalid_grant"}` and in `{error: "Email is required"}`) is a code: one word, not a reason
 * phrase.
 *
 * @example
 * ```ts
 * looksLikeCode('invalid_grant'); // true
 * looksLikeCode('Email is required'); // false
 * looksLikeCode('Forbidden'); // false: the status's phrase
 * ```
 */
export function looksLikeCode(text: string | undefined): text is string {
  return text !== undefined && CODE_LIKE.test(text) && !isReasonPhrase(text);
}

/**
 * The code the server itself sent, as a string: `undefined` for a number or numeric string that
 * only repeats the HTTP status (`{"code": 404}`) and for a reason phrase of several words (`"Not
 * Found"`). One-word phrases stay: Kubernetes' `reason: "Conflict"` is a code.
 *
 * @example
 * ```ts
 * serverCode(20404, 404); // '20404' (Twilio)
 * serverCode(404, 404); // undefined
 * ```
 */
export function serverCode(code: string | number | undefined, status: number): string | undefined {
  if (typeof code === 'number') return code === status ? undefined : String(code);
  if (code === undefined) return undefined;
  const text = code.trim();
  if (text === '' || text === String(status) || (text.includes(' ') && isReasonPhrase(text)))
    return undefined;
  return text;
}

import { clientFailure } from './internal/client-failure-entry.js';

/** Characters an RFC 8941 sf-string may hold: printable ASCII. */
const SF_STRING_CHARS = /^[\x20-\x7e]{1,255}$/;

/**
 * Formats a key as the `Idempotency-Key` field value: an RFC 8941 sf-string (`"…"`, with `\` and
 * `"` escaped), the form the IETF draft specifies. Throws `ERRCAT_BAD_ARGUMENT` for a key that is
 * empty, longer than 255 characters, or not printable ASCII.
 *
 * @example
 * ```ts
 * formatIdempotencyKey('8e03978e-40d5-43e8-bc93-6894a57f9324'); // '"8e03978e-40d5-43e8-bc93-6894a57f9324"'
 * ```
 */
export function formatIdempotencyKey(key: string): string {
  if (!SF_STRING_CHARS.test(key)) {
    throw clientFailure('ERRCAT_BAD_ARGUMENT', {
      reason: 'an Idempotency-Key must be 1–255 printable ASCII characters',
    });
  }
  return `"${key.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

/**
 * A fresh Idempotency-Key field value: a random UUID as an sf-string.
 *
 * @example
 * ```ts
 * fetch(url, { method: 'POST', headers: { 'idempotency-key': createIdempotencyKey() } });
 * ```
 */
export function createIdempotencyKey(): string {
  return formatIdempotencyKey(globalThis.crypto.randomUUID());
}

/** Names (code, key or role) of a version conflict, whatever its status. */
const CONFLICT_NAMES = new Set(['CONFLICT', 'VERSION_CONFLICT']);

/**
 * Base roles answered with 409 whose resolution is to send the same request again: an
 * Idempotency-Key still in progress (waited out with Retry-After) and a transaction rolled back
 * by a concurrent one. The client's retries own them; they are not version conflicts.
 */
const RESEND_AS_IS = /IN_PROGRESS|^SERIALIZATION_FAILURE$|^DEADLOCK_DETECTED$/i;

/**
 * True for an optimistic-concurrency (version) conflict: the request was made against a state
 * that has changed, so sending it again unchanged cannot succeed. That is an error whose code, key
 * or catalog role is `CONFLICT` or `VERSION_CONFLICT` (rstmdb's CONFLICT, seed 002), or any other
 * HTTP 409 or 412 (resonate's 4090, an `If-Match` that no longer matches, a foreign 409) except the
 * 409s that say to send the same request again (`IDEMPOTENCY_IN_PROGRESS`, `SERIALIZATION_FAILURE`,
 * `DEADLOCK_DETECTED`). Whatever its `retryable` flag says, the client never re-sends a conflict
 * as is (see {@link canRetry}); {@link retryOnConflict} re-reads the state and applies again.
 *
 * @example
 * ```ts
 * isConflict(error); // true for rstmdb's {"error":{"code":"CONFLICT","retryable":true,…}}
 * isConflict({ httpStatus: 409, code: 'IDEMPOTENCY_IN_PROGRESS' }); // false: the client waits it out
 * ```
 */
export function isConflict(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, key, httpStatus, status, entry } = error as Record<string, unknown>;
  const role = typeof entry === 'object' && entry !== null ? (entry as { role?: unknown }).role : undefined;
  const names = [code, key, role].filter((name): name is string => typeof name === 'string');
  if (names.some((name) => CONFLICT_NAMES.has(name.toUpperCase()))) return true;
  // httpStatus 0 is a body decoded without its response: a catalog error's status still tells.
  const http = typeof httpStatus === 'number' && httpStatus > 0 ? httpStatus : status;
  return (http === 409 || http === 412) && !names.some((name) => RESEND_AS_IS.test(name));
}

import type { IdempotencyGuard, IdempotencyStart } from './idempotency-guard.js';
import type { FingerprintInput } from './request-fingerprint.js';

/**
 * The options every integration of the idempotency guard takes, over its framework's request
 * type `R`: the guard, and per request the caller's scope and whether a key is required.
 *
 * @example
 * ```ts
 * const options: IdempotencyHookOptions<Request> = { guard, scope: (req) => req.user?.id, required: true };
 * ```
 */
export interface IdempotencyHookOptions<R> {
  /** The guard: its store, TTL, lease and key rules (see `createIdempotencyGuard`). */
  readonly guard: IdempotencyGuard;
  /**
   * The caller's identity (user, tenant or API-key id); keys are looked up per scope so that one
   * caller never replays another's response.
   * @default none: every caller shares one key space, so set it whenever requests are authenticated
   */
  readonly scope?: (request: R) => string | undefined;
  /** Whether a request must carry a key (per route: a function). @default the guard's `required` */
  readonly required?: boolean | ((request: R) => boolean);
  /**
   * Whether an error the handler threw means the request had no effect: then nothing is stored
   * and the key is freed. Other errors are rendered, stored and replayed.
   * @default storesNothing: catalog errors marked `notApplied`, and validation failures
   */
  readonly storesNothing?: (error: unknown) => boolean;
}

/**
 * Starts the guard for one framework request: resolves its scope and `required`, and skips the
 * fingerprint (and so the body) of a request the guard will not look at.
 *
 * @example
 * ```ts
 * const start = await beginIdempotent(options, req, {
 *   method: req.method, path: req.originalUrl, body: req.body,
 *   contentType: req.headers['content-type'], key: req.headers['idempotency-key'],
 * });
 * ```
 */
export function beginIdempotent<R>(
  options: IdempotencyHookOptions<R>,
  request: R,
  parts: FingerprintInput & { readonly key: string | readonly string[] | undefined },
): Promise<IdempotencyStart> {
  const { guard, scope, required } = options;
  if (parts.key === undefined && required === undefined && !guard.covers(parts.method)) {
    return Promise.resolve({ kind: 'unguarded' });
  }
  return guard.begin({
    ...parts,
    scope: scope?.(request),
    required: typeof required === 'function' ? required(request) : required,
  });
}

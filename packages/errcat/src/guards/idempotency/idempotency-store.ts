/**
 * A final response as an idempotency store keeps it, to replay it byte for byte.
 *
 * @example
 * ```ts
 * const response: StoredResponse = {
 *   status: 201,
 *   headers: { 'content-type': 'application/json', location: '/orders/o1' },
 *   body: new TextEncoder().encode('{"id":"o1"}'),
 * };
 * ```
 */
export interface StoredResponse {
  /** The HTTP status. */
  readonly status: number;
  /** The response headers worth replaying, with lower-case names; repeated fields as arrays. */
  readonly headers: Readonly<Record<string, string | readonly string[]>>;
  /** The body bytes, exactly as sent. */
  readonly body: Uint8Array;
}

/**
 * What a store holds for a key: a request still running (its claim is leased), or the final
 * response of a completed one. `fingerprint` identifies the request that claimed the key.
 *
 * @example
 * ```ts
 * const record = await store.get(key);
 * if (record?.state === 'completed') console.log(record.response.status);
 * ```
 */
export type IdempotencyRecord =
  | { readonly state: 'running'; readonly fingerprint: string }
  | { readonly state: 'completed'; readonly fingerprint: string; readonly response: StoredResponse };

/** How a claim is made: who claims (a random token), for which request, for how long. */
export interface IdempotencyClaim {
  /** The request's fingerprint, compared by the guard with later requests using the key. */
  readonly fingerprint: string;
  /** A random token naming this claim; only its holder may renew, complete or release it. */
  readonly token: string;
  /** Milliseconds until the claim lapses unless renewed or completed. */
  readonly leaseMs: number;
}

/**
 * The answer to a claim: the key is now held by the caller, or the record that holds it.
 *
 * @example
 * ```ts
 * const result = await store.claim(key, { fingerprint, token, leaseMs: 30_000 });
 * if (!result.claimed && result.record.state === 'completed') replay(result.record.response);
 * ```
 */
export type IdempotencyClaimResult =
  | { readonly claimed: true }
  | { readonly claimed: false; readonly record: IdempotencyRecord };

/**
 * Where the idempotency guard keeps its records. A store must make `claim` one atomic
 * create-if-absent: of any number of concurrent claims of a free key, across every process sharing
 * the store, exactly one succeeds. A key is free when it has no record, or its record has lapsed:
 * a running claim whose lease ran out (its holder crashed) or a completed one older than its TTL.
 * `renew`, `complete` and `release` act only while `token` holds a live claim, so a holder that
 * lost its lease can never overwrite its successor. Every store passes `storeConformance` of
 * `errcat/testing`.
 *
 * Stores: `memoryIdempotencyStore()` (this process only), `@errcat/sqlite` (one machine),
 * `@errcat/redis` and `@errcat/postgres` (shared by many).
 *
 * @example
 * ```ts
 * const store: IdempotencyStore = memoryIdempotencyStore();
 * await store.claim('k', { fingerprint: 'f', token: 't1', leaseMs: 30_000 }); // { claimed: true }
 * await store.claim('k', { fingerprint: 'f', token: 't2', leaseMs: 30_000 }); // { claimed: false, record: { state: 'running', … } }
 * ```
 */
export interface IdempotencyStore {
  /** Claims `key` if it is free, atomically; else returns its live record. */
  claim(key: string, claim: IdempotencyClaim): IdempotencyClaimResult | Promise<IdempotencyClaimResult>;
  /** The live record of `key`, or `undefined` (never stored, released, or lapsed). */
  get(key: string): IdempotencyRecord | undefined | Promise<IdempotencyRecord | undefined>;
  /** Extends a live claim held by `token` to `leaseMs` from now; false when the claim was lost. */
  renew(key: string, token: string, leaseMs: number): boolean | Promise<boolean>;
  /**
   * Turns a live claim held by `token` into a completed record holding `response`, kept `ttlMs`;
   * false (nothing stored) when the claim was lost.
   */
  complete(key: string, token: string, response: StoredResponse, ttlMs: number): boolean | Promise<boolean>;
  /** Deletes a live claim held by `token`, freeing the key at once; false when the claim was lost. */
  release(key: string, token: string): boolean | Promise<boolean>;
  /** Releases the store's resources (timers, connections the store owns). */
  close?(): void | Promise<void>;
}

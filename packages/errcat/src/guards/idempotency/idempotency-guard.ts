import type { CatalogError } from '../../catalog-error.js';
import { errcatErrors } from '../../errcat-catalog.js';
import { DEFAULT_MAX_BODY_DEPTH } from '../../internal/json-depth.js';
import { settleWithin } from '../../internal/settle-within.js';
import { sha256Hex } from '../../internal/sha256-hex.js';
import { roleError } from '../../role-error.js';
import type { IdempotencyStore, StoredResponse } from './idempotency-store.js';
import { memoryIdempotencyStore } from './memory-idempotency-store.js';
import { parseIdempotencyKey } from './parse-idempotency-key.js';
import { type FingerprintInput, requestFingerprint } from './request-fingerprint.js';

/** The header that marks a replayed response: `Idempotent-Replayed: true`. */
export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';

/** The default retention of a completed key, in seconds: 24 hours, as Stripe and most payment APIs. */
export const DEFAULT_IDEMPOTENCY_TTL = 86_400;

/** Which store operation failed, as told to `onStoreFailure`. */
export type IdempotencyStoreOperation = 'claim' | 'renew' | 'complete' | 'release';

/** Options of {@link createIdempotencyGuard}. */
export interface IdempotencyGuardOptions {
  /** Where records live. @default memoryIdempotencyStore() */
  readonly store?: IdempotencyStore;
  /** Seconds a completed key replays its response; after that the key runs anew. @default 86400 (24 h) */
  readonly ttl?: number;
  /**
   * Seconds a running request holds its key without renewal. The guard renews the lease every
   * third of it while the handler runs, so this bounds how long a crashed process blocks the key,
   * not how long a handler may take. Fractions are allowed.
   * @default 30
   */
  readonly lease?: number;
  /** The methods the guard applies to; on others the header is ignored. @default ['POST', 'PATCH'] */
  readonly methods?: readonly string[];
  /** Requests of a covered method without a key are refused with `IDEMPOTENCY_KEY_MISSING`. @default false */
  readonly required?: boolean;
  /**
   * The shortest key accepted, in characters. The IETF draft and Stripe set no minimum, so by
   * default every non-empty key (`order-42`) is accepted; keys are looked up per `scope`, so a
   * short key is only guessable by its own caller. Raise it (16, a UUID's 36) to refuse short keys.
   * @default 1
   */
  readonly minKeyLength?: number;
  /** Seconds sent in `Retry-After` with `IDEMPOTENCY_IN_PROGRESS`. @default 1 */
  readonly retryAfter?: number;
  /** Milliseconds to wait for the store on each operation. @default 500 */
  readonly timeout?: number;
  /**
   * What happens when the store fails or is slow while claiming a key: `closed` refuses the request
   * with `IDEMPOTENCY_STORE_UNAVAILABLE` (503 + Retry-After); `open` runs it without a claim,
   * which risks running a retry twice.
   * @default 'closed'
   */
  readonly failMode?: 'closed' | 'open';
  /** What makes two requests "the same" for one key. @default requestFingerprint (method, path, body) */
  readonly fingerprint?: (request: FingerprintInput) => string | Promise<string>;
  /**
   * The deepest nesting of objects and arrays in a JSON body the default fingerprint walks; a
   * deeper body is refused with `BODY_TOO_DEEP` (400) before the store is asked.
   * @default 64 (as ASP.NET Core's JSON reader)
   */
  readonly maxBodyDepth?: number;
  /**
   * Which response headers are stored and replayed (names are lower case).
   * @default all except hop-by-hop fields, `date`, `content-length`, the rate-limit fields and the
   * request-id fields (`x-request-id`, `request-id`, `x-correlation-id`)
   */
  readonly storeHeader?: (name: string) => boolean;
  /** The catalog whose entries play the `IDEMPOTENCY_*` roles. @default the base catalog */
  readonly catalog?: Parameters<typeof roleError>[0];
  /** Told about every store failure (log it); the request goes on as documented for the operation. */
  readonly onStoreFailure?: (error: unknown, operation: IdempotencyStoreOperation) => void;
  /** The key prefix that keeps apart guards sharing one store. @default 'idem' */
  readonly prefix?: string;
}

/**
 * A request as the guard sees it: what the fingerprint covers, the `Idempotency-Key` field and
 * who sends it.
 *
 * @example
 * ```ts
 * const request: IdempotentRequest = {
 *   method: 'POST', path: '/orders', body: { sku: 'A1' },
 *   key: headers['idempotency-key'], scope: session.userId,
 * };
 * ```
 */
export interface IdempotentRequest extends FingerprintInput {
  /** The `Idempotency-Key` field value, or every value when it was repeated. */
  readonly key: string | readonly string[] | undefined;
  /**
   * The caller's identity (user, tenant or API-key id). Keys are looked up per scope, so one
   * caller can never replay another's response. Without it, all callers share one key space.
   */
  readonly scope?: string | undefined;
  /** Overrides the guard's `required` for this request (a route that requires a key). */
  readonly required?: boolean | undefined;
}

/**
 * The first request with a key, now holding it: run the handler, then store its final response
 * with `complete`, or `abandon` the claim when the request turned out to have no effect (it was
 * rejected before doing anything) or produced no final response. Each may be called once.
 */
export interface IdempotencyClaimHandle {
  readonly kind: 'claimed';
  /** Stores the final response for replay; resolves false when it could not be stored. */
  complete(response: StoredResponse): Promise<boolean>;
  /** Frees the key at once, storing nothing, so a retry runs. */
  abandon(): Promise<void>;
  /**
   * Stops renewing the lease, so that the key frees itself after it unless `complete` comes
   * first: for a request whose end cannot be observed (its client left while it ran).
   */
  lapse(): void;
}

/**
 * What to do with a request: run it unguarded (no key, a method not covered, or the store failed
 * open), send a stored response (already marked with `Idempotent-Replayed: true`), or run it as
 * the holder of its key.
 *
 * @example
 * ```ts
 * const start = await guard.begin(request);
 * if (start.kind === 'replay') return send(start.response);
 * ```
 */
export type IdempotencyStart =
  | { readonly kind: 'unguarded' }
  | { readonly kind: 'replay'; readonly response: StoredResponse }
  | IdempotencyClaimHandle;

/**
 * The idempotency guard. `begin` resolves with what to do, or rejects with a catalog error:
 * `IDEMPOTENCY_KEY_MISSING` / `IDEMPOTENCY_KEY_INVALID` (400), `IDEMPOTENCY_KEY_REUSED` (422),
 * `IDEMPOTENCY_IN_PROGRESS` (409, retryable) or `IDEMPOTENCY_STORE_UNAVAILABLE` (503).
 *
 * @example
 * ```ts
 * const start = await guard.begin({ method, path, body, key, scope });
 * if (start.kind === 'replay') return start.response;
 * const response = await handler();
 * if (start.kind === 'claimed') await start.complete(response);
 * return response;
 * ```
 */
export interface IdempotencyGuard {
  /** Decides a request: validates its key, then claims it or finds its record. */
  begin(request: IdempotentRequest): Promise<IdempotencyStart>;
  /** True when the guard applies to `method`. */
  covers(method: string | undefined): boolean;
  /** Closes the store; call it after the server has drained. */
  close(): Promise<void>;
}

/** Fields that describe one hop or one sending of a response, not the response itself. */
const UNSTORED_HEADERS = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'date',
  'content-length',
  'ratelimit',
  'ratelimit-policy',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  // A request's own id: a replay answers a new request, which keeps its id for logs and tracing.
  'x-request-id',
  'request-id',
  'x-correlation-id',
  IDEMPOTENT_REPLAYED_HEADER,
]);

const defaultStoreHeader = (name: string): boolean => !UNSTORED_HEADERS.has(name);

function badArgument(reason: string): CatalogError {
  return errcatErrors.ERRCAT_BAD_ARGUMENT({ reason });
}

function positive(name: string, value: number): number {
  if (!(value > 0) || !Number.isFinite(value))
    throw badArgument(`${name} must be a positive number, got ${value}`);
  return value;
}

/**
 * Creates an idempotency guard (IETF httpapi Idempotency-Key draft, with Stripe's semantics). For
 * a covered method, the first request with a key claims it and runs; its final response (status,
 * headers, body, 5xx included) is stored for `ttl`, with a fingerprint of the request. A repeat
 * with the same key and fingerprint replays that response; with another fingerprint it is a 422;
 * while the first still runs, a retryable 409. A request that stores nothing (abandoned, or its
 * process crashed, after the lease) leaves the key free for a retry. The lookup is per `scope`.
 *
 * Framework-agnostic: `withIdempotency` of `errcat/node` and the adapters drive it.
 *
 * @example
 * ```ts
 * import { createIdempotencyGuard } from 'errcat/idempotency';
 * import { sqliteIdempotencyStore } from '@errcat/sqlite';
 *
 * const guard = createIdempotencyGuard({
 *   store: sqliteIdempotencyStore({ database: new Database('idempotency.db') }),
 *   ttl: 24 * 3600,
 *   required: true,
 * });
 * ```
 */
export function createIdempotencyGuard(options: IdempotencyGuardOptions = {}): IdempotencyGuard {
  const store = options.store ?? memoryIdempotencyStore();
  const ttlMs = positive('ttl', options.ttl ?? DEFAULT_IDEMPOTENCY_TTL) * 1000;
  const leaseMs = Math.ceil(positive('lease', options.lease ?? 30) * 1000);
  const timeout = positive('timeout', options.timeout ?? 500);
  const retryAfter = positive('retryAfter', options.retryAfter ?? 1);
  const minLength = options.minKeyLength ?? 1;
  if (!Number.isSafeInteger(minLength) || minLength < 1 || minLength > 255) {
    throw badArgument(`minKeyLength must be an integer from 1 to 255, got ${minLength}`);
  }
  const methods = new Set((options.methods ?? ['POST', 'PATCH']).map((method) => method.toUpperCase()));
  const storeHeader = options.storeHeader ?? defaultStoreHeader;
  const prefix = options.prefix ?? 'idem';
  const { catalog } = options;
  const maxDepth = options.maxBodyDepth ?? DEFAULT_MAX_BODY_DEPTH;
  if (!Number.isSafeInteger(maxDepth) || maxDepth < 1) {
    throw badArgument(`maxBodyDepth must be a positive integer, got ${maxDepth}`);
  }
  const fingerprint =
    options.fingerprint ??
    ((request: FingerprintInput) => requestFingerprint(request, { maxDepth, catalog }));
  const failMode = options.failMode ?? 'closed';

  /** Waits for a store answer, bounded by `timeout`; synchronous stores answer without a timer. */
  const settle = <T>(answer: T | Promise<T>): T | Promise<T> =>
    answer instanceof Promise ? settleWithin(answer, timeout) : answer;

  const reportFailure = (error: unknown, operation: IdempotencyStoreOperation): void => {
    options.onStoreFailure?.(error, operation);
  };

  const storedCopy = (response: StoredResponse): StoredResponse => {
    const headers: Record<string, string | readonly string[]> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      const lower = name.toLowerCase();
      if (storeHeader(lower)) headers[lower] = value;
    }
    return { status: response.status, headers, body: response.body };
  };

  function claimHandle(storeKey: string, token: string): IdempotencyClaimHandle {
    let settled = false;
    let renewing: Promise<unknown> = Promise.resolve();
    // Renew at a third of the lease, so that two renewals may fail before the claim lapses.
    const timer = setInterval(() => {
      renewing = (async () => {
        try {
          if (!(await settle(store.renew(storeKey, token, leaseMs)))) clearInterval(timer);
        } catch (error) {
          reportFailure(error, 'renew');
        }
      })();
    }, leaseMs / 3);
    (timer as { unref?: () => void }).unref?.();
    const finish = async <T>(
      operation: IdempotencyStoreOperation,
      run: () => T | Promise<T>,
      fallback: T,
    ) => {
      if (settled) return fallback;
      settled = true;
      clearInterval(timer);
      // A renewal in flight must not land after the completion or release.
      await renewing;
      try {
        return await settle(run());
      } catch (error) {
        reportFailure(error, operation);
        return fallback;
      }
    };
    return {
      kind: 'claimed',
      complete: (response) =>
        finish('complete', () => store.complete(storeKey, token, storedCopy(response), ttlMs), false),
      abandon: async () => {
        await finish('release', () => store.release(storeKey, token), false);
      },
      lapse: () => clearInterval(timer),
    };
  }

  function reused(): CatalogError {
    return roleError(catalog, 'IDEMPOTENCY_KEY_REUSED');
  }

  async function begin(request: IdempotentRequest): Promise<IdempotencyStart> {
    if (!methods.has(request.method.toUpperCase())) return { kind: 'unguarded' };
    const parsed = parseIdempotencyKey(request.key, { minLength });
    if (parsed === undefined) {
      if (request.required ?? options.required ?? false) throw roleError(catalog, 'IDEMPOTENCY_KEY_MISSING');
      return { kind: 'unguarded' };
    }
    if (!parsed.ok) throw roleError(catalog, 'IDEMPOTENCY_KEY_INVALID', { reason: parsed.reason });
    const scope = request.scope ? (await sha256Hex(request.scope)).slice(0, 32) : '-';
    const storeKey = `${prefix}:${scope}:${parsed.key}`;
    const print = await fingerprint(request);
    const token = globalThis.crypto.randomUUID();
    let result: Awaited<ReturnType<IdempotencyStore['claim']>>;
    try {
      result = await settle(store.claim(storeKey, { fingerprint: print, token, leaseMs }));
    } catch (error) {
      reportFailure(error, 'claim');
      if (failMode === 'open') return { kind: 'unguarded' };
      throw roleError(catalog, 'IDEMPOTENCY_STORE_UNAVAILABLE', {}, { cause: error, headers: NO_STORE });
    }
    if (result.claimed) return claimHandle(storeKey, token);
    const { record } = result;
    if (record.fingerprint !== print) throw reused();
    if (record.state === 'running') {
      throw roleError(catalog, 'IDEMPOTENCY_IN_PROGRESS', {}, { retryAfter, headers: NO_STORE });
    }
    const { response } = record;
    return {
      kind: 'replay',
      response: { ...response, headers: { ...response.headers, [IDEMPOTENT_REPLAYED_HEADER]: 'true' } },
    };
  }

  return {
    begin,
    covers: (method) => method !== undefined && methods.has(method.toUpperCase()),
    close: async () => {
      await store.close?.();
    },
  };
}

const NO_STORE = { 'cache-control': 'no-store' } as const;

import type { CatalogError } from '../../catalog-error.js';
import { errcatErrors } from '../../errcat-catalog.js';
import {
  formatRateLimit,
  formatRateLimitPolicy,
  type QuotaStateField,
} from '../../http/rate-limit-fields.js';
import { settleWithin } from '../../internal/settle-within.js';
import { sha256Hex } from '../../internal/sha256-hex.js';
import { roleError } from '../../role-error.js';
import type { TrafficRequest } from '../traffic-request.js';
import { gcraRule } from './gcra.js';
import { ipBucket } from './ip-bucket.js';
import { memoryRateLimitStore } from './memory-rate-limit-store.js';
import type { RateLimitDecision } from './rate-limit-decision.js';
import type { RateLimitPolicy } from './rate-limit-policy.js';
import type { RateLimitRule, RateLimitStore } from './rate-limit-store.js';
import { slidingWindowRule } from './sliding-window.js';

/**
 * Which rate-limit headers responses carry: the draft's `RateLimit` / `RateLimit-Policy`
 * structured fields, the legacy `X-RateLimit-Limit` / `-Remaining` / `-Reset` trio, both, or none.
 *
 * @example
 * ```ts
 * createRateLimiter({ policies, headers: 'both' }); // RateLimit fields and X-RateLimit-*
 * ```
 */
export type RateLimitHeaderMode = 'draft' | 'legacy' | 'both' | 'none';

/**
 * Options of {@link createRateLimiter}.
 *
 * @example
 * ```ts
 * const options: RateLimiterOptions<'general'> = {
 *   policies: { general: { limit: 100, window: 60 } },
 *   failMode: 'open',
 *   timeout: 250,
 * };
 * ```
 */
export interface RateLimiterOptions<Name extends string = string> {
  /**
   * The named policies. A name is sent in the headers as a structured-field string, so it is 1 to
   * 64 printable ASCII characters (spaces inside allowed, as in `Queue entry`).
   */
  readonly policies: Readonly<Record<Name, RateLimitPolicy>>;
  /** Where the counters live. @default memoryRateLimitStore() */
  readonly store?: RateLimitStore;
  /** The catalog whose entries play `RATE_LIMITED` and `RATE_LIMITER_UNAVAILABLE`. @default the base catalog */
  readonly catalog?: Parameters<typeof roleError>[0];
  /**
   * What happens when the store fails or does not answer within `timeout`: `closed` refuses the
   * request with `RATE_LIMITER_UNAVAILABLE` (503 + Retry-After), `open` lets it through uncounted,
   * `insurance` counts it in the `insurance` store instead, on this process's share of the limit.
   * @default 'closed'
   */
  readonly failMode?: 'closed' | 'open' | 'insurance';
  /**
   * The stand-in for `failMode: 'insurance'`: a store that is up when the main one is down, and
   * how many processes share the main store, so that each enforces `limit / instances` (and
   * `burst / instances`, at least 1 each) and all of them together at most the limit.
   * @default { store: memoryRateLimitStore(), instances: 1 }
   */
  readonly insurance?: { readonly store?: RateLimitStore; readonly instances?: number };
  /** Milliseconds to wait for the store before applying `failMode`. @default 500 */
  readonly timeout?: number;
  /** The rate-limit headers to send. @default 'draft' */
  readonly headers?: RateLimitHeaderMode;
  /** Told about every store failure (log it); the request goes on per `failMode`. @default none */
  readonly onStoreFailure?: (error: unknown, policy: Name) => void;
  /** The key prefix that keeps apart limiters sharing one store. @default 'rl' */
  readonly prefix?: string;
}

/**
 * The answer for an allowed request: the headers to add to its response and each policy's state.
 *
 * @example
 * ```ts
 * const { headers } = await limiter.check('general', facts);
 * for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
 * ```
 */
export interface RateLimitResult {
  /** Response headers (lower-case names): the remaining quota of each checked policy. */
  readonly headers: Readonly<Record<string, string>>;
  /** The decision of each policy, by name; absent for a policy skipped by a store failure. */
  readonly decisions: ReadonlyMap<string, RateLimitDecision>;
}

/**
 * A rate limiter over named policies. `check` resolves with the headers for the response, or
 * rejects with a catalog error: `RATE_LIMITED` (429) or `RATE_LIMITER_UNAVAILABLE` (503).
 *
 * @example
 * ```ts
 * try {
 *   const { headers } = await limiter.check(['general', 'authentication'], { ip });
 * } catch (error) {
 *   // a CatalogError: render it with renderError(error)
 * }
 * ```
 */
export interface RateLimiter<Name extends string = string> {
  /** Counts the request against each named policy in turn; rejects at the first that refuses it. */
  check(policies: Name | readonly Name[], request: TrafficRequest): Promise<RateLimitResult>;
  /** The guard for a route: `check` bound to its policies. */
  guard(policies: Name | readonly Name[]): (request: TrafficRequest) => Promise<RateLimitResult>;
  /** Closes the store; call it after the server has drained. */
  close(): Promise<void>;
}

interface CompiledPolicy {
  readonly name: string;
  readonly policy: RateLimitPolicy;
  readonly rule: RateLimitRule;
  /** The rule of the insurance store: this process's share of the policy. */
  readonly insuranceRule: RateLimitRule;
  readonly policyField: string;
  /** The start of its store keys, `prefix:policy:`. */
  readonly keyBase: string;
}

/** Printable ASCII, what a structured-field string holds, without spaces at either end. */
const NAME = /^[\x21-\x7e](?:[\x20-\x7e]{0,62}[\x21-\x7e])?$/;

function badArgument(reason: string): CatalogError {
  return errcatErrors.ERRCAT_BAD_ARGUMENT({ reason });
}

function compilePolicy(
  name: string,
  policy: RateLimitPolicy,
  instances: number,
  prefix: string,
): CompiledPolicy {
  if (!NAME.test(name)) {
    throw badArgument(
      `rate-limit policy name '${name}' must be 1 to 64 printable ASCII characters, without spaces at either end`,
    );
  }
  const { limit, window, burst } = policy;
  for (const [field, value] of [
    ['limit', limit],
    ['window', window],
    ['burst', burst ?? 1],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 1) {
      throw badArgument(`rate-limit policy '${name}': ${field} must be a positive integer, got ${value}`);
    }
  }
  const share = (value: number) => Math.max(1, Math.floor(value / instances));
  return {
    name,
    policy,
    rule: burst === undefined ? slidingWindowRule(limit, window) : gcraRule(limit, window, burst),
    insuranceRule:
      burst === undefined
        ? slidingWindowRule(share(limit), window)
        : gcraRule(share(limit), window, share(burst)),
    policyField: formatRateLimitPolicy([{ name, quota: limit, window }]),
    // Encoded, so that a `:` in a policy name cannot make two keys alike; plain names stay as they are.
    keyBase: `${prefix}:${encodeURIComponent(name)}:`,
  };
}

/**
 * The store key of a request under a policy: `prefix:policy:kind:value`. A token is hashed first,
 * at once on Node and through Web Crypto's promise elsewhere.
 */
function bucketKey(compiled: CompiledPolicy, request: TrafficRequest): string | Promise<string> {
  const key = compiled.policy.key ?? 'ip';
  const base = compiled.keyBase;
  if (key === 'token' && request.token !== undefined && request.token !== '') {
    // The first 128 bits of the digest: the key stays short, and stays what earlier versions stored.
    const hash = sha256Hex(request.token);
    return typeof hash === 'string'
      ? `${base}token:${hash.slice(0, 32)}`
      : hash.then((hex) => `${base}token:${hex.slice(0, 32)}`);
  }
  const value = key === 'user' ? request.user : typeof key === 'function' ? key(request) : undefined;
  if (value !== undefined && value !== '') return `${base}${typeof key === 'function' ? 'fn' : key}:${value}`;
  return `${base}ip:${ipBucket(request.ip ?? 'unknown')}`;
}

function secondsCeil(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/**
 * Creates a rate limiter: named policies over a store (an exact sliding window each, or GCRA for a
 * policy with `burst`), with a bounded wait for the store and an explicit failure mode. Allowed answers carry the remaining quota; a refusal is a catalog
 * error with `Retry-After` in whole seconds (never 0), the `RateLimit` headers and
 * `Cache-Control: no-store`, since RFC 6585 forbids caching a 429.
 *
 * @example
 * ```ts
 * const limiter = createRateLimiter({
 *   policies: { authentication: { limit: 10, window: 60 }, general: { limit: 100, window: 60 } },
 *   store: redisRateLimitStore({ client: redis }),
 *   failMode: 'closed',
 *   timeout: 250,
 * });
 * await limiter.check('authentication', { ip: '203.0.113.7' }); // throws RATE_LIMITED at the 11th
 * ```
 */
export function createRateLimiter<Name extends string>(options: RateLimiterOptions<Name>): RateLimiter<Name> {
  const store = options.store ?? memoryRateLimitStore();
  const timeout = options.timeout ?? 500;
  const failMode = options.failMode ?? 'closed';
  const mode = options.headers ?? 'draft';
  const prefix = options.prefix ?? 'rl';
  if (!(timeout > 0)) throw badArgument(`timeout must be a positive number of milliseconds, got ${timeout}`);
  const instances = options.insurance?.instances ?? 1;
  if (!Number.isSafeInteger(instances) || instances < 1) {
    throw badArgument(`insurance.instances must be a positive integer, got ${instances}`);
  }
  const insuranceStore =
    failMode === 'insurance' ? (options.insurance?.store ?? memoryRateLimitStore()) : undefined;
  const compiled = new Map<string, CompiledPolicy>();
  for (const [name, policy] of Object.entries<RateLimitPolicy>(options.policies)) {
    compiled.set(name, compilePolicy(name, policy, instances, prefix));
  }

  function policyOf(name: string): CompiledPolicy {
    const found = compiled.get(name);
    if (!found) throw badArgument(`unknown rate-limit policy '${name}'`);
    return found;
  }

  /** One decision; synchronous when the key and the store are (memory store, no token). */
  function decide(
    policy: CompiledPolicy,
    request: TrafficRequest,
  ): RateLimitDecision | Promise<RateLimitDecision> {
    const key = bucketKey(policy, request);
    if (typeof key !== 'string') return key.then((hashed) => consumeKey(policy, hashed));
    return consumeKey(policy, key);
  }

  function consumeKey(policy: CompiledPolicy, key: string): RateLimitDecision | Promise<RateLimitDecision> {
    const answer = store.consume(key, policy.rule);
    // A store that answers at once (memory) needs no timer and no extra tick.
    return answer instanceof Promise ? settleWithin(answer, timeout) : answer;
  }

  /** The insurance store's decision, or undefined when there is none or it fails too. */
  async function insure(
    policy: CompiledPolicy,
    request: TrafficRequest,
  ): Promise<RateLimitDecision | undefined> {
    if (!insuranceStore) return undefined;
    try {
      const answer = insuranceStore.consume(await bucketKey(policy, request), policy.insuranceRule);
      return answer instanceof Promise ? await settleWithin(answer, timeout) : answer;
    } catch {
      return undefined;
    }
  }

  /** The response headers for the policies checked so far (`policies[i]` decided `decisions[i]`). */
  function headersFor(
    policies: readonly CompiledPolicy[],
    decisions: readonly RateLimitDecision[],
  ): Record<string, string> {
    const headers: Record<string, string> = {};
    const count = policies.length;
    if (count === 0 || mode === 'none') return headers;
    if (mode === 'draft' || mode === 'both') {
      let policyField = '';
      const states: QuotaStateField[] = [];
      for (let index = 0; index < count; index++) {
        const policy = policies[index] as CompiledPolicy;
        const decision = decisions[index] as RateLimitDecision;
        policyField = index === 0 ? policy.policyField : `${policyField}, ${policy.policyField}`;
        states.push({
          name: policy.name,
          remaining: decision.remaining,
          reset: Math.ceil(decision.resetMs / 1000),
        });
      }
      headers['ratelimit-policy'] = policyField;
      headers.ratelimit = formatRateLimit(states);
    }
    if (mode === 'legacy' || mode === 'both') {
      // One trio for several policies: the one closest to refusing.
      let tightest = 0;
      for (let index = 1; index < count; index++) {
        if (
          (decisions[index] as RateLimitDecision).remaining <
          (decisions[tightest] as RateLimitDecision).remaining
        )
          tightest = index;
      }
      const decision = decisions[tightest] as RateLimitDecision;
      headers['x-ratelimit-limit'] = String((policies[tightest] as CompiledPolicy).policy.limit);
      headers['x-ratelimit-remaining'] = String(decision.remaining);
      headers['x-ratelimit-reset'] = String(Math.ceil(decision.resetMs / 1000));
    }
    return headers;
  }

  async function check(names: Name | readonly Name[], request: TrafficRequest): Promise<RateLimitResult> {
    const count = typeof names === 'string' ? 1 : names.length;
    const policies: CompiledPolicy[] = [];
    const decisions: RateLimitDecision[] = [];
    for (let index = 0; index < count; index++) {
      const name = typeof names === 'string' ? names : (names[index] as Name);
      const policy = policyOf(name);
      let decision: RateLimitDecision;
      try {
        const answer = decide(policy, request);
        decision = answer instanceof Promise ? await answer : answer;
      } catch (error) {
        options.onStoreFailure?.(error, name);
        if (failMode === 'open') continue;
        const stand = await insure(policy, request);
        if (!stand) {
          throw roleError(
            options.catalog,
            'RATE_LIMITER_UNAVAILABLE',
            {},
            {
              cause: error,
              headers: { 'cache-control': 'no-store' },
            },
          );
        }
        decision = stand;
      }
      policies.push(policy);
      decisions.push(decision);
      if (!decision.allowed) {
        const retryAfter = secondsCeil(decision.retryAfterMs);
        const headers = headersFor(policies, decisions);
        // `t` must not point later than Retry-After; both round the same delay up.
        throw roleError(
          options.catalog,
          'RATE_LIMITED',
          { ...policy.policy.details, policy: name },
          {
            retryAfter,
            headers: { ...headers, 'cache-control': 'no-store' },
          },
        );
      }
    }
    const decided = new Map<string, RateLimitDecision>();
    for (let index = 0; index < policies.length; index++) {
      decided.set((policies[index] as CompiledPolicy).name, decisions[index] as RateLimitDecision);
    }
    return { headers: headersFor(policies, decisions), decisions: decided };
  }

  return {
    check,
    guard: (names) => (request) => check(names, request),
    close: async () => {
      await store.close?.();
      await insuranceStore?.close?.();
    },
  };
}

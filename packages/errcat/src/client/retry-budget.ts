/**
 * Why an attempt failed, as the budget prices it: a timeout costs more than other transient failures.
 *
 * @example
 * ```ts
 * const kind: FailureKind = error.code === 'ERRCAT_TIMEOUT' ? 'timeout' : 'transient';
 * ```
 */
export type FailureKind = 'transient' | 'timeout';

/**
 * A retry budget: state shared by every request of a client that stops retries when too many
 * fail, so a failing server sees a bounded fraction of extra load (the circuit-breaker effect of
 * the AWS SDKs' retry quota and gRPC's retry throttling). Implement it to share a budget across
 * clients or processes.
 *
 * @example
 * ```ts
 * const budget = createRetryBudget();
 * const cost = budget.withdraw('transient'); // undefined: no retry allowed
 * // …when the retried attempt succeeds:
 * budget.deposit(cost ?? 0);
 * ```
 */
export interface RetryBudget {
  /** The tokens left. */
  readonly tokens: number;
  /** Asks for one retry after a failure; returns the tokens it took (refunded on success), or `undefined` to forbid it. */
  withdraw(kind: FailureKind): number | undefined;
  /** Records a successful attempt; `refund` is what its retry took (0 for a first attempt). */
  deposit(refund: number): void;
}

/**
 * Options of {@link createRetryBudget}.
 *
 * @example
 * ```ts
 * const aws: RetryBudgetOptions = { capacity: 500, retryCost: 5, timeoutCost: 10 };
 * const grpc: RetryBudgetOptions = { mode: 'ratio', maxTokens: 10, tokenRatio: 0.1 };
 * ```
 */
export interface RetryBudgetOptions {
  /**
   * `ratio`: gRPC retry throttling (each failure that asks for a retry takes one token, each
   * success adds `tokenRatio`; retries stop while the tokens are at or below half of `maxTokens`),
   * so retries stay proportional to recent successful traffic. `bucket`: the AWS SDK standard mode
   * (a retry takes tokens; a clean success returns one, a success after a retry returns what the
   * retry took), which allows a fixed 100 retries however little traffic came before.
   * @default 'ratio'
   */
  readonly mode?: 'bucket' | 'ratio';
  /** Bucket mode: the tokens at the start and at most. @default 500 */
  readonly capacity?: number;
  /** Bucket mode: the tokens a retry after a transient failure takes. @default 5 */
  readonly retryCost?: number;
  /** Bucket mode: the tokens a retry after a timeout takes. @default 10 */
  readonly timeoutCost?: number;
  /** Bucket mode: the tokens a success without a retry returns. @default 1 */
  readonly successReward?: number;
  /** Ratio mode: the tokens at the start and at most. @default 10 */
  readonly maxTokens?: number;
  /** Ratio mode: the tokens each success adds. @default 0.1 */
  readonly tokenRatio?: number;
}

function bucketBudget(options: RetryBudgetOptions): RetryBudget {
  const capacity = options.capacity ?? 500;
  const retryCost = options.retryCost ?? 5;
  const timeoutCost = options.timeoutCost ?? 10;
  const reward = options.successReward ?? 1;
  let tokens = capacity;
  return {
    get tokens() {
      return tokens;
    },
    withdraw(kind) {
      const cost = kind === 'timeout' ? timeoutCost : retryCost;
      if (tokens < cost) return undefined;
      tokens -= cost;
      return cost;
    },
    deposit(refund) {
      tokens = Math.min(capacity, tokens + (refund > 0 ? refund : reward));
    },
  };
}

function ratioBudget(options: RetryBudgetOptions): RetryBudget {
  const maxTokens = options.maxTokens ?? 10;
  const ratio = options.tokenRatio ?? 0.1;
  let tokens = maxTokens;
  return {
    get tokens() {
      return tokens;
    },
    withdraw() {
      tokens = Math.max(0, tokens - 1);
      return tokens > maxTokens / 2 ? 0 : undefined;
    },
    deposit() {
      tokens = Math.min(maxTokens, tokens + ratio);
    },
  };
}

/**
 * Makes a retry budget. The default is gRPC's retry throttling (A6: 10 tokens, −1 per failure
 * that asks for a retry, +0.1 per success, retries only above 5 tokens): against a server that
 * fails every request a client makes at most 4 retries in all, so 50 calls send at most 54
 * requests (1.08) and 1,000 at most 1,004; under partial failure retries stay near one per ten
 * successes. `{ mode: 'bucket' }` is the AWS SDKs' standard mode instead (500 tokens, 5 per
 * retry, 10 after a timeout, 1 back per clean success: 100 retries before it stops).
 *
 * @example
 * ```ts
 * const budget = createRetryBudget();
 * const client = createClient({ baseUrl, retry: { budget } }); // or share one budget between clients
 * ```
 */
export function createRetryBudget(options: RetryBudgetOptions = {}): RetryBudget {
  return options.mode === 'bucket' ? bucketBudget(options) : ratioBudget(options);
}

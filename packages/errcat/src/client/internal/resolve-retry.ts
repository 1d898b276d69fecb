import type { RetryBudget } from '../retry-budget.js';
import { IDEMPOTENT_METHODS, MAX_ATTEMPTS, type RetryOptions } from '../retry-options.js';

/**
 * The retry policy with every default applied.
 *
 * @example
 * ```ts
 * const policy: ResolvedRetry = resolveRetry({ attempts: 5 }, clientPolicy, budget);
 * ```
 */
export interface ResolvedRetry {
  readonly attempts: number;
  readonly methods: readonly string[];
  readonly baseDelay: number;
  readonly throttlingBaseDelay: number;
  readonly maxDelay: number;
  readonly maxRetryAfter: number;
  readonly totalTimeout: number;
  readonly idempotencyKey: boolean;
  readonly budget: RetryBudget | undefined;
  readonly onRetry: RetryOptions['onRetry'];
  readonly shouldRetry: RetryOptions['shouldRetry'];
}

function finite(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && !Number.isNaN(value) && value >= 0 ? value : fallback;
}

/**
 * Applies the defaults (and the client's options under a request's) to retry options.
 *
 * @example
 * ```ts
 * resolveRetry({ attempts: 5 }, undefined, undefined).attempts; // 5
 * resolveRetry(false, undefined, undefined).attempts; // 1: no retries
 * ```
 */
export function resolveRetry(
  options: RetryOptions | false | undefined,
  base: ResolvedRetry | undefined,
  budget: RetryBudget | undefined,
): ResolvedRetry {
  if (options === false) return { ...(base ?? resolveRetry(undefined, undefined, undefined)), attempts: 1 };
  const o = options ?? {};
  const attempts = Math.floor(finite(o.attempts, base?.attempts ?? 3));
  return {
    attempts: Math.min(MAX_ATTEMPTS, Math.max(1, attempts)),
    methods: (o.methods ?? base?.methods ?? IDEMPOTENT_METHODS).map((method) => method.toUpperCase()),
    baseDelay: finite(o.baseDelay, base?.baseDelay ?? 100),
    throttlingBaseDelay: finite(o.throttlingBaseDelay, base?.throttlingBaseDelay ?? 500),
    maxDelay: finite(o.maxDelay, base?.maxDelay ?? 20_000),
    maxRetryAfter: finite(o.maxRetryAfter, base?.maxRetryAfter ?? 60_000),
    totalTimeout: finite(o.totalTimeout, base?.totalTimeout ?? 60_000),
    idempotencyKey: o.idempotencyKey ?? base?.idempotencyKey ?? false,
    budget: o.budget === false ? undefined : (o.budget ?? base?.budget ?? budget),
    onRetry: o.onRetry ?? base?.onRetry,
    shouldRetry: o.shouldRetry ?? base?.shouldRetry,
  };
}

import { canRetry } from '../can-retry.js';
import type { ClientError, ClientResponse } from '../client-options.js';
import { decodeError } from '../decode-error.js';
import type { AnyCatalog } from '../decode-types.js';
import { isConflict } from '../is-conflict.js';
import type { FailureKind } from '../retry-budget.js';
import { attemptSignal, sleep } from './attempt-signal.js';
import { fullJitter } from './backoff.js';
import { isClientFailure } from './client-failure-entry.js';
import { abortedFailure, decodeFailure, networkFailure, timeoutFailure } from './client-failures.js';
import type { PreparedRequest } from './prepare-request.js';

/**
 * What every request of a client shares.
 *
 * @example
 * ```ts
 * const context: SendContext = { fetch: globalThis.fetch, catalog, maxErrorBytes: 1_048_576 };
 * ```
 */
export interface SendContext {
  readonly fetch: typeof globalThis.fetch;
  readonly catalog: AnyCatalog | undefined;
  readonly maxErrorBytes: number;
}

/** The facts of a failure the retry decision reads. */
type Failure = ClientError<AnyCatalog> & {
  readonly retryAfter?: number | undefined;
  readonly catalogRetryAfter?: number | undefined;
  readonly throttling?: boolean;
};

const NO_BODY_STATUSES = new Set([204, 205, 304]);

async function readSuccess(response: Response, request: PreparedRequest): Promise<unknown> {
  if (request.method === 'HEAD' || NO_BODY_STATUSES.has(response.status)) {
    response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (request.responseType === 'bytes') return new Uint8Array(await response.arrayBuffer());
  const text = await response.text();
  if (request.responseType === 'text') return text;
  if (text === '') return undefined;
  if (!/[/+]json\b/i.test(response.headers.get('content-type') ?? '')) return text;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw decodeFailure(request, response.status, `invalid JSON: ${(error as Error).message}`);
  }
}

/** The wait before the next attempt, or `undefined` when the failure must surface now. */
function nextDelay(
  failure: Failure,
  attempt: number,
  request: PreparedRequest,
  deadline: number,
): number | undefined {
  const retry = request.retry;
  // A version conflict is retryOnConflict's to re-apply after a re-read, never re-sent here, even
  // when shouldRetry says yes: two layers retrying it would multiply the attempts.
  if (attempt >= retry.attempts || !request.replayable || isConflict(failure)) return undefined;
  const allowed =
    retry.shouldRetry?.(failure, { attempt, method: request.method }) ??
    canRetry(failure, { method: request.method, keyed: request.keyed, methods: retry.methods });
  if (!allowed) return undefined;
  let delay: number;
  // The response's wait, else the catalog's default for the entry (what its server would send).
  const retryAfter = failure.retryAfter ?? failure.catalogRetryAfter;
  if (typeof retryAfter === 'number' && retryAfter >= 0) {
    // The server's wait is honoured exactly: no jitter below it, and none added on top.
    delay = retryAfter * 1000;
    if (delay > retry.maxRetryAfter) return undefined;
  } else {
    const base = failure.throttling === true ? retry.throttlingBaseDelay : retry.baseDelay;
    delay = fullJitter(attempt, base, retry.maxDelay);
  }
  return Date.now() + delay < deadline ? delay : undefined;
}

/**
 * Sends a prepared request until it succeeds or its failure must surface: the retry loop. Each
 * attempt has its own timeout, the caller's signal and the total deadline cut any attempt or wait
 * short, and a retry happens only when the policy allows it and the budget pays for it.
 *
 * @example
 * ```ts
 * const response = await sendWithRetry(prepareRequest('GET', '/orders/o-1', {}, defaults, retry), context);
 * ```
 */
export async function sendWithRetry(
  request: PreparedRequest,
  context: SendContext,
): Promise<ClientResponse<unknown>> {
  const retry = request.retry;
  const deadline = Date.now() + retry.totalTimeout;
  let refund = 0;
  for (let attempt = 1; ; attempt++) {
    if (request.signal?.aborted) throw abortedFailure(request, request.signal.reason);
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw timeoutFailure(request, retry.totalTimeout, 'total');
    const cutByDeadline = remaining < request.timeout;
    const guard = attemptSignal(request.signal, Math.min(request.timeout, remaining));
    let failure: Failure;
    let kind: FailureKind = 'transient';
    try {
      // Called unbound: a browser's fetch throws "Illegal invocation" when `this` is another object.
      const fetch = context.fetch;
      const response = await fetch(request.target, {
        ...request.init,
        method: request.method,
        headers: request.headers,
        body: request.body ?? null,
        signal: guard.signal,
      });
      if (response.status < 400) {
        const data = await readSuccess(response, request);
        retry.budget?.deposit(refund);
        return { ok: true, data, status: response.status, headers: response.headers };
      }
      failure = (await decodeError(response, {
        catalog: context.catalog,
        maxBytes: context.maxErrorBytes,
      })) as Failure;
    } catch (error) {
      const why = guard.reason();
      if (why === 'abort') throw abortedFailure(request, request.signal?.reason);
      if (isClientFailure(error, 'ERRCAT_DECODE_FAILED')) throw error;
      if (why === 'timeout') {
        if (cutByDeadline) throw timeoutFailure(request, retry.totalTimeout, 'total');
        failure = timeoutFailure(request, request.timeout, 'attempt');
        kind = 'timeout';
      } else {
        failure = networkFailure(request, error);
      }
    } finally {
      guard.dispose();
    }
    const delay = nextDelay(failure, attempt, request, deadline);
    if (delay === undefined) throw failure;
    const cost = retry.budget ? retry.budget.withdraw(kind) : 0;
    if (cost === undefined) throw failure;
    refund = cost;
    await retry.onRetry?.({
      attempt: attempt + 1,
      delay,
      error: failure,
      method: request.method,
      url: request.url,
    });
    if (!(await sleep(delay, request.signal))) throw abortedFailure(request, request.signal?.reason);
  }
}

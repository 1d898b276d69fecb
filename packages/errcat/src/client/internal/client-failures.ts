import type { ClientFailure } from '../client-options.js';
import { clientFailure } from './client-failure-entry.js';

/** Network errors raised before a connection exists: the server cannot have seen the request. */
const NOT_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * What a request is called in errors: method and URL without the query (it may hold secrets).
 *
 * @example
 * ```ts
 * const label: RequestLabel = { method: 'GET', url: labelUrl(new URL(href)) };
 * ```
 */
export interface RequestLabel {
  readonly method: string;
  readonly url: string;
}

/**
 * The URL shown in errors: origin and path only.
 *
 * @example
 * ```ts
 * labelUrl(new URL('https://api.example.com/orders/1?token=s')); // 'https://api.example.com/orders/1'
 * ```
 */
export function labelUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/** The first `code` down the cause chain (`ECONNREFUSED`), and the innermost message. */
function causeOf(error: unknown): { code: string | undefined; message: string } {
  let message = error instanceof Error ? error.message : String(error);
  for (
    let current = error, depth = 0;
    typeof current === 'object' && current !== null && depth < 4;
    depth++
  ) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') return { code, message };
    if (current instanceof Error && current.message !== '') message = current.message;
    current = (current as { cause?: unknown }).cause;
  }
  return { code: undefined, message };
}

/**
 * `ERRCAT_NETWORK_ERROR` for a fetch that failed without a response.
 *
 * @example
 * ```ts
 * networkFailure({ method: 'GET', url: 'https://api.example.com/o' }, new TypeError('fetch failed')).code; // 'ERRCAT_NETWORK_ERROR'
 * ```
 */
export function networkFailure(label: RequestLabel, error: unknown): ClientFailure {
  const { code, message } = causeOf(error);
  return clientFailure(
    'ERRCAT_NETWORK_ERROR',
    {
      method: label.method,
      url: label.url,
      reason: (code ?? message).slice(0, 200),
      notApplied: code !== undefined && NOT_CONNECTED.has(code),
    },
    error,
  );
}

/**
 * `ERRCAT_TIMEOUT` for an attempt (or the whole request) that ran out of time.
 *
 * @example
 * ```ts
 * throw timeoutFailure(label, 5_000, 'attempt'); // ERRCAT_TIMEOUT
 * ```
 */
export function timeoutFailure(
  label: RequestLabel,
  timeout: number,
  scope: 'attempt' | 'total',
): ClientFailure {
  return clientFailure('ERRCAT_TIMEOUT', { method: label.method, url: label.url, timeout, scope });
}

/**
 * `ERRCAT_ABORTED` for a request the caller cancelled.
 *
 * @example
 * ```ts
 * throw abortedFailure(label, signal.reason); // ERRCAT_ABORTED
 * ```
 */
export function abortedFailure(label: RequestLabel, reason: unknown): ClientFailure {
  return clientFailure('ERRCAT_ABORTED', { method: label.method, url: label.url }, reason);
}

/**
 * `ERRCAT_DECODE_FAILED` for a success body that is not what it claims to be.
 *
 * @example
 * ```ts
 * throw decodeFailure(label, 200, 'the body is not JSON'); // ERRCAT_DECODE_FAILED
 * ```
 */
export function decodeFailure(label: RequestLabel, status: number, reason: string): ClientFailure {
  return clientFailure('ERRCAT_DECODE_FAILED', { method: label.method, url: label.url, status, reason });
}

import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { CompletionListener } from './domain/operations.js';
import { listenerUrlProblem } from './outbound/listener-url-problem.js';
import { publicOnlyLookup } from './outbound/public-only-lookup.js';

/**
 * Options of {@link createNotifier}.
 *
 * @example
 * ```ts
 * createNotifier({ timeout: 2000, onFailure: (url, reason) => console.warn(url, reason) });
 * ```
 */
export interface NotifierOptions {
  /** Milliseconds one notification may take. @default 5000 */
  readonly timeout?: number;
  /** Told about each notification that failed (a refused connection, a non-2xx answer, a timeout). @default ignore */
  readonly onFailure?: (url: string, reason: unknown) => void;
  /**
   * Send to loopback, private and link-local addresses too: for a listener on the same machine in
   * development and tests, never for a service that strangers can subscribe to. @default false
   */
  readonly allowNonPublic?: boolean;
  /** Resolves listener host names (its answers are checked unless `allowNonPublic`). @default dns.lookup */
  readonly lookup?: LookupFunction;
}

/**
 * Notifies the subscribers of a completed promise: one `POST <url>` each with
 * `{ "subscriptionId", "promise" }` as JSON, sent after the completion was committed, once, without
 * waiting for the answer (delivery is best effort: a subscriber that misses it reads the promise).
 * A listener whose host is, or resolves to, a non-public address is not contacted, and redirects
 * are not followed (a 3xx answer is a failed notification), so a subscription cannot make the
 * service reach into its own network.
 *
 * @example
 * ```ts
 * const operations = createOperations({ db, catalog, onComplete: createNotifier({ timeout: 2000 }) });
 * ```
 */
export function createNotifier(options: NotifierOptions = {}): CompletionListener {
  const timeout = options.timeout ?? 5000;
  const fail = options.onFailure ?? (() => undefined);
  const allowNonPublic = options.allowNonPublic === true;
  const lookup = allowNonPublic ? options.lookup : publicOnlyLookup(options.lookup);
  return (promise, subscriptions) => {
    for (const { id, url } of subscriptions) {
      const problem = allowNonPublic ? undefined : listenerUrlProblem(url);
      if (problem !== undefined) {
        fail(url, new Error(`not sent: ${problem}`));
        continue;
      }
      const send = url.startsWith('https:') ? httpsRequest : httpRequest;
      const outgoing = send(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        signal: AbortSignal.timeout(timeout),
        ...(lookup && { lookup }),
      });
      outgoing.on('response', (response) => {
        response.resume();
        const status = response.statusCode ?? 0;
        if (status < 200 || status > 299) fail(url, new Error(`HTTP ${status}`));
      });
      outgoing.on('error', (error) => fail(url, error));
      outgoing.end(JSON.stringify({ subscriptionId: id, promise }));
    }
  };
}

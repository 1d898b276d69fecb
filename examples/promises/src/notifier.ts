import type { CompletionListener } from './domain/operations.js';

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
}

/**
 * Notifies the subscribers of a completed promise: one `POST <url>` each with
 * `{ "subscriptionId", "promise" }` as JSON, sent after the completion was committed, once, without
 * waiting for the answer (delivery is best effort: a subscriber that misses it reads the promise).
 *
 * @example
 * ```ts
 * const operations = createOperations({ db, catalog, onComplete: createNotifier({ timeout: 2000 }) });
 * ```
 */
export function createNotifier(options: NotifierOptions = {}): CompletionListener {
  const timeout = options.timeout ?? 5000;
  const fail = options.onFailure ?? (() => undefined);
  return (promise, subscriptions) => {
    for (const subscription of subscriptions) {
      fetch(subscription.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ subscriptionId: subscription.id, promise }),
        signal: AbortSignal.timeout(timeout),
      }).then(
        async (response) => {
          await response.body?.cancel();
          if (!response.ok) fail(subscription.url, new Error(`HTTP ${response.status}`));
        },
        (error: unknown) => fail(subscription.url, error),
      );
    }
  };
}

/**
 * Which listeners a promise may have: rules that keep subscriptions from turning the service
 * into a proxy into its own network or a fan-out amplifier.
 *
 * @example
 * ```ts
 * createOperations({ db, catalog, subscriptions: { maxPerPromise: 5 } });
 * ```
 */
export interface SubscriptionRules {
  /**
   * Accept listener URLs on loopback, private and link-local addresses (and send to them): for
   * development and tests on one machine, never for a service strangers can subscribe to.
   * @default false
   */
  readonly allowNonPublic?: boolean;
  /** The most subscriptions one promise may have; more get 4223. @default 10 */
  readonly maxPerPromise?: number;
}

/**
 * The default of {@link SubscriptionRules.maxPerPromise}.
 *
 * @example
 * ```ts
 * const limit = rules.maxPerPromise ?? MAX_SUBSCRIPTIONS_PER_PROMISE;
 * ```
 */
export const MAX_SUBSCRIPTIONS_PER_PROMISE = 10;

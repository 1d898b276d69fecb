/**
 * The scenarios every shared idempotency store runs over real HTTP: 200 concurrent requests with
 * one key in one process, the same spread over 4 processes, and a process killed mid-request.
 */
import type { IdempotencyStore } from 'errcat/adapter';
import { expect, it } from 'vitest';
import { burst, startOrderApp } from './idempotency-app.js';
import { crashScenario, multiProcessBurst } from './idempotency-processes.js';
import type { StoreKind } from './idempotency-stores.js';

/** What the scenarios need to know about the store under test. */
export interface SharedStoreScenarioOptions {
  /** The store kind the child processes open. */
  readonly kind: StoreKind;
  /** The file or URL the child processes open; read when the test runs. */
  readonly target: (scenario: 'spread' | 'crash') => string;
  /** A store for the in-process server; closed with it. */
  readonly store: () => IdempotencyStore;
}

/**
 * Registers the shared-store scenarios with vitest.
 *
 * @example
 * ```ts
 * sharedStoreScenarios({ kind: 'redis', target: () => redis.url, store: () => redisIdempotencyStore({ client }) });
 * ```
 */
export function sharedStoreScenarios(options: SharedStoreScenarioOptions): void {
  it('runs the handler once for 200 concurrent requests with one key (HTTP)', async () => {
    const app = await startOrderApp({ guard: { store: options.store() }, delayMs: 50 });
    try {
      const tally = await burst(app.url, 200, `"${crypto.randomUUID()}"`, { sku: 'A1' });
      expect(tally.other).toEqual([]);
      expect(tally.created).toBe(1);
      expect(tally.created + tally.replayed + tally.inProgress).toBe(200);
      expect(app.runs()).toBe(1);
    } finally {
      await app.close();
    }
  });

  it('runs the handler once for 200 requests with one key spread over 4 processes', async () => {
    const { tally, handlerRuns } = await multiProcessBurst(options.kind, options.target('spread'), 4, 200);
    expect(tally.other).toEqual([]);
    expect([tally.created, handlerRuns]).toEqual([1, 1]);
    expect(tally.created + tally.replayed + tally.inProgress).toBe(200);
  });

  it('frees the key of a server killed mid-request after its lease, and loses no answer', async () => {
    const outcome = await crashScenario(options.kind, options.target('crash'), 2);
    expect(outcome).toMatchObject({
      retryDuringLease: 409,
      recoveredStatus: 201,
      recoveredReplayed: false,
      survivorRuns: 1,
      afterwards: [201, 'true'],
    });
  });
}

import { describe, expect, it } from 'vitest';
import type { IdempotencyStore } from '../guards/idempotency/idempotency-store.js';
import { memoryIdempotencyStore } from '../guards/idempotency/memory-idempotency-store.js';
import { storeConformance } from './store-conformance.js';

/** Runs the suite on a store and returns the names of the cases that failed, with their codes. */
async function failures(create: (now: () => number) => IdempotencyStore): Promise<Map<string, string>> {
  let clock = 0;
  const failed = new Map<string, string>();
  const cases = storeConformance({
    create: () => create(() => clock),
    sleep: async (ms) => {
      clock += ms;
    },
  });
  for (const testCase of cases) {
    await testCase.run().catch((error: { code?: string }) => failed.set(testCase.name, String(error.code)));
  }
  return failed;
}

describe('storeConformance', () => {
  it('registers every case with the runner and passes a correct store', async () => {
    const names: string[] = [];
    storeConformance({ create: () => memoryIdempotencyStore(), test: (name) => names.push(name) });
    expect(names.length).toBeGreaterThanOrEqual(10);
    expect(await failures((now) => memoryIdempotencyStore({ now }))).toEqual(new Map());
  });

  it('catches a store whose claims are not atomic (a read, an await, then a write)', async () => {
    const racy = (now: () => number): IdempotencyStore => {
      const inner = memoryIdempotencyStore({ now });
      return {
        ...inner,
        async claim(key, claim) {
          const existing = await inner.get(key);
          await new Promise((resolve) => setTimeout(resolve, 1));
          if (existing) return { claimed: false, record: existing };
          inner.claim(key, claim);
          return { claimed: true };
        },
      };
    };
    const failed = await failures(racy);
    expect(failed.get('lets exactly one of many concurrent claims of a key win')).toBe(
      'ERRCAT_STORE_NONCONFORMANT',
    );
  });

  it('catches a store that ignores tokens, and one whose leases never lapse', async () => {
    const careless = (now: () => number): IdempotencyStore => {
      const inner = memoryIdempotencyStore({ now });
      return { ...inner, release: (key) => inner.release(key, 'holder') || true };
    };
    expect([...(await failures(careless)).keys()]).toContain(
      'lets only the holder of a live claim renew, complete or release it',
    );
    const immortal = (now: () => number): IdempotencyStore => {
      const inner = memoryIdempotencyStore({ now });
      return { ...inner, claim: (key, claim) => inner.claim(key, { ...claim, leaseMs: 3_600_000 }) };
    };
    expect([...(await failures(immortal)).keys()]).toContain(
      'frees a key whose lease lapsed (a crashed holder), and the old holder can no longer act',
    );
  });
});

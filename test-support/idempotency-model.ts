/**
 * A model-based test (fast-check `fc.commands`) of an idempotency store as a state machine: random
 * sequences of claim, renew, complete, release, get and clock moves run against the store and
 * against a small model, and every answer must match. Its invariant: a claim succeeds only when
 * the key holds no live record, so the handler of a key runs at most once per record lifetime.
 */

import type { IdempotencyStore } from 'errcat/adapter';
import fc from 'fast-check';

interface ModelEntry {
  token: string | undefined;
  fingerprint: string;
  completed: number | undefined;
  expiresAt: number;
}

interface Model {
  now: number;
  entries: Map<string, ModelEntry>;
  /** Claims that succeeded while the key held a live record: must stay 0. */
  doubleRuns: number;
}

interface Real {
  readonly store: IdempotencyStore;
  readonly advance: (ms: number) => void;
}

type StoreCommand = fc.AsyncCommand<Model, Real>;

const KEYS = ['k0', 'k1', 'k2'];
const TOKENS = ['t0', 't1', 't2', 't3'];

function live(model: Model, key: string): ModelEntry | undefined {
  const entry = model.entries.get(key);
  return entry !== undefined && entry.expiresAt > model.now ? entry : undefined;
}

function held(model: Model, key: string, token: string): ModelEntry | undefined {
  const entry = live(model, key);
  return entry?.completed === undefined && entry?.token === token ? entry : undefined;
}

function fail(message: string): never {
  throw new Error(message);
}

const body = (status: number) => ({
  status,
  headers: { 'content-type': 'text/plain' },
  body: new Uint8Array([status % 256]),
});

const commands: fc.Arbitrary<StoreCommand>[] = [
  fc
    .record({
      key: fc.constantFrom(...KEYS),
      token: fc.constantFrom(...TOKENS),
      fp: fc.constantFrom('a', 'b'),
      lease: fc.integer({ min: 1, max: 50 }),
    })
    .map(({ key, token, fp, lease }) => ({
      check: () => true,
      async run(model, real) {
        const before = live(model, key);
        const result = await real.store.claim(key, { fingerprint: fp, token, leaseMs: lease });
        if (result.claimed) {
          if (before !== undefined) model.doubleRuns++;
          model.entries.set(key, {
            token,
            fingerprint: fp,
            completed: undefined,
            expiresAt: model.now + lease,
          });
          return;
        }
        if (before === undefined) fail(`claim(${key}) refused a free key`);
        const state = before.completed === undefined ? 'running' : 'completed';
        if (result.record.state !== state || result.record.fingerprint !== before.fingerprint) {
          fail(
            `claim(${key}) saw ${result.record.state}/${result.record.fingerprint}, model ${state}/${before.fingerprint}`,
          );
        }
      },
      toString: () => `claim(${key}, ${token}, ${fp}, ${lease})`,
    })),
  fc
    .record({
      key: fc.constantFrom(...KEYS),
      token: fc.constantFrom(...TOKENS),
      lease: fc.integer({ min: 1, max: 50 }),
    })
    .map(({ key, token, lease }) => ({
      check: () => true,
      async run(model, real) {
        const entry = held(model, key, token);
        const renewed = await real.store.renew(key, token, lease);
        if (renewed !== (entry !== undefined)) fail(`renew(${key}, ${token}) = ${renewed}`);
        if (entry) entry.expiresAt = model.now + lease;
      },
      toString: () => `renew(${key}, ${token}, ${lease})`,
    })),
  fc
    .record({
      key: fc.constantFrom(...KEYS),
      token: fc.constantFrom(...TOKENS),
      ttl: fc.integer({ min: 1, max: 80 }),
      status: fc.constantFrom(200, 201, 500),
    })
    .map(({ key, token, ttl, status }) => ({
      check: () => true,
      async run(model, real) {
        const entry = held(model, key, token);
        const done = await real.store.complete(key, token, body(status), ttl);
        if (done !== (entry !== undefined)) fail(`complete(${key}, ${token}) = ${done}`);
        if (entry) Object.assign(entry, { token: undefined, completed: status, expiresAt: model.now + ttl });
      },
      toString: () => `complete(${key}, ${token}, ${ttl}, ${status})`,
    })),
  fc.record({ key: fc.constantFrom(...KEYS), token: fc.constantFrom(...TOKENS) }).map(({ key, token }) => ({
    check: () => true,
    async run(model, real) {
      const entry = held(model, key, token);
      const released = await real.store.release(key, token);
      if (released !== (entry !== undefined)) fail(`release(${key}, ${token}) = ${released}`);
      if (entry) model.entries.delete(key);
    },
    toString: () => `release(${key}, ${token})`,
  })),
  fc.constantFrom(...KEYS).map((key) => ({
    check: () => true,
    async run(model, real) {
      const entry = live(model, key);
      const record = await real.store.get(key);
      const expected =
        entry === undefined
          ? 'none'
          : entry.completed === undefined
            ? 'running'
            : `completed ${entry.completed}`;
      const actual =
        record === undefined
          ? 'none'
          : record.state === 'running'
            ? 'running'
            : `completed ${record.response.status}`;
      if (actual !== expected) fail(`get(${key}) = ${actual}, model ${expected}`);
    },
    toString: () => `get(${key})`,
  })),
  fc.integer({ min: 1, max: 60 }).map((ms) => ({
    check: () => true,
    async run(model, real) {
      model.now += ms;
      real.advance(ms);
    },
    toString: () => `advance(${ms})`,
  })),
];

/**
 * Checks a store against the model over random command sequences. `create` gets the clock the
 * store must use (milliseconds) and returns a fresh, empty store.
 *
 * @example
 * ```ts
 * it('matches the model', () => checkStoreModel((now) => memoryIdempotencyStore({ now })));
 * ```
 */
export async function checkStoreModel(
  create: (now: () => number) => IdempotencyStore | Promise<IdempotencyStore>,
  numRuns = 100,
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.commands(commands, { size: '+1' }), async (sequence) => {
      let clock = 1_000_000;
      const store = await create(() => clock);
      const model: Model = { now: clock, entries: new Map(), doubleRuns: 0 };
      try {
        await fc.asyncModelRun(() => ({ model, real: { store, advance: (ms) => (clock += ms) } }), sequence);
      } finally {
        await store.close?.();
      }
      if (model.doubleRuns > 0) fail(`${model.doubleRuns} claims succeeded over a live record`);
    }),
    { numRuns },
  );
}

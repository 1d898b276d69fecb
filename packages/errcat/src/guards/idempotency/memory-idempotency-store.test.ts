import { describe, expect, it } from 'vitest';
import { checkStoreModel } from '../../../../../test-support/idempotency-model.js';
import { storeConformance } from '../../testing/store-conformance.js';
import { memoryIdempotencyStore } from './memory-idempotency-store.js';

describe('memoryIdempotencyStore', () => {
  describe('passes the store conformance suite (fake clock)', () => {
    let clock = 0;
    storeConformance({
      create: () => memoryIdempotencyStore({ now: () => clock }),
      sleep: async (ms) => {
        clock += ms;
      },
      test: it,
    });
  });

  it('behaves as the store state machine model says: a claim wins only over no live record (fc.commands)', async () => {
    await checkStoreModel((now) => memoryIdempotencyStore({ now }));
  });

  it('sweeps lapsed records, then drops the oldest completed ones, never a running one, when full', async () => {
    let clock = 0;
    const store = memoryIdempotencyStore({ maxKeys: 3, now: () => clock });
    store.claim('running', { fingerprint: 'r', token: 'r', leaseMs: 60_000 });
    store.claim('done-1', { fingerprint: 'd1', token: 'd1', leaseMs: 60_000 });
    store.complete('done-1', 'd1', { status: 200, headers: {}, body: new Uint8Array() }, 60_000);
    store.claim('lapsing', { fingerprint: 'l', token: 'l', leaseMs: 10 });
    clock += 20;
    // Full: the lapsed claim goes first, and that makes room.
    expect(store.claim('new-1', { fingerprint: 'n1', token: 'n1', leaseMs: 60_000 })).toEqual({
      claimed: true,
    });
    expect((await store.get('done-1'))?.state).toBe('completed');
    // Full again with nothing lapsed: the oldest completed record goes, the running ones stay.
    expect(store.claim('new-2', { fingerprint: 'n2', token: 'n2', leaseMs: 60_000 })).toEqual({
      claimed: true,
    });
    expect(await store.get('done-1')).toBeUndefined();
    expect((await store.get('running'))?.state).toBe('running');
    expect((await store.get('new-1'))?.state).toBe('running');
  });

  it('copies a stored body, so a reused buffer cannot change a replay', async () => {
    const store = memoryIdempotencyStore();
    const body = new Uint8Array([1, 2, 3]);
    store.claim('k', { fingerprint: 'f', token: 't', leaseMs: 1000 });
    store.complete('k', 't', { status: 200, headers: {}, body }, 1000);
    body.fill(0);
    const record = await store.get('k');
    expect(record?.state === 'completed' && [...record.response.body]).toEqual([1, 2, 3]);
  });

  it('frees 1/64 of a full store at once, oldest completed first, so the next new keys sweep nothing', async () => {
    const store = memoryIdempotencyStore({ maxKeys: 128 });
    const done = { status: 200, headers: {}, body: new Uint8Array() };
    for (let index = 0; index < 128; index++) {
      store.claim(`k${index}`, { fingerprint: 'f', token: 't', leaseMs: 60_000 });
      store.complete(`k${index}`, 't', done, 60_000);
    }
    store.claim('new-1', { fingerprint: 'f', token: 't', leaseMs: 60_000 });
    // 128 / 64 = 2 keys of room beyond the one the claim takes: k0, k1 and k2 go.
    const kept = async (key: string) => (await store.get(key)) !== undefined;
    expect([await kept('k0'), await kept('k1'), await kept('k2'), await kept('k3')]).toEqual([
      false,
      false,
      false,
      true,
    ]);
    store.claim('new-2', { fingerprint: 'f', token: 't', leaseMs: 60_000 });
    store.claim('new-3', { fingerprint: 'f', token: 't', leaseMs: 60_000 });
    expect(await kept('k3')).toBe(true);
    store.claim('new-4', { fingerprint: 'f', token: 't', leaseMs: 60_000 });
    expect(await kept('k3')).toBe(false);
  });

  it('refuses a maxKeys that is not a positive integer', () => {
    expect(() => memoryIdempotencyStore({ maxKeys: 0 })).toThrow(/maxKeys/);
  });
});

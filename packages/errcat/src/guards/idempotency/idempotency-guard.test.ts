import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CatalogError } from '../../catalog-error.js';
import { defineCatalog } from '../../define-catalog.js';
import {
  createIdempotencyGuard,
  IDEMPOTENT_REPLAYED_HEADER,
  type IdempotencyGuardOptions,
  type IdempotentRequest,
} from './idempotency-guard.js';
import type { IdempotencyStore, StoredResponse } from './idempotency-store.js';
import { memoryIdempotencyStore } from './memory-idempotency-store.js';

const KEY = '"8e03978e-40d5-43e8-bc93-6894a57f9324"';
const post = (overrides: Partial<IdempotentRequest> = {}): IdempotentRequest => ({
  method: 'POST',
  path: '/orders',
  body: { sku: 'A1', qty: 2 },
  key: KEY,
  ...overrides,
});
const created: StoredResponse = {
  status: 201,
  headers: { 'content-type': 'application/json', location: '/orders/o1' },
  body: new TextEncoder().encode('{"id":"o1"}'),
};

async function refusal(promise: Promise<unknown>): Promise<CatalogError> {
  try {
    await promise;
  } catch (error) {
    return error as CatalogError;
  }
  throw new Error('expected a refusal');
}

/** A store that counts claims, to prove refused requests never reach it. */
function countingStore(
  inner: IdempotencyStore = memoryIdempotencyStore(),
): IdempotencyStore & { claims: number } {
  const store = {
    ...inner,
    claims: 0,
    claim(key: string, claim: Parameters<IdempotencyStore['claim']>[1]) {
      store.claims++;
      return inner.claim(key, claim);
    },
  };
  return store;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createIdempotencyGuard', () => {
  it('runs the first request, then replays its response byte for byte, marked as a replay', async () => {
    const guard = createIdempotencyGuard();
    const first = await guard.begin(post());
    expect(first.kind).toBe('claimed');
    if (first.kind !== 'claimed') return;
    expect(
      await first.complete({
        ...created,
        headers: { ...created.headers, date: 'x', 'Content-Length': '11' },
      }),
    ).toBe(true);
    for (let attempt = 0; attempt < 3; attempt++) {
      const again = await guard.begin(post({ body: { qty: 2, sku: 'A1' } }));
      expect(again).toEqual({
        kind: 'replay',
        response: { ...created, headers: { ...created.headers, [IDEMPOTENT_REPLAYED_HEADER]: 'true' } },
      });
    }
  });

  it('replays a stored 5xx like any final response (Stripe)', async () => {
    const guard = createIdempotencyGuard();
    const first = await guard.begin(post());
    if (first.kind !== 'claimed') throw new Error('not claimed');
    await first.complete({ status: 500, headers: {}, body: new Uint8Array([1]) });
    const again = await guard.begin(post());
    expect(again.kind === 'replay' && again.response.status).toBe(500);
  });

  it('answers a repeat while the first runs with a retryable 409 carrying Retry-After', async () => {
    const guard = createIdempotencyGuard({ retryAfter: 2 });
    await guard.begin(post());
    const error = await refusal(guard.begin(post()));
    expect(error.key).toBe('IDEMPOTENCY_IN_PROGRESS');
    expect(error.status).toBe(409);
    expect(error.retryable).toBe(true);
    expect(error.notApplied).toBe(true);
    expect(error.headers).toMatchObject({ 'retry-after': '2', 'cache-control': 'no-store' });
  });

  it('answers the same key with another body, path or method with a 422, running or completed', async () => {
    const guard = createIdempotencyGuard({ methods: ['POST', 'PATCH'] });
    const first = await guard.begin(post());
    const whileRunning = await refusal(guard.begin(post({ body: { sku: 'A1', qty: 3 } })));
    expect([whileRunning.key, whileRunning.status]).toEqual(['IDEMPOTENCY_KEY_REUSED', 422]);
    if (first.kind === 'claimed') await first.complete(created);
    for (const other of [{ body: { sku: 'A1', qty: 3 } }, { path: '/orders?dry=1' }, { method: 'PATCH' }]) {
      expect((await refusal(guard.begin(post(other)))).key).toBe('IDEMPOTENCY_KEY_REUSED');
    }
  });

  it('keeps callers apart: the same key in two scopes runs twice, never replays across', async () => {
    const guard = createIdempotencyGuard();
    const alice = await guard.begin(post({ scope: 'alice' }));
    const bob = await guard.begin(post({ scope: 'bob' }));
    expect([alice.kind, bob.kind]).toEqual(['claimed', 'claimed']);
    const anonymous = await guard.begin(post());
    expect(anonymous.kind).toBe('claimed');
  });

  it('ignores the header on methods it does not cover', async () => {
    const guard = createIdempotencyGuard({ required: true });
    for (const method of ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']) {
      expect(await guard.begin(post({ method }))).toEqual({ kind: 'unguarded' });
      expect(await guard.begin(post({ method, key: 'x' }))).toEqual({ kind: 'unguarded' });
    }
    expect(guard.covers('post')).toBe(true);
    expect(guard.covers('GET')).toBe(false);
    expect(guard.covers(undefined)).toBe(false);
  });

  it('runs a request without a key unguarded, or refuses it with a 400 where a key is required', async () => {
    const optional = createIdempotencyGuard();
    expect(await optional.begin(post({ key: undefined }))).toEqual({ kind: 'unguarded' });
    const routeRequires = await refusal(optional.begin(post({ key: undefined, required: true })));
    expect([routeRequires.key, routeRequires.status]).toEqual(['IDEMPOTENCY_KEY_MISSING', 400]);
    const required = createIdempotencyGuard({ required: true });
    expect((await refusal(required.begin(post({ key: undefined })))).key).toBe('IDEMPOTENCY_KEY_MISSING');
    expect(await required.begin(post({ key: undefined, required: false }))).toEqual({ kind: 'unguarded' });
  });

  it('refuses malformed keys with a 400 before touching the store, without echoing the key', async () => {
    const store = countingStore();
    const guard = createIdempotencyGuard({ store });
    for (const key of ['""', `"${'k'.repeat(256)}"`, '"8e03978e-40d5-43e8\r\nx-evil: 1"', [KEY, KEY]]) {
      const error = await refusal(guard.begin(post({ key })));
      expect([error.key, error.status]).toEqual(['IDEMPOTENCY_KEY_INVALID', 400]);
      expect(JSON.stringify(error.toJSON())).not.toContain('x-evil');
      expect(error.message).not.toContain('kkkk');
    }
    expect(store.claims).toBe(0);
  });

  it('accepts an ordinary short key by default, and refuses keys under minKeyLength when it is set', async () => {
    expect((await createIdempotencyGuard().begin(post({ key: 'order-42' }))).kind).toBe('claimed');
    const store = countingStore();
    const strict = createIdempotencyGuard({ store, minKeyLength: 16 });
    const error = await refusal(strict.begin(post({ key: 'order-42' })));
    expect([error.key, error.status]).toEqual(['IDEMPOTENCY_KEY_INVALID', 400]);
    expect(error.message).toContain('shorter than 16 characters');
    expect(store.claims).toBe(0);
  });

  it('frees an abandoned key at once: a request rejected after its claim stores nothing', async () => {
    const guard = createIdempotencyGuard();
    const first = await guard.begin(post());
    if (first.kind !== 'claimed') throw new Error('not claimed');
    await first.abandon();
    expect((await guard.begin(post({ body: { other: true } }))).kind).toBe('claimed');
  });

  it('settles a claim once: a second complete or an abandon after complete changes nothing', async () => {
    const guard = createIdempotencyGuard();
    const first = await guard.begin(post());
    if (first.kind !== 'claimed') throw new Error('not claimed');
    expect(await first.complete(created)).toBe(true);
    expect(await first.complete({ ...created, status: 500 })).toBe(false);
    await first.abandon();
    const again = await guard.begin(post());
    expect(again.kind === 'replay' && again.response.status).toBe(201);
  });

  it('frees a crashed request’s key after the lease, and forgets completed keys after the TTL', async () => {
    let clock = 0;
    const guard = createIdempotencyGuard({
      store: memoryIdempotencyStore({ now: () => clock }),
      lease: 30,
      ttl: 86_400,
    });
    // The holder "crashes": it never completes, and in this test nothing renews its lease.
    await guard.begin(post());
    clock += 29_999;
    expect((await refusal(guard.begin(post()))).key).toBe('IDEMPOTENCY_IN_PROGRESS');
    clock += 2;
    const retry = await guard.begin(post());
    if (retry.kind !== 'claimed') throw new Error('the key was not freed after its lease');
    await retry.complete(created);
    clock += 86_399_999;
    expect((await guard.begin(post())).kind).toBe('replay');
    clock += 1001;
    expect((await guard.begin(post())).kind).toBe('claimed');
  });

  it('renews the lease while the handler runs, so a slow handler keeps its key', async () => {
    vi.useFakeTimers();
    const guard = createIdempotencyGuard({ lease: 3 });
    const first = await guard.begin(post());
    await vi.advanceTimersByTimeAsync(60_000);
    expect((await refusal(guard.begin(post()))).key).toBe('IDEMPOTENCY_IN_PROGRESS');
    if (first.kind === 'claimed') await first.complete(created);
    expect((await guard.begin(post())).kind).toBe('replay');
  });

  it('lets a lapsed claim free its key after the lease, while a completion in time still stores', async () => {
    vi.useFakeTimers();
    const guard = createIdempotencyGuard({ lease: 3 });
    const first = await guard.begin(post());
    if (first.kind !== 'claimed') throw new Error('not claimed');
    first.lapse();
    await vi.advanceTimersByTimeAsync(2_000);
    expect((await refusal(guard.begin(post()))).key).toBe('IDEMPOTENCY_IN_PROGRESS');
    expect(await first.complete(created)).toBe(true);
    const second = await guard.begin(post({ key: '"another-key-0123456789"' }));
    if (second.kind !== 'claimed') throw new Error('not claimed');
    second.lapse();
    await vi.advanceTimersByTimeAsync(3_001);
    expect((await guard.begin(post({ key: '"another-key-0123456789"' }))).kind).toBe('claimed');
  });

  it('fails closed with a typed 503 when the store fails or hangs, or open when asked', async () => {
    const failures: string[] = [];
    const broken: IdempotencyStore = {
      ...memoryIdempotencyStore(),
      claim: () => Promise.reject(new Error('ECONNREFUSED')),
    };
    const hanging: IdempotencyStore = { ...memoryIdempotencyStore(), claim: () => new Promise(() => {}) };
    const onStoreFailure: IdempotencyGuardOptions['onStoreFailure'] = (_error, operation) => {
      failures.push(operation);
    };
    for (const store of [broken, hanging]) {
      const closed = createIdempotencyGuard({ store, timeout: 20, onStoreFailure });
      const error = await refusal(closed.begin(post()));
      expect([error.key, error.status, error.retryable]).toEqual([
        'IDEMPOTENCY_STORE_UNAVAILABLE',
        503,
        true,
      ]);
      expect(error.headers['retry-after']).toBe('5');
      const open = createIdempotencyGuard({ store, timeout: 20, failMode: 'open', onStoreFailure });
      expect(await open.begin(post())).toEqual({ kind: 'unguarded' });
    }
    expect(failures).toEqual(['claim', 'claim', 'claim', 'claim']);
  });

  it('reports a failed completion and resolves false instead of throwing', async () => {
    const failures: unknown[] = [];
    const store: IdempotencyStore = {
      ...memoryIdempotencyStore(),
      complete: () => Promise.reject(new Error('down')),
    };
    const guard = createIdempotencyGuard({ store, onStoreFailure: (error) => failures.push(error) });
    const first = await guard.begin(post());
    expect(first.kind === 'claimed' && (await first.complete(created))).toBe(false);
    expect(failures).toHaveLength(1);
  });

  it("speaks the user's catalog: an entry playing IDEMPOTENCY_IN_PROGRESS is raised instead", async () => {
    const catalog = defineCatalog({
      domain: 'api.example.com',
      errors: {
        DUPLICATE_IN_FLIGHT: {
          code: 4090,
          status: 409,
          message: 'A request with this key is in flight',
          role: 'IDEMPOTENCY_IN_PROGRESS',
          retryable: true,
        },
      },
    });
    const guard = createIdempotencyGuard({ catalog });
    await guard.begin(post());
    const error = await refusal(guard.begin(post()));
    expect([error.code, error.headers['retry-after']]).toEqual([4090, '1']);
  });

  it('stores only the headers that define the response', async () => {
    const guard = createIdempotencyGuard({ storeHeader: (name) => name !== 'x-trace' });
    const first = await guard.begin(post());
    if (first.kind !== 'claimed') throw new Error('not claimed');
    await first.complete({ ...created, headers: { 'X-Trace': 't1', 'Content-Type': 'text/plain' } });
    const again = await guard.begin(post());
    expect(again.kind === 'replay' && again.response.headers).toEqual({
      'content-type': 'text/plain',
      [IDEMPOTENT_REPLAYED_HEADER]: 'true',
    });
  });

  it('refuses options it cannot honour', () => {
    expect(() => createIdempotencyGuard({ ttl: 0 })).toThrow(/ttl/);
    expect(() => createIdempotencyGuard({ lease: -1 })).toThrow(/lease/);
    expect(() => createIdempotencyGuard({ timeout: Number.NaN })).toThrow(/timeout/);
    expect(() => createIdempotencyGuard({ minKeyLength: 256 })).toThrow(/minKeyLength/);
  });

  it('runs the handler exactly once under any interleaving of concurrent requests (fc.scheduler)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.integer({ min: 2, max: 12 }), async (s, requests) => {
        const inner = memoryIdempotencyStore();
        // Every store answer is delivered when the scheduler says, in any order.
        const store: IdempotencyStore = {
          claim: (key, claim) => s.schedule(Promise.resolve()).then(() => inner.claim(key, claim)),
          get: (key) => s.schedule(Promise.resolve()).then(() => inner.get(key)),
          renew: (key, token, lease) =>
            s.schedule(Promise.resolve()).then(() => inner.renew(key, token, lease)),
          complete: (key, token, response, ttl) =>
            s.schedule(Promise.resolve()).then(() => inner.complete(key, token, response, ttl)),
          release: (key, token) => s.schedule(Promise.resolve()).then(() => inner.release(key, token)),
        };
        const guard = createIdempotencyGuard({ store, timeout: 60_000 });
        let handlerRuns = 0;
        const outcomes = Array.from({ length: requests }, async () => {
          try {
            const start = await guard.begin(post());
            if (start.kind === 'claimed') {
              handlerRuns++;
              await start.complete(created);
              return 'ran';
            }
            return start.kind;
          } catch (error) {
            return (error as CatalogError).key;
          }
        });
        // Digests run outside the scheduler, so wait for the outcomes, releasing tasks as they come.
        const kinds = await s.waitFor(Promise.all(outcomes));
        expect(handlerRuns).toBe(1);
        expect(kinds.filter((kind) => !['ran', 'replay', 'IDEMPOTENCY_IN_PROGRESS'].includes(kind))).toEqual(
          [],
        );
      }),
    );
  });
});

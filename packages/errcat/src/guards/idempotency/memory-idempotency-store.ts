import { errcatErrors } from '../../errcat-catalog.js';
import type { IdempotencyRecord, IdempotencyStore, StoredResponse } from './idempotency-store.js';

/** Options of {@link memoryIdempotencyStore}. */
export interface MemoryIdempotencyStoreOptions {
  /**
   * The most keys kept. When full, lapsed records are swept; if that is not enough, the oldest
   * completed records are dropped early (a retry with such a key runs again), never a running one.
   * A full store frees 1/64 of `maxKeys` at a time, so that the sweep runs once per so many new
   * keys rather than on every one (a client sending a new key with each request would otherwise
   * make every claim scan the whole map).
   * @default 100000
   */
  readonly maxKeys?: number;
  /** The clock, in milliseconds. @default Date.now */
  readonly now?: () => number;
}

interface Entry {
  token: string | undefined;
  record: IdempotencyRecord;
  expiresAt: number;
}

/**
 * The in-process idempotency store: a bounded map, atomic because every operation is synchronous.
 * Records live as long as the process: a restart forgets them, and processes do not share them.
 * Use it for tests and single-process apps that can accept that; `@errcat/sqlite` keeps records on
 * disk, `@errcat/redis` and `@errcat/postgres` share them between processes.
 *
 * @example
 * ```ts
 * const guard = createIdempotencyGuard({ store: memoryIdempotencyStore({ maxKeys: 10_000 }) });
 * ```
 */
export function memoryIdempotencyStore(options: MemoryIdempotencyStoreOptions = {}): IdempotencyStore {
  const maxKeys = options.maxKeys ?? 100_000;
  if (!Number.isSafeInteger(maxKeys) || maxKeys < 1) {
    throw errcatErrors.ERRCAT_BAD_ARGUMENT({ reason: `maxKeys must be a positive integer, got ${maxKeys}` });
  }
  const now = options.now ?? Date.now;
  /** Keys a full store frees beyond the one a claim needs (1/64 of the bound, at least none). */
  const slack = Math.floor(maxKeys / 64);
  let entries = new Map<string, Entry>();

  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt > now()) return entry;
    entries.delete(key);
    return undefined;
  };
  const held = (key: string, token: string): Entry | undefined => {
    const entry = live(key);
    return entry?.record.state === 'running' && entry.token === token ? entry : undefined;
  };
  const makeRoom = (): void => {
    const time = now();
    for (const [key, entry] of entries) if (entry.expiresAt <= time) entries.delete(key);
    // Map order is insertion order: the first completed records are the oldest.
    for (const [key, entry] of entries) {
      if (entries.size < maxKeys - slack) return;
      if (entry.record.state === 'completed') entries.delete(key);
    }
  };

  return {
    claim(key, claim) {
      const entry = live(key);
      if (entry !== undefined) return { claimed: false, record: entry.record };
      if (entries.size >= maxKeys) makeRoom();
      entries.set(key, {
        token: claim.token,
        record: { state: 'running', fingerprint: claim.fingerprint },
        expiresAt: now() + claim.leaseMs,
      });
      return { claimed: true };
    },
    get: (key) => live(key)?.record,
    renew(key, token, leaseMs) {
      const entry = held(key, token);
      if (entry === undefined) return false;
      entry.expiresAt = now() + leaseMs;
      return true;
    },
    complete(key, token, response: StoredResponse, ttlMs) {
      const entry = held(key, token);
      if (entry === undefined) return false;
      // Insert anew so that Map order follows completion time, the order `makeRoom` drops in.
      entries.delete(key);
      entries.set(key, {
        token: undefined,
        record: {
          state: 'completed',
          fingerprint: entry.record.fingerprint,
          response: {
            status: response.status,
            headers: { ...response.headers },
            body: response.body.slice(),
          },
        },
        expiresAt: now() + ttlMs,
      });
      return true;
    },
    release(key, token) {
      if (held(key, token) === undefined) return false;
      entries.delete(key);
      return true;
    },
    close() {
      entries = new Map();
    },
  };
}

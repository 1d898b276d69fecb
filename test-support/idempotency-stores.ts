/**
 * Opens an idempotency store of a given kind on a test backend, for tests and for the child
 * processes they spawn and kill. Each store owns its connection, so `close()` ends it.
 */
import type { IdempotencyStore } from 'errcat/adapter';

/** The stores the idempotency tests run on. */
export type StoreKind = 'memory' | 'sqlite' | 'redis' | 'postgres';

/**
 * Opens a store. `target` is the SQLite file, the Redis URL or the PostgreSQL URL.
 *
 * @example
 * ```ts
 * const store = await openStore('redis', redis.url);
 * ```
 */
export async function openStore(kind: StoreKind, target = ''): Promise<IdempotencyStore> {
  if (kind === 'memory') {
    const { memoryIdempotencyStore } = await import('errcat/idempotency');
    return memoryIdempotencyStore();
  }
  if (kind === 'sqlite') {
    const [{ default: Database }, { sqliteIdempotencyStore }] = await Promise.all([
      import('better-sqlite3'),
      import('@errcat/sqlite'),
    ]);
    return sqliteIdempotencyStore({ database: new Database(target), closeDatabase: true });
  }
  if (kind === 'redis') {
    const [{ Redis }, { redisIdempotencyStore }] = await Promise.all([
      import('ioredis'),
      import('@errcat/redis'),
    ]);
    const client = new Redis(target, {
      enableOfflineQueue: true,
      maxRetriesPerRequest: 1,
      lazyConnect: false,
    });
    return redisIdempotencyStore({ client, closeClient: true });
  }
  const [{ default: pg }, { postgresIdempotencyStore }] = await Promise.all([
    import('pg'),
    import('@errcat/postgres'),
  ]);
  return postgresIdempotencyStore({
    pool: new pg.Pool({ connectionString: target, max: 10 }),
    closePool: true,
  });
}

/**
 * @errcat/postgres: errcat stores on PostgreSQL through pg. This entry only re-exports.
 * @packageDocumentation
 */
export {
  type PgQueryable,
  type PostgresIdempotencyStoreOptions,
  postgresIdempotencyStore,
} from './postgres-idempotency-store.js';

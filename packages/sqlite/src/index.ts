/**
 * @errcat/sqlite: errcat stores on SQLite through better-sqlite3. This entry only re-exports.
 * @packageDocumentation
 */
export {
  type SqliteDatabase,
  type SqliteIdempotencyStoreOptions,
  type SqliteStatement,
  sqliteIdempotencyStore,
} from './sqlite-idempotency-store.js';

/**
 * The tables of the service, for SQLite or PostgreSQL: they differ only in how the search position
 * (`sort_id`) counts up. JSON values are stored as text, times as epoch milliseconds.
 *
 * @example
 * ```ts
 * for (const statement of schemaStatements('sqlite')) db.exec(statement);
 * ```
 */
export function schemaStatements(dialect: 'sqlite' | 'postgres'): readonly string[] {
  const sortId = dialect === 'sqlite' ? 'INTEGER PRIMARY KEY AUTOINCREMENT' : 'BIGSERIAL PRIMARY KEY';
  return [
    `CREATE TABLE IF NOT EXISTS promises (
      sort_id ${sortId},
      id TEXT NOT NULL UNIQUE,
      state TEXT NOT NULL,
      param TEXT NOT NULL,
      value TEXT NOT NULL,
      timeout BIGINT NOT NULL,
      tags TEXT NOT NULL,
      created_on BIGINT NOT NULL,
      completed_on BIGINT
    )`,
    // The Idempotency-Key a promise was created with: the same id and key again finds the promise.
    `CREATE TABLE IF NOT EXISTS promise_create_keys (
      promise_id TEXT PRIMARY KEY,
      idempotency_key TEXT NOT NULL
    )`,
    `CREATE TABLE IF NOT EXISTS tasks (
      id TEXT PRIMARY KEY,
      state TEXT NOT NULL,
      counter BIGINT NOT NULL,
      process_id TEXT,
      expires_at BIGINT,
      created_on BIGINT NOT NULL,
      completed_on BIGINT
    )`,
    `CREATE TABLE IF NOT EXISTS subscriptions (
      id TEXT PRIMARY KEY,
      promise_id TEXT NOT NULL,
      url TEXT NOT NULL,
      created_on BIGINT NOT NULL
    )`,
    'CREATE INDEX IF NOT EXISTS subscriptions_by_promise ON subscriptions (promise_id)',
  ];
}

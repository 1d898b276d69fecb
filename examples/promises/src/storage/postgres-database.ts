import { postgresIdempotencyStore } from '@errcat/postgres';
import pg from 'pg';
import type { Database, Transaction } from './database.js';
import { schemaStatements } from './schema.js';
import { createSqlTransaction, type SqlExecutor } from './sql-transaction.js';

/**
 * Options of {@link openPostgresDatabase}.
 *
 * @example
 * ```ts
 * await openPostgresDatabase({ connectionString: 'postgres://localhost/promises', max: 20 });
 * ```
 */
export interface PostgresDatabaseOptions {
  /** A connection string, `postgres://user:password@host:port/database`. */
  readonly connectionString: string;
  /** The most connections the pool opens. @default 10 */
  readonly max?: number;
}

/** `?` parameters numbered for PostgreSQL; the service's statements have no `?` in literals. */
function numbered(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
}

/**
 * Connects to PostgreSQL with a node-postgres pool and creates the tables. Each transaction takes
 * a connection of the pool; a write transaction locks the rows it reads (`FOR UPDATE`).
 *
 * @example
 * ```ts
 * const db = await openPostgresDatabase({ connectionString: process.env.DATABASE_URL });
 * ```
 */
export async function openPostgresDatabase(options: PostgresDatabaseOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5000,
  });
  // An idle connection that breaks emits on the pool; the next query reports it to the caller.
  pool.on('error', () => undefined);
  for (const statement of schemaStatements('postgres')) await pool.query(statement);
  const transaction = async <T>(work: (tx: Transaction) => Promise<T>, write: boolean): Promise<T> => {
    const client = await pool.connect();
    const executor: SqlExecutor = {
      dialect: 'postgres',
      rows: async (sql, params) => (await client.query(numbered(sql), [...params])).rows,
      run: async (sql, params) => (await client.query(numbered(sql), [...params])).rowCount ?? 0,
    };
    let broken: unknown;
    try {
      await client.query(write ? 'BEGIN' : 'BEGIN READ ONLY');
      const result = await work(createSqlTransaction(executor, write));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollback: unknown) => {
        broken = rollback;
      });
      throw error;
    } finally {
      // A connection whose rollback failed is in an unknown state: the pool drops it.
      client.release(broken instanceof Error ? broken : undefined);
    }
  };
  return {
    kind: 'postgres',
    read: (work) => transaction(work, false),
    write: (work) => transaction(work, true),
    idempotencyStore: () => postgresIdempotencyStore({ pool }),
    close: () => pool.end(),
  };
}

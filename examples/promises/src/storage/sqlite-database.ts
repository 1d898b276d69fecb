import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { sqliteIdempotencyStore } from '@errcat/sqlite';
import BetterSqlite3 from 'better-sqlite3';
import { memoryIdempotencyStore } from 'errcat/idempotency';
import type { Database, Transaction } from './database.js';
import { schemaStatements } from './schema.js';
import { createSqlTransaction, type SqlExecutor } from './sql-transaction.js';

/**
 * Options of {@link openSqliteDatabase}.
 *
 * @example
 * ```ts
 * openSqliteDatabase({ file: '/var/lib/promises/promises.db', readonly: true });
 * ```
 */
export interface SqliteDatabaseOptions {
  /** The database file; created with its folder when missing (unless read-only). */
  readonly file: string;
  /** Open the file read-only: reads work, every write fails with `SQLITE_READONLY`. @default false */
  readonly readonly?: boolean;
}

/** A connection in WAL mode, waiting up to 5 s for another writer of the file. */
function connect(file: string, readonly: boolean): BetterSqlite3.Database {
  const connection = new BetterSqlite3(file, { readonly, fileMustExist: readonly });
  connection.pragma('busy_timeout = 5000');
  if (!readonly) {
    connection.pragma('journal_mode = WAL');
    // In WAL mode, NORMAL syncs at checkpoints instead of every commit: a commit survives a crash
    // of the process, and only a power loss can lose the last ones.
    connection.pragma('synchronous = NORMAL');
  }
  return connection;
}

/**
 * Opens (and creates) the service's SQLite database with better-sqlite3, in WAL mode. The driver
 * is synchronous, so transactions are serialised through one queue: a transaction's statements
 * never interleave with another's on the shared connection.
 *
 * @example
 * ```ts
 * const db = openSqliteDatabase({ file: '.data/promises.db' });
 * const promise = await db.read((tx) => tx.getPromise('p1'));
 * ```
 */
export function openSqliteDatabase(options: SqliteDatabaseOptions): Database {
  const readonly = options.readonly ?? false;
  if (!readonly) mkdirSync(dirname(options.file), { recursive: true });
  const sqlite = connect(options.file, readonly);
  if (!readonly) {
    for (const statement of schemaStatements('sqlite')) sqlite.exec(statement);
  }
  // `*` search patterns become LIKE patterns, which must match case as PostgreSQL's do.
  sqlite.pragma('case_sensitive_like = ON');
  const statements = new Map<string, BetterSqlite3.Statement>();
  const prepare = (sql: string): BetterSqlite3.Statement => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      statement = sqlite.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const executor: SqlExecutor = {
    dialect: 'sqlite',
    rows: async (sql, params) => prepare(sql).all(...params) as Record<string, unknown>[],
    run: async (sql, params) => prepare(sql).run(...params).changes,
  };
  let queue: Promise<unknown> = Promise.resolve();
  const serialised = <T>(
    begin: string,
    work: (tx: Transaction) => Promise<T>,
    write: boolean,
  ): Promise<T> => {
    const run = async (): Promise<T> => {
      sqlite.exec(begin);
      try {
        const result = await work(createSqlTransaction(executor, write));
        sqlite.exec('COMMIT');
        return result;
      } catch (error) {
        if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
        throw error;
      }
    };
    const result = queue.then(run, run);
    queue = result.catch(() => undefined);
    return result;
  };
  return {
    kind: 'sqlite',
    read: (work) => serialised('BEGIN', work, false),
    write: (work) => serialised('BEGIN IMMEDIATE', work, true),
    // A file of its own: the store locks its file synchronously, which must never wait for a
    // transaction of this connection that is paused between two statements. Its connection is
    // its own too, so the claims and completions of concurrent requests can share commits.
    idempotencyStore: () =>
      readonly
        ? memoryIdempotencyStore()
        : sqliteIdempotencyStore({
            database: connect(options.file.replace(/(\.db)?$/, '-idempotency.db'), false),
            configure: false,
            closeDatabase: true,
            groupCommit: true,
          }),
    close: async () => {
      await queue;
      sqlite.close();
    },
  };
}

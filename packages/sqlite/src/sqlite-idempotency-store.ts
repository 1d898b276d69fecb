import { Buffer } from 'node:buffer';
import { errcatErrors } from 'errcat';
import {
  type IdempotencyClaimResult,
  type IdempotencyRow,
  type IdempotencyStore,
  recordFromRow,
  type StoredResponse,
} from 'errcat/adapter';
import { groupCommit } from './group-commit.js';

/** The part of a better-sqlite3 statement the store uses. */
export interface SqliteStatement {
  run(...params: unknown[]): { changes: number };
  get(...params: unknown[]): unknown;
}

/**
 * The part of a better-sqlite3 `Database` the store uses.
 *
 * @example
 * ```ts
 * import Database from 'better-sqlite3';
 * const database: SqliteDatabase = new Database('idempotency.db');
 * ```
 */
export interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  exec(sql: string): unknown;
  pragma(source: string): unknown;
  close(): unknown;
  /** True inside a transaction (better-sqlite3's getter); read with `groupCommit`. */
  readonly inTransaction?: boolean;
}

/** Options of {@link sqliteIdempotencyStore}. */
export interface SqliteIdempotencyStoreOptions {
  /** An open better-sqlite3 database, such as `new Database('idempotency.db')`. */
  readonly database: SqliteDatabase;
  /** The table of records, created when missing. @default 'errcat_idempotency' */
  readonly table?: string;
  /**
   * Put the database in WAL mode with `synchronous = NORMAL` and a 5 s busy timeout, so that
   * several processes on the machine can share the file and a commit costs no `fsync` (see
   * {@link sqliteIdempotencyStore} for what that risks). Turn it off when you configure the
   * connection yourself, such as `synchronous = FULL`.
   * @default true
   */
  readonly configure?: boolean;
  /** Milliseconds between sweeps that delete lapsed records; 0 turns sweeping off. @default 60000 */
  readonly sweepInterval?: number;
  /** `close()` also closes the database; leave it false when the app shares it. @default false */
  readonly closeDatabase?: boolean;
  /** The clock, in milliseconds. Processes sharing the file must agree on it. @default Date.now */
  readonly now?: () => number;
  /**
   * Commit the claims and completions of one event-loop turn together, in one transaction when
   * the turn's I/O is done, instead of one commit each: under concurrent keyed requests the
   * commits (their locks and WAL writes) were most of the store's cost. Every call then answers
   * with a promise that settles after its commit, so nothing is answered before it is durable, and
   * the guarantees are those of one commit per call; a call waits for the rest of its turn. Calls
   * are then no longer synchronous.
   * @default false
   */
  readonly groupCommit?: boolean;
}

const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * The idempotency store on SQLite through better-sqlite3: the embedded default for one machine.
 * Records survive restarts, and every process on the machine opening the same file shares them:
 * a claim is one upsert, which SQLite's write lock makes atomic across processes. Lapsed records
 * are deleted by a periodic sweep. Calls are synchronous (better-sqlite3's model), so the guard's
 * `timeout` cannot cut a call short; the busy timeout bounds how long one waits for another
 * process's write.
 *
 * A keyed request commits twice, and no fewer can be correct: the claim before the handler runs
 * (another process must see the key taken) and the stored response after it. Each is a single
 * statement in its own implicit transaction (no `BEGIN`/`COMMIT` round trips), on statements
 * prepared once; what a commit costs is SQLite appending to the WAL and taking its locks. With
 * `groupCommit`, the calls of one event-loop turn (several requests' claims and completions)
 * share one commit, each answered once it is committed: about half of the store's CPU time per
 * keyed request under the showcase's benchmark load (`npm run bench -- promises`). Durability,
 * with the default `configure`: WAL with `synchronous = NORMAL` writes a commit to the WAL without
 * an `fsync` (SQLite syncs at checkpoints), so a commit survives the crash of any process, and a
 * power loss or an OS crash can lose the last commits (never corrupt the file). A lost claim or
 * stored response makes a retry run the handler again, which is harmless when the handler's own
 * writes went to a database with the same setting (they are lost with it); with effects that do
 * survive a power loss (another server, an email), configure the connection yourself with
 * `synchronous = FULL`: an `fsync` per commit, which made claim and completion together about
 * four times the CPU time and seven times the wall time on the development machine.
 *
 * @example
 * ```ts
 * import Database from 'better-sqlite3';
 * import { createIdempotencyGuard } from 'errcat/idempotency';
 * import { sqliteIdempotencyStore } from '@errcat/sqlite';
 *
 * const guard = createIdempotencyGuard({
 *   store: sqliteIdempotencyStore({ database: new Database('idempotency.db'), closeDatabase: true }),
 * });
 * ```
 */
export function sqliteIdempotencyStore(options: SqliteIdempotencyStoreOptions): IdempotencyStore {
  const { database } = options;
  const table = options.table ?? 'errcat_idempotency';
  if (!TABLE_NAME.test(table)) {
    throw errcatErrors.ERRCAT_BAD_ARGUMENT({ reason: `table must match ${TABLE_NAME}, got '${table}'` });
  }
  const now = options.now ?? Date.now;
  if (options.configure ?? true) {
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('busy_timeout = 5000');
  }
  database.exec(
    `CREATE TABLE IF NOT EXISTS "${table}" (
      key TEXT PRIMARY KEY,
      token TEXT,
      fingerprint TEXT NOT NULL,
      status INTEGER,
      headers TEXT,
      body BLOB,
      expires_at INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS "${table}_expires_at" ON "${table}" (expires_at);`,
  );
  // A record is live while expires_at is ahead of the clock: a running claim until its lease
  // ends, a completed one (token NULL, status set) until its TTL ends.
  const upsert = database.prepare(
    `INSERT INTO "${table}" (key, token, fingerprint, status, headers, body, expires_at)
     VALUES (?, ?, ?, NULL, NULL, NULL, ?)
     ON CONFLICT (key) DO UPDATE SET token = excluded.token, fingerprint = excluded.fingerprint,
       status = NULL, headers = NULL, body = NULL, expires_at = excluded.expires_at
     WHERE "${table}".expires_at <= ?`,
  );
  const select = database.prepare(
    `SELECT fingerprint, status, headers, body FROM "${table}" WHERE key = ? AND expires_at > ?`,
  );
  const renew = database.prepare(
    `UPDATE "${table}" SET expires_at = ? WHERE key = ? AND token = ? AND expires_at > ?`,
  );
  const complete = database.prepare(
    `UPDATE "${table}" SET token = NULL, status = ?, headers = ?, body = ?, expires_at = ?
     WHERE key = ? AND token = ? AND expires_at > ?`,
  );
  const release = database.prepare(`DELETE FROM "${table}" WHERE key = ? AND token = ? AND expires_at > ?`);
  const sweep = database.prepare(`DELETE FROM "${table}" WHERE expires_at <= ?`);
  const claim = (
    key: string,
    token: string,
    fingerprint: string,
    leaseMs: number,
  ): IdempotencyClaimResult => {
    for (;;) {
      const time = now();
      if (upsert.run(key, token, fingerprint, time + leaseMs, time).changes === 1) return { claimed: true };
      // A live record refused the claim. Read outside the upsert's transaction, it may have been
      // released or have lapsed since (another process, or the clock): then claim again.
      const row = select.get(key, time) as IdempotencyRow | undefined;
      if (row !== undefined) return { claimed: false, record: recordFromRow(row) };
    }
  };
  const interval = options.sweepInterval ?? 60_000;
  const timer =
    interval > 0
      ? setInterval(() => {
          try {
            sweep.run(now());
          } catch {
            // The database was closed or is busy: the next sweep tries again, and lapsed records
            // are ignored by every query meanwhile.
          }
        }, interval)
      : undefined;
  timer?.unref();

  const store = {
    claim: (key: string, { token, fingerprint, leaseMs }: Parameters<IdempotencyStore['claim']>[1]) =>
      claim(key, token, fingerprint, leaseMs),
    get(key: string) {
      const row = select.get(key, now()) as IdempotencyRow | undefined;
      return row === undefined ? undefined : recordFromRow(row);
    },
    renew: (key: string, token: string, leaseMs: number) => {
      const time = now();
      return renew.run(time + leaseMs, key, token, time).changes === 1;
    },
    complete: (key: string, token: string, response: StoredResponse, ttlMs: number) => {
      const time = now();
      const headers = JSON.stringify(response.headers);
      // better-sqlite3 binds Buffers, not plain Uint8Arrays; this view copies nothing.
      const body = Buffer.from(response.body.buffer, response.body.byteOffset, response.body.byteLength);
      return complete.run(response.status, headers, body, time + ttlMs, key, token, time).changes === 1;
    },
    release: (key: string, token: string) => release.run(key, token, now()).changes === 1,
  };
  const close = (): void => {
    if (timer) clearInterval(timer);
    if (options.closeDatabase) database.close();
  };
  if (!options.groupCommit) return { ...store, close };
  const group = groupCommit(database);
  return {
    claim: (key, claimOptions) => group.run(() => store.claim(key, claimOptions)),
    get: (key) => group.run(() => store.get(key)),
    renew: (key, token, leaseMs) => group.run(() => store.renew(key, token, leaseMs)),
    complete: (key, token, response, ttlMs) => group.run(() => store.complete(key, token, response, ttlMs)),
    release: (key, token) => group.run(() => store.release(key, token)),
    close() {
      // What is queued is committed before the database closes.
      group.flush();
      close();
    },
  };
}

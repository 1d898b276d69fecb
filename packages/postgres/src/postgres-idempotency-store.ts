import { Buffer } from 'node:buffer';
import { errcatErrors } from 'errcat';
import {
  type IdempotencyRecord,
  type IdempotencyRow,
  type IdempotencyStore,
  recordFromRow,
} from 'errcat/adapter';

/**
 * The part of a pg `Pool` (or `Client`) the store uses.
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * const pool: PgQueryable = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * ```
 */
export interface PgQueryable {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }>;
  end(): Promise<void>;
}

/** Options of {@link postgresIdempotencyStore}. */
export interface PostgresIdempotencyStoreOptions {
  /** A pg `Pool`: each operation is one statement, so any pooled connection will do. */
  readonly pool: PgQueryable;
  /** The table of records, optionally schema-qualified (`api.idempotency`). @default 'errcat_idempotency' */
  readonly table?: string;
  /** Create the table and its index on first use when they are missing. @default true */
  readonly createTable?: boolean;
  /** Milliseconds between sweeps that delete lapsed records; 0 turns sweeping off. @default 60000 */
  readonly sweepInterval?: number;
  /** `close()` also ends the pool; leave it false when the app shares it. @default false */
  readonly closePool?: boolean;
}

const TABLE_NAME = /^(?:[a-z_][a-z0-9_]{0,62}\.)?[a-z_][a-z0-9_]{0,62}$/;

/**
 * PostgreSQL's answers when two sessions run the same `CREATE … IF NOT EXISTS` at once: the loser
 * may see the table, its row type or its catalog row already there.
 */
const ALREADY_CREATED = new Set(['42P07', '42710', '23505']);

/** `now + ms` on the server's clock, so that every process agrees on when records lapse. */
const after = (parameter: string) => `clock_timestamp() + ${parameter}::float8 * interval '1 millisecond'`;
const LIVE = 'expires_at > clock_timestamp()';

/**
 * The idempotency store on PostgreSQL through pg, shared by every process using the database. A
 * claim is one `INSERT … ON CONFLICT DO UPDATE … WHERE` that takes the key only when it is free
 * (absent, or its record lapsed), which the primary key makes atomic across sessions; renew,
 * complete and release are single statements matching the holder's token. Times come from the
 * database's clock. Lapsed records are invisible at once and deleted by a periodic sweep.
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * import { createIdempotencyGuard } from 'errcat/idempotency';
 * import { postgresIdempotencyStore } from '@errcat/postgres';
 *
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * const guard = createIdempotencyGuard({ store: postgresIdempotencyStore({ pool }) });
 * ```
 */
export function postgresIdempotencyStore(options: PostgresIdempotencyStoreOptions): IdempotencyStore {
  const { pool } = options;
  const name = options.table ?? 'errcat_idempotency';
  if (!TABLE_NAME.test(name)) {
    throw errcatErrors.ERRCAT_BAD_ARGUMENT({ reason: `table must match ${TABLE_NAME}, got '${name}'` });
  }
  const table = name
    .split('.')
    .map((part) => `"${part}"`)
    .join('.');
  const index = `"${name.replace('.', '_')}_expires_at"`;

  /** Runs a CREATE … IF NOT EXISTS; another session creating the same object at once is fine. */
  const create = async (statement: string): Promise<void> => {
    try {
      await pool.query(statement);
    } catch (error) {
      if (!ALREADY_CREATED.has((error as { code?: string }).code ?? '')) throw error;
    }
  };
  let ready: Promise<void> | undefined;
  const ensureTable = (): Promise<void> => {
    if (options.createTable === false) return Promise.resolve();
    ready ??= (async () => {
      try {
        await create(
          `CREATE TABLE IF NOT EXISTS ${table} (
            key text PRIMARY KEY,
            token text,
            fingerprint text NOT NULL,
            status integer,
            headers text,
            body bytea,
            expires_at timestamptz NOT NULL
          )`,
        );
        await create(`CREATE INDEX IF NOT EXISTS ${index} ON ${table} (expires_at)`);
      } catch (error) {
        // The database may be down: try again on the next call.
        ready = undefined;
        throw error;
      }
    })();
    return ready;
  };
  const query = async (text: string, values: unknown[]) => {
    await ensureTable();
    return pool.query(text, values);
  };
  const read = async (key: string): Promise<IdempotencyRecord | undefined> => {
    const { rows } = await query(
      `SELECT fingerprint, status, headers, body FROM ${table} WHERE key = $1 AND ${LIVE}`,
      [key],
    );
    return rows.length === 0 ? undefined : recordFromRow(rows[0] as IdempotencyRow);
  };

  const interval = options.sweepInterval ?? 60_000;
  const timer =
    interval > 0
      ? setInterval(() => {
          // A failed sweep (database down) is retried at the next tick; lapsed rows are invisible.
          query(`DELETE FROM ${table} WHERE expires_at <= clock_timestamp()`, []).catch(() => {});
        }, interval)
      : undefined;
  timer?.unref();

  return {
    async claim(key, { token, fingerprint, leaseMs }) {
      // A refused claim reads the record that refused it; should that record lapse or be released
      // in between, the key is free again, so claim again (a few times: each retry needs a race).
      for (let attempt = 0; attempt < 5; attempt++) {
        const { rowCount } = await query(
          `INSERT INTO ${table} AS record (key, token, fingerprint, expires_at) VALUES ($1, $2, $3, ${after('$4')})
           ON CONFLICT (key) DO UPDATE SET token = EXCLUDED.token, fingerprint = EXCLUDED.fingerprint,
             status = NULL, headers = NULL, body = NULL, expires_at = EXCLUDED.expires_at
           WHERE record.expires_at <= clock_timestamp()`,
          [key, token, fingerprint, leaseMs],
        );
        if (rowCount === 1) return { claimed: true };
        const record = await read(key);
        if (record !== undefined) return { claimed: false, record };
      }
      throw new Error(`the record of an idempotency key kept changing during its claim`);
    },
    get: read,
    async renew(key, token, leaseMs) {
      const { rowCount } = await query(
        `UPDATE ${table} SET expires_at = ${after('$3')} WHERE key = $1 AND token = $2 AND ${LIVE}`,
        [key, token, leaseMs],
      );
      return rowCount === 1;
    },
    async complete(key, token, response, ttlMs) {
      const body = Buffer.from(response.body.buffer, response.body.byteOffset, response.body.byteLength);
      const { rowCount } = await query(
        `UPDATE ${table} SET token = NULL, status = $3, headers = $4, body = $5, expires_at = ${after('$6')}
         WHERE key = $1 AND token = $2 AND ${LIVE}`,
        [key, token, response.status, JSON.stringify(response.headers), body, ttlMs],
      );
      return rowCount === 1;
    },
    async release(key, token) {
      const { rowCount } = await query(`DELETE FROM ${table} WHERE key = $1 AND token = $2 AND ${LIVE}`, [
        key,
        token,
      ]);
      return rowCount === 1;
    },
    async close() {
      if (timer) clearInterval(timer);
      if (options.closePool) await pool.end();
    },
  };
}

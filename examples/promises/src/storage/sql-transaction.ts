import type {
  PromiseRecord,
  PromiseState,
  SubscriptionRecord,
  TaskRecord,
  TaskState,
} from '../domain/records.js';
import type { PromisePage, PromiseQuery, Transaction } from './database.js';

/**
 * A value bound to a statement parameter.
 *
 * @example
 * ```ts
 * await executor.run('DELETE FROM subscriptions WHERE id = ?', ['sub-7' satisfies SqlValue]);
 * ```
 */
export type SqlValue = string | number | null;

/** A database row as the drivers return it. */
type Row = Record<string, unknown>;

/**
 * Runs SQL for {@link createSqlTransaction}: statements are written with `?` parameters, which a
 * PostgreSQL executor numbers (`$1`, `$2`…).
 *
 * @example
 * ```ts
 * const executor: SqlExecutor = {
 *   dialect: 'sqlite',
 *   rows: async (sql, params) => db.prepare(sql).all(...params) as Record<string, unknown>[],
 *   run: async (sql, params) => db.prepare(sql).run(...params).changes,
 * };
 * ```
 */
export interface SqlExecutor {
  readonly dialect: 'sqlite' | 'postgres';
  /** The rows a query returns. */
  rows(sql: string, params: readonly SqlValue[]): Promise<Row[]>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(sql: string, params: readonly SqlValue[]): Promise<number>;
}

const PROMISE_COLUMNS = 'sort_id, id, state, param, value, timeout, tags, created_on, completed_on';
const TASK_COLUMNS = 'id, state, counter, process_id, expires_at, created_on, completed_on';
const SUBSCRIPTION_COLUMNS = 'id, promise_id, url, created_on';

/** BIGINT columns come back from node-postgres as strings. */
function int(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

function optionalInt(value: unknown): number | undefined {
  return value === null || value === undefined ? undefined : int(value);
}

function toPromise(row: Row): PromiseRecord {
  const completedOn = optionalInt(row.completed_on);
  return {
    id: String(row.id),
    state: row.state as PromiseState,
    param: JSON.parse(String(row.param)) as unknown,
    value: JSON.parse(String(row.value)) as unknown,
    timeout: int(row.timeout),
    tags: JSON.parse(String(row.tags)) as Record<string, string>,
    createdOn: int(row.created_on),
    ...(completedOn === undefined ? {} : { completedOn }),
  };
}

function toTask(row: Row): TaskRecord {
  const expiresAt = optionalInt(row.expires_at);
  const completedOn = optionalInt(row.completed_on);
  return {
    id: String(row.id),
    state: row.state as TaskState,
    counter: int(row.counter),
    ...(typeof row.process_id === 'string' ? { processId: row.process_id } : {}),
    ...(expiresAt === undefined ? {} : { expiresAt }),
    createdOn: int(row.created_on),
    ...(completedOn === undefined ? {} : { completedOn }),
  };
}

function toSubscription(row: Row): SubscriptionRecord {
  return {
    id: String(row.id),
    promiseId: String(row.promise_id),
    url: String(row.url),
    createdOn: int(row.created_on),
  };
}

/**
 * How many of the candidate rows (their sizes, in order) one page takes: at most `limit`, and no
 * more than fit in `maxBytes`, but always the first.
 */
function pageLength(sizes: readonly number[], limit: number, maxBytes: number): number {
  let bytes = 0;
  let taken = 0;
  for (const size of sizes.slice(0, limit)) {
    bytes += size;
    if (taken > 0 && bytes > maxBytes) break;
    taken += 1;
  }
  return taken;
}

/** A `*` pattern as a LIKE pattern: `*` matches anything, `%`, `_` and `\` match themselves. */
function likePattern(pattern: string): string {
  return pattern.replace(/[\\%_]/g, (char) => `\\${char}`).replaceAll('*', '%');
}

/**
 * The {@link Transaction} of one SQL transaction, the same statements for SQLite and PostgreSQL. In
 * a write transaction on PostgreSQL, reads of single rows lock them (`FOR UPDATE`).
 *
 * @example
 * ```ts
 * const tx = createSqlTransaction(executor, true);
 * await tx.insertPromise(promise);
 * ```
 */
export function createSqlTransaction(executor: SqlExecutor, write: boolean): Transaction {
  const lock = write && executor.dialect === 'postgres' ? ' FOR UPDATE' : '';
  const one = async <T>(sql: string, params: readonly SqlValue[], map: (row: Row) => T) => {
    const [row] = await executor.rows(sql, params);
    return row === undefined ? undefined : map(row);
  };
  const promiseValues = (promise: PromiseRecord): SqlValue[] => [
    promise.state,
    JSON.stringify(promise.param),
    JSON.stringify(promise.value),
    promise.timeout,
    JSON.stringify(promise.tags),
    promise.createdOn,
    promise.completedOn ?? null,
    promise.id,
  ];
  const taskValues = (task: TaskRecord): SqlValue[] => [
    task.state,
    task.counter,
    task.processId ?? null,
    task.expiresAt ?? null,
    task.createdOn,
    task.completedOn ?? null,
    task.id,
  ];
  return {
    getPromise: (id) => one(`SELECT ${PROMISE_COLUMNS} FROM promises WHERE id = ?${lock}`, [id], toPromise),
    insertPromise: async (promise, createKey) => {
      const inserted =
        (await executor.run(
          'INSERT INTO promises (state, param, value, timeout, tags, created_on, completed_on, id) ' +
            'VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
          promiseValues(promise),
        )) === 1;
      if (inserted && createKey !== undefined) {
        await executor.run('INSERT INTO promise_create_keys (promise_id, idempotency_key) VALUES (?, ?)', [
          promise.id,
          createKey,
        ]);
      }
      return inserted;
    },
    getCreateKey: (id) =>
      one('SELECT idempotency_key FROM promise_create_keys WHERE promise_id = ?', [id], (row) =>
        String(row.idempotency_key),
      ),
    updatePromise: async (promise) => {
      await executor.run(
        'UPDATE promises SET state = ?, param = ?, value = ?, timeout = ?, tags = ?, created_on = ?, ' +
          'completed_on = ? WHERE id = ?',
        promiseValues(promise),
      );
    },
    searchPromises: async (query: PromiseQuery): Promise<PromisePage> => {
      const params: SqlValue[] = [likePattern(query.id ?? '*'), query.after ?? 0];
      let where = "id LIKE ? ESCAPE '\\' AND sort_id > ?";
      if (query.states !== undefined) {
        where += ` AND (CASE WHEN state = 'PENDING' AND timeout <= ? THEN 'REJECTED_TIMEDOUT' ELSE state END) IN (${query.states.map(() => '?').join(', ')})`;
        params.push(query.now, ...query.states);
      }
      // Sizes first (octet_length reads no JSON), so a page of large promises is cut by bytes
      // before a single one of them is loaded.
      const sizes = await executor.rows(
        `SELECT sort_id, octet_length(id) + octet_length(param) + octet_length(value) + octet_length(tags) AS size ` +
          `FROM promises WHERE ${where} ORDER BY sort_id LIMIT ?`,
        [...params, query.limit + 1],
      );
      const taken = pageLength(
        sizes.map((row) => int(row.size)),
        query.limit,
        query.maxBytes,
      );
      const last = sizes[taken - 1];
      if (last === undefined) return { promises: [] };
      const rows = await executor.rows(
        `SELECT ${PROMISE_COLUMNS} FROM promises WHERE ${where} AND sort_id <= ? ORDER BY sort_id LIMIT ?`,
        [...params, int(last.sort_id), taken],
      );
      return {
        promises: rows.map(toPromise),
        ...(sizes.length > taken ? { next: int(last.sort_id) } : {}),
      };
    },
    getTask: (id) => one(`SELECT ${TASK_COLUMNS} FROM tasks WHERE id = ?${lock}`, [id], toTask),
    insertTask: async (task) => {
      await executor.run(
        'INSERT INTO tasks (state, counter, process_id, expires_at, created_on, completed_on, id) ' +
          'VALUES (?, ?, ?, ?, ?, ?, ?)',
        taskValues(task),
      );
    },
    updateTask: async (task) => {
      await executor.run(
        'UPDATE tasks SET state = ?, counter = ?, process_id = ?, expires_at = ?, created_on = ?, ' +
          'completed_on = ? WHERE id = ?',
        taskValues(task),
      );
    },
    getSubscription: (id) =>
      one(`SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE id = ?`, [id], toSubscription),
    insertSubscription: async (subscription) =>
      (await executor.run(
        'INSERT INTO subscriptions (id, promise_id, url, created_on) VALUES (?, ?, ?, ?) ' +
          'ON CONFLICT (id) DO NOTHING',
        [subscription.id, subscription.promiseId, subscription.url, subscription.createdOn],
      )) === 1,
    deleteSubscription: async (id) =>
      (await executor.run('DELETE FROM subscriptions WHERE id = ?', [id])) === 1,
    listSubscriptions: async (promiseId, limit) =>
      (
        await executor.rows(
          `SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE promise_id = ? ORDER BY created_on, id LIMIT ?`,
          [promiseId, limit],
        )
      ).map(toSubscription),
  };
}

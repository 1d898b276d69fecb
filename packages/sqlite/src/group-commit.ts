/** The part of a better-sqlite3 `Database` a group commit uses. */
export interface GroupCommitDatabase {
  prepare(sql: string): { run(...params: unknown[]): unknown };
  /** True while a transaction is open on the connection (better-sqlite3's getter). */
  readonly inTransaction?: boolean;
}

/** Runs synchronous database work later, together with the rest of its event-loop turn. */
export interface GroupCommit {
  /** Queues `work`; resolves with what it returned once its transaction committed. */
  run<T>(work: () => T): Promise<T>;
  /** Runs and commits what is queued now, without waiting for the turn to end. */
  flush(): void;
}

interface Queued {
  readonly work: () => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: unknown };

/**
 * Group commit: the work queued during one turn of the event loop (several requests' claims and
 * completions) runs in one `BEGIN IMMEDIATE … COMMIT` when the turn's I/O is done
 * (`setImmediate`), so that the turn pays for one commit (its locks and WAL writes) instead of one
 * per statement. Each promise settles only after that commit, so nothing is answered before it is
 * durable; a statement that fails settles its own promise with its error and the rest commit,
 * unless SQLite rolled the whole transaction back (then every promise of the turn rejects). A lone
 * piece of work, or any while the connection is inside a transaction of its own (an app sharing
 * it), runs as its own statement, as without grouping.
 *
 * @example
 * ```ts
 * const group = groupCommit(database);
 * const changed = await group.run(() => update.run(key).changes === 1);
 * ```
 */
export function groupCommit(database: GroupCommitDatabase): GroupCommit {
  const begin = database.prepare('BEGIN IMMEDIATE');
  const commit = database.prepare('COMMIT');
  const rollback = database.prepare('ROLLBACK');
  let queue: Queued[] = [];

  const settleEach = (batch: readonly Queued[]): void => {
    for (const { work, resolve, reject } of batch) {
      try {
        resolve(work());
      } catch (error) {
        reject(error);
      }
    }
  };

  const flush = (): void => {
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    if (batch.length === 1 || database.inTransaction) {
      settleEach(batch);
      return;
    }
    const outcomes: Outcome[] = [];
    let failure: { readonly error: unknown } | undefined;
    try {
      begin.run();
      for (const { work } of batch) {
        try {
          outcomes.push({ ok: true, value: work() });
        } catch (error) {
          // Most failures undo their own statement; some (a full disk, an I/O error) end the
          // transaction, and then what ran before them is undone too.
          if (!database.inTransaction) throw error;
          outcomes.push({ ok: false, error });
        }
      }
      commit.run();
    } catch (error) {
      failure = { error };
      if (database.inTransaction) rollback.run();
    }
    batch.forEach(({ resolve, reject }, index) => {
      const outcome = outcomes[index];
      if (failure !== undefined) reject(failure.error);
      else if (outcome?.ok) resolve(outcome.value);
      else reject(outcome?.error);
    });
  };

  return {
    run: <T>(work: () => T) =>
      new Promise<T>((resolve, reject) => {
        if (queue.push({ work, resolve: resolve as (value: unknown) => void, reject }) === 1) {
          setImmediate(flush);
        }
      }),
    flush,
  };
}

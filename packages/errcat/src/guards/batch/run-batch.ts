import type { CatalogError } from '../../catalog-error.js';
import type { CatalogSpec } from '../../catalog-spec.js';
import type { CatalogMethods } from '../../catalog-types.js';
import { errcatErrors } from '../../errcat-catalog.js';
import { isCatalogError } from '../../is-catalog-error.js';
import { roleError } from '../../role-error.js';

/**
 * `atomic`: all items or none. `best_effort`: each item on its own.
 *
 * @example
 * ```ts
 * const mode: BatchMode = request.atomic ? 'atomic' : 'best_effort';
 * ```
 */
export type BatchMode = 'atomic' | 'best_effort';

/**
 * The outcome of one item, at its position in the batch: its result, the catalog error it failed
 * with, or (atomic batches) the `BATCH_ITEM_ABORTED` error of an item rolled back or never run
 * because another failed. Every item that is not `ok` carries an `error`.
 *
 * @example
 * ```ts
 * for (const item of result.results) if (item.status !== 'ok') console.warn(item.index, item.error.code);
 * ```
 */
export type BatchItemResult<R> =
  | { readonly index: number; readonly status: 'ok'; readonly result: R }
  | { readonly index: number; readonly status: 'error'; readonly error: CatalogError }
  | { readonly index: number; readonly status: 'aborted'; readonly error: CatalogError };

/**
 * What a batch did, independent of any wire format: {@link renderBatch} or a profile's own batch
 * shape (`rstmdbBatchResult(result.results)`) turns it into a response.
 *
 * @example
 * ```ts
 * const result: BatchResult<Order> = await runBatch(items, (item) => createOrder(item));
 * if (!result.ok) console.warn(`${result.failed} of ${result.results.length} failed`);
 * ```
 */
export interface BatchResult<R> {
  /** The mode it ran in. */
  readonly mode: BatchMode;
  /** Every item succeeded (and, atomic, was committed). */
  readonly ok: boolean;
  /** One outcome per item, in order. */
  readonly results: readonly BatchItemResult<R>[];
  /** How many items succeeded (0 for a failed atomic batch: nothing was applied). */
  readonly succeeded: number;
  /** How many items failed on their own (not counting aborted ones). */
  readonly failed: number;
  /** Atomic batches: the failure that rolled everything back; `index` is absent when the commit failed. */
  readonly failure?: { readonly index?: number; readonly error: CatalogError };
}

/**
 * Options of {@link runBatch}.
 *
 * @example
 * ```ts
 * await runBatch(items, insertOrder, { mode: 'atomic', transaction: (work) => withTransaction(pool, work), catalog });
 * ```
 */
export interface BatchOptions {
  /** All or nothing, or each item on its own. @default 'best_effort' */
  readonly mode?: BatchMode;
  /**
   * Required for `atomic`: runs the whole batch in one transaction that commits when the callback
   * resolves and rolls back when it throws (a `BEGIN`/`COMMIT`/`ROLLBACK` wrapper, a store's own
   * transaction helper). @default none (`atomic` without it throws `ERRCAT_BAD_ARGUMENT`)
   */
  readonly transaction?: <T>(work: () => Promise<T>) => Promise<T>;
  /**
   * Maps an item's non-catalog error to a catalog error, such as `fromDatabaseError`; what it
   * returns `undefined` for becomes `INTERNAL_ERROR` (the original is its logged `cause`).
   * @default none
   */
  readonly toError?: (error: unknown) => CatalogError | undefined;
  /** The catalog whose role entries to raise. @default errcat's base catalog */
  readonly catalog?: CatalogMethods<CatalogSpec> | undefined;
}

function asCatalogError(error: unknown, options: BatchOptions): CatalogError {
  if (isCatalogError(error)) return error;
  return options.toError?.(error) ?? roleError(options.catalog, 'INTERNAL_ERROR', {}, { cause: error });
}

/** Marks the throw that rolls an atomic batch back, so it is told apart from a failing commit. */
class ItemFailed {
  constructor(
    readonly index: number,
    readonly error: CatalogError,
  ) {}
}

async function bestEffort<T, R>(
  items: readonly T[],
  run: (item: T, index: number) => R | Promise<R>,
  options: BatchOptions,
): Promise<BatchResult<R>> {
  const results: BatchItemResult<R>[] = [];
  let failed = 0;
  for (let index = 0; index < items.length; index++) {
    try {
      results.push({ index, status: 'ok', result: await run(items[index] as T, index) });
    } catch (error) {
      failed++;
      results.push({ index, status: 'error', error: asCatalogError(error, options) });
    }
  }
  return { mode: 'best_effort', ok: failed === 0, results, succeeded: items.length - failed, failed };
}

async function atomic<T, R>(
  items: readonly T[],
  run: (item: T, index: number) => R | Promise<R>,
  options: BatchOptions,
): Promise<BatchResult<R>> {
  const transaction = options.transaction as NonNullable<BatchOptions['transaction']>;
  let failure: { index?: number; error: CatalogError };
  try {
    const values = await transaction(async () => {
      const out: R[] = [];
      for (let index = 0; index < items.length; index++) {
        try {
          out.push(await run(items[index] as T, index));
        } catch (error) {
          throw new ItemFailed(index, asCatalogError(error, options));
        }
      }
      return out;
    });
    const results = values.map((result, index): BatchItemResult<R> => ({ index, status: 'ok', result }));
    return { mode: 'atomic', ok: true, results, succeeded: items.length, failed: 0 };
  } catch (thrown) {
    failure =
      thrown instanceof ItemFailed
        ? { index: thrown.index, error: thrown.error }
        : { error: asCatalogError(thrown, options) };
  }
  const aborted = roleError(
    options.catalog,
    'BATCH_ITEM_ABORTED',
    failure.index === undefined ? {} : { failedIndex: failure.index },
  );
  const results = items.map(
    (_, index): BatchItemResult<R> =>
      index === failure.index
        ? { index, status: 'error', error: failure.error }
        : { index, status: 'aborted', error: aborted },
  );
  return {
    mode: 'atomic',
    ok: false,
    results,
    succeeded: 0,
    failed: failure.index === undefined ? 0 : 1,
    failure,
  };
}

/**
 * Runs one operation per item and reports each outcome, so a batch endpoint answers with per-item
 * results and catalog errors (seed 002's BATCH). In `best_effort` mode every item runs and fails on
 * its own; in `atomic` mode the items run in order inside `transaction` and the first failure
 * rolls all back: that item carries its error, every other one `BATCH_ITEM_ABORTED`. Items run one
 * after another; errors that are not catalog errors become `toError`'s mapping or `INTERNAL_ERROR`.
 *
 * @example
 * ```ts
 * const result = await runBatch(body.ops, (op) => applyEvent(op), {
 *   mode: body.mode,
 *   transaction: (work) => withTransaction(pool, work),
 *   toError: (error) => fromDatabaseError(error, { catalog }),
 *   catalog,
 * });
 * ```
 */
export function runBatch<T, R>(
  items: readonly T[],
  run: (item: T, index: number) => R | Promise<R>,
  options: BatchOptions = {},
): Promise<BatchResult<Awaited<R>>> {
  const mode = options.mode ?? 'best_effort';
  if (mode === 'atomic' && options.transaction === undefined) {
    throw errcatErrors.ERRCAT_BAD_ARGUMENT({
      reason: 'runBatch: `atomic` mode needs a `transaction` to roll back',
    });
  }
  const task = run as (item: T, index: number) => Promise<Awaited<R>>;
  return mode === 'atomic' ? atomic(items, task, options) : bestEffort(items, task, options);
}

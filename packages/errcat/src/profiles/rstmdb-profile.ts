import type { CatalogError } from '../catalog-error.js';
import { describeError, type ErrorView, type RenderContext } from '../render/error-view.js';
import type { WireProfile } from '../render/wire-profile.js';
import { decodeRstmdb } from './rstmdb-decode.js';

/** The `error` member: code, message, retryable, and the details only when there are some. */
function errorObject(view: ErrorView): Record<string, unknown> {
  const error: Record<string, unknown> = {
    code: String(view.code),
    message: view.message,
    retryable: view.retryable,
  };
  if (Object.keys(view.details).length > 0) error.details = view.details;
  return error;
}

/**
 * rstmdb's response envelope, seed 002:
 * `{"type":"response","id":"<request id>","status":"error","error":{"code":"INSTANCE_NOT_FOUND","message":…,"retryable":false,"details":{…}}}`.
 * `id` is the request id of the render context (`""` without one), `code` is always a string and
 * `details` is left out when empty, as rstmdb does. Successful responses come from
 * `rstmdbProfile.success(result, context)` (`"status":"ok","result":…`) and a best-effort batch
 * from {@link rstmdbBatchResult}.
 *
 * @example
 * ```ts
 * renderError(catalog.INSTANCE_NOT_FOUND({ instance_id: 'order-999' }), { profile: rstmdbProfile, context: { requestId: '7' } }).body;
 * // {"type":"response","id":"7","status":"error","error":{"code":"INSTANCE_NOT_FOUND",…}}
 * ```
 */
export const rstmdbProfile: WireProfile = {
  name: 'rstmdb',
  contentType: 'application/json',
  body: (view) => ({ type: 'response', id: view.requestId ?? '', status: 'error', error: errorObject(view) }),
  success: (data: unknown, context: RenderContext) => ({
    type: 'response',
    id: context.requestId ?? '',
    status: 'ok',
    result: data,
  }),
  decode: decodeRstmdb,
};

/**
 * One operation of a batch: its result, or the catalog error it failed with.
 *
 * @example
 * ```ts
 * const items: RstmdbBatchItem[] = [{ result: { instance_id: 'b1' } }, { error: catalog.INSTANCE_NOT_FOUND({ instance_id: 'b2' }) }];
 * ```
 */
export type RstmdbBatchItem = { readonly result: unknown } | { readonly error: CatalogError };

/**
 * The `result` of a `best_effort` BATCH: `{"results":[{"status":"ok","result":…},{"status":"error","error":{…}}]}`,
 * one item per operation in order, each failed one carrying the same `error` object a single
 * request would. Send it with the profile's success envelope.
 *
 * @example
 * ```ts
 * const result = rstmdbBatchResult([{ result: { instance_id: 'b1' } }, { error: catalog.INSTANCE_NOT_FOUND({ instance_id: 'b2' }) }]);
 * renderSuccess(result, { profile: rstmdbProfile, context: { requestId: '2' } });
 * ```
 */
export function rstmdbBatchResult(
  items: readonly RstmdbBatchItem[],
  context: RenderContext = {},
): { results: Record<string, unknown>[] } {
  return {
    results: items.map((item) =>
      'error' in item
        ? { status: 'error', error: errorObject(describeError(item.error, context)) }
        : { status: 'ok', result: item.result },
    ),
  };
}

import { renderSuccess } from '../../profiles/render-success.js';
import { describeError, type RenderContext } from '../../render/error-view.js';
import { problemProfile } from '../../render/problem-profile.js';
import { type RenderedError, renderError } from '../../render/render-error.js';
import type { WireProfile } from '../../render/wire-profile.js';
import type { BatchItemResult, BatchResult } from './run-batch.js';

/**
 * Options of {@link renderBatch}.
 *
 * @example
 * ```ts
 * renderBatch(result, { profile: rstmdbProfile, context: { requestId: '7' }, results: rstmdbBatchResult });
 * ```
 */
export interface RenderBatchOptions<R> {
  /** The wire profile: the envelope of the response and the shape of each item's error. @default problemProfile */
  readonly profile?: WireProfile;
  /** What the server knows about the request. @default {} */
  readonly context?: RenderContext;
  /**
   * Builds the body's data from the item outcomes, for formats with a batch shape of their own,
   * such as `rstmdbBatchResult`. @default `{ results: [{ status, result } | { status, error }] }`,
   * each error as the profile renders it alone
   */
  readonly results?: (items: readonly BatchItemResult<R>[], context: RenderContext) => unknown;
}

/**
 * Renders a batch outcome as the response to send. A failed `atomic` batch answers like a single
 * request that failed with the failing item's error (its status, its body in the profile); any other
 * batch answers 200 with one outcome per item, in the profile's success envelope when it has one.
 *
 * @example
 * ```ts
 * const { status, headers, body } = renderBatch(result, { profile: rstmdbProfile, results: rstmdbBatchResult });
 * // {"type":"response","id":"…","status":"ok","result":{"results":[{"status":"ok","result":…},{"status":"error","error":{…}}]}}
 * ```
 */
export function renderBatch<R>(result: BatchResult<R>, options: RenderBatchOptions<R> = {}): RenderedError {
  const profile = options.profile ?? problemProfile;
  const context = options.context ?? {};
  if (result.failure !== undefined) return renderError(result.failure.error, { profile, context });
  const data = options.results
    ? options.results(result.results, context)
    : {
        results: result.results.map((item) =>
          item.status === 'ok'
            ? { status: 'ok', result: item.result }
            : { status: item.status, error: profile.body(describeError(item.error, context)) },
        ),
      };
  return renderSuccess(data, { profile, context });
}

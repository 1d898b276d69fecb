/**
 * errcat/batch: batch requests — run a batch item by item and render each item's result. This
 * entry only re-exports.
 * @packageDocumentation
 */

export { type RenderBatchOptions, renderBatch } from './render-batch.js';
export {
  type BatchItemResult,
  type BatchMode,
  type BatchOptions,
  type BatchResult,
  runBatch,
} from './run-batch.js';

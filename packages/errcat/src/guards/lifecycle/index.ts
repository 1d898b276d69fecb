/**
 * errcat/lifecycle: a resource's lifecycle errors — not found, already exists, version conflicts,
 * invalid states. This entry only re-exports.
 * @packageDocumentation
 */

export {
  alreadyCompleted,
  alreadyExists,
  expectVersion,
  type FinalState,
  invalidState,
  type LifecycleErrorOptions,
  notFound,
  type ResourceRef,
  versionConflict,
} from './lifecycle-errors.js';

import type { CatalogError } from '../../catalog-error.js';
import type { CatalogSpec } from '../../catalog-spec.js';
import type { CatalogMethods } from '../../catalog-types.js';
import { roleError } from '../../role-error.js';

/**
 * Which resource an error is about; both parts optional, both rendered in the message and details.
 *
 * @example
 * ```ts
 * throw notFound({ resource: 'promise', id: 'p1' } satisfies ResourceRef, { catalog });
 * ```
 */
export interface ResourceRef {
  /** The kind of resource, such as `promise`. */
  readonly resource?: string;
  /** Its id. */
  readonly id?: string | number;
}

/**
 * Options of the lifecycle error helpers.
 *
 * @example
 * ```ts
 * throw versionConflict(100, 105, { catalog } satisfies LifecycleErrorOptions);
 * ```
 */
export interface LifecycleErrorOptions {
  /** The catalog whose role entries to raise. @default errcat's base catalog */
  readonly catalog?: CatalogMethods<CatalogSpec> | undefined;
}

/**
 * The final states a resource cannot leave, as the seeds name them.
 *
 * @example
 * ```ts
 * const state: FinalState = 'timed_out'; // alreadyCompleted(state) raises ALREADY_TIMED_OUT
 * ```
 */
export type FinalState = 'resolved' | 'rejected' | 'canceled' | 'timed_out';

const FINAL_ROLES = {
  resolved: 'ALREADY_RESOLVED',
  rejected: 'ALREADY_REJECTED',
  canceled: 'ALREADY_CANCELED',
  timed_out: 'ALREADY_TIMED_OUT',
} as const satisfies Record<FinalState, string>;

function refDetails(ref: ResourceRef): Record<string, string> {
  const details: Record<string, string> = {};
  if (ref.resource !== undefined) details.resource = ref.resource;
  if (ref.id !== undefined) details.id = String(ref.id);
  return details;
}

/**
 * 404 `NOT_FOUND` for a resource that does not exist.
 *
 * @example
 * ```ts
 * throw notFound({ resource: 'promise', id }, { catalog }); // "Resource not found: promise p1"
 * ```
 */
export function notFound(ref: ResourceRef = {}, options: LifecycleErrorOptions = {}): CatalogError {
  return roleError(options.catalog, 'NOT_FOUND', refDetails(ref));
}

/**
 * 409 `ALREADY_EXISTS` for a create whose id is taken.
 *
 * @example
 * ```ts
 * throw alreadyExists({ resource: 'schedule', id }, { catalog });
 * ```
 */
export function alreadyExists(ref: ResourceRef = {}, options: LifecycleErrorOptions = {}): CatalogError {
  return roleError(options.catalog, 'ALREADY_EXISTS', refDetails(ref));
}

/**
 * 409 for a change to a resource in a final state: `ALREADY_RESOLVED`, `ALREADY_REJECTED`,
 * `ALREADY_CANCELED` or `ALREADY_TIMED_OUT` (seed 000's 4030–4033 map onto these by role).
 *
 * @example
 * ```ts
 * if (promise.state !== 'pending') throw alreadyCompleted(promise.state, { resource: 'promise', id }, { catalog });
 * ```
 */
export function alreadyCompleted(
  state: FinalState,
  ref: ResourceRef = {},
  options: LifecycleErrorOptions = {},
): CatalogError {
  return roleError(options.catalog, FINAL_ROLES[state], refDetails(ref));
}

/**
 * 409 `INVALID_STATE` for an operation the resource's current state does not allow.
 *
 * @example
 * ```ts
 * throw invalidState('shipped', 'PAY', { catalog }); // "The resource is in state 'shipped', which does not allow 'PAY'"
 * ```
 */
export function invalidState(
  state: string,
  operation?: string,
  options: LifecycleErrorOptions = {},
): CatalogError {
  const details: Record<string, string> = { state };
  if (operation !== undefined) details.operation = operation;
  return roleError(options.catalog, 'INVALID_STATE', details);
}

/**
 * 409 `VERSION_CONFLICT` with the version (or offset) the request expected and the one the
 * resource has.
 *
 * @example
 * ```ts
 * throw versionConflict(100, 105); // details { expected: 100, actual: 105 }
 * ```
 */
export function versionConflict(
  expected: number | string,
  actual: number | string,
  options: LifecycleErrorOptions = {},
): CatalogError {
  return roleError(options.catalog, 'VERSION_CONFLICT', { expected, actual });
}

/**
 * Checks an optimistic-concurrency precondition: throws {@link versionConflict} when the request
 * names a version and it is not the current one; a request without one passes.
 *
 * @example
 * ```ts
 * expectVersion(body.expectedOffset, instance.offset, { catalog });
 * ```
 */
export function expectVersion(
  expected: number | string | undefined,
  actual: number | string,
  options: LifecycleErrorOptions = {},
): void {
  if (expected !== undefined && expected !== actual) throw versionConflict(expected, actual, options);
}

import type { ErrorMapper } from 'errcat';
import { fromDatabaseError } from 'errcat/database';
import type { PromisesCatalog } from '../catalog/promises-catalog.js';

/**
 * Maps every database failure to the seed's `STORAGE_FAILED` (5002), as the legacy Resonate server
 * answers them. errcat's `fromDatabaseError` recognises the failure from the driver's code
 * (`SQLITE_READONLY`, PostgreSQL's SQLSTATE, a refused connection); the driver's message goes into
 * the internal `reason` field and the error into `cause`, which reach the logs, never the client.
 * Anything else is left to the `INTERNAL_ERROR` role (5000).
 *
 * @example
 * ```ts
 * withErrors(app, { catalog, mapError: storageErrors(catalog) });
 * ```
 */
export function storageErrors(catalog: PromisesCatalog): ErrorMapper {
  return (thrown) => {
    if (fromDatabaseError(thrown) === undefined) return undefined;
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    return catalog.STORAGE_FAILED({ reason, cause: thrown });
  };
}

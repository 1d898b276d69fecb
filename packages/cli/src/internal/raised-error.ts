import { type CatalogEntry, CatalogError } from 'errcat';

/**
 * An entry that is not an HTTP error (it declares no status: an SDK's own error), as the SDK
 * raises it in the caller's process: no response carries it, so there is no status line, header
 * or body to show.
 */
export interface RaisedError {
  /** Always `false`: what follows is a raised error, not an HTTP response. */
  readonly http: false;
  /** Always `null`: the entry declares no HTTP status. */
  readonly status: null;
  /** The error as `String(error)` gives it: `<class>: <message>`. */
  readonly raised: string;
  /** The error's sanitised JSON view (`toJSON()`), named by the class the SDK raises. */
  readonly error: Record<string, unknown>;
}

/**
 * The class an SDK raises the entry as: the `exception` its catalog names under an SDK's
 * extension (`extensions: { python: { exception: ResonateStoreError } }`), else errcat's own.
 */
function classOf(entry: CatalogEntry): string {
  for (const extension of Object.values(entry.extensions)) {
    const exception = (extension as { exception?: unknown } | null)?.exception;
    if (typeof exception === 'string' && exception !== '') return exception;
  }
  return 'CatalogError';
}

/**
 * Raises an entry that is not an HTTP error the way its SDK does, for `errcat render` and the docs.
 *
 * @example
 * ```ts
 * const raised = raiseEntry(catalog.entry(1103)!, { name: 'processOrder', version: 2 });
 * raised.raised; // "ResonateError: Function 'processOrder' (version 2) is not registered. Will drop."
 * ```
 */
export function raiseEntry(entry: CatalogEntry, details: Record<string, unknown>): RaisedError {
  const error = new CatalogError(entry, details);
  const name = classOf(entry);
  return {
    http: false,
    status: null,
    raised: `${name}: ${error.message}`,
    error: { ...error.toJSON(), name },
  };
}

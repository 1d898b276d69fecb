import type { CatalogSpec } from '../catalog-spec.js';
import type { CatalogMethods, EntryDetails, KeyOf } from '../catalog-types.js';
import type { WireProfile } from '../render/wire-profile.js';
import type { RemoteCatalogError } from './remote-catalog-error.js';
import type { RemoteError } from './remote-error.js';

/**
 * Any catalog, as the decoder and the client take it.
 *
 * @example
 * ```ts
 * function decodeWith(catalog: AnyCatalog) { return decodeErrorSync(500, {}, '', { catalog }); }
 * ```
 */
export type AnyCatalog = CatalogMethods<CatalogSpec>;

/**
 * Options of {@link decodeError} and {@link decodeErrorSync}.
 *
 * @example
 * ```ts
 * const options: DecodeOptions<typeof catalog> = { catalog, maxBytes: 64 * 1024 };
 * ```
 */
export interface DecodeOptions<C extends AnyCatalog | undefined = undefined> {
  /**
   * The API's catalog: errors whose code it declares decode to typed {@link RemoteCatalogError}s.
   * @default none (every error decodes to a {@link RemoteError})
   */
  readonly catalog?: C;
  /** The most body bytes read (and characters decoded); the rest is ignored. @default 1_048_576 (1 MiB) */
  readonly maxBytes?: number;
  /** The current time in epoch milliseconds, for `Retry-After` dates. @default Date.now() */
  readonly now?: number;
  /**
   * Wire profiles of your own (the server's `WireProfile` values): their `decode` is tried before
   * the built-in recognisers, and a body they read reports the profile's name as its `format`.
   * @default []
   */
  readonly profiles?: readonly WireProfile[];
}

/**
 * The result for a response that is not an error (1xx, 2xx or 3xx).
 *
 * @example
 * ```ts
 * const result = await decodeError(response);
 * if (result.ok) console.log('not an error:', result.status);
 * ```
 */
export interface NotAnError {
  /** Always `true`. */
  readonly ok: true;
  /** The response's status. */
  readonly status: number;
  /** Always `undefined`, so results narrow on `key` like errors do. */
  readonly key?: undefined;
}

type CatalogErrors<S extends CatalogSpec> = {
  [K in KeyOf<S>]: RemoteCatalogError<K, Partial<EntryDetails<S, K>>>;
}[KeyOf<S>];

/**
 * What decoding yields for catalog `C`: one {@link RemoteCatalogError} type per entry (narrow with
 * `error.key === 'KEY'` or `catalog.is(error, 'KEY')`), or a {@link RemoteError} when no entry
 * matched or no catalog was given.
 *
 * @example
 * ```ts
 * function handle(error: RemoteErrorOf<typeof catalog>) {
 *   if (error.key === 'INSTANCE_NOT_FOUND') return error.details.instance_id;
 * }
 * ```
 */
export type RemoteErrorOf<C> = C extends { readonly spec: infer S extends CatalogSpec }
  ? CatalogErrors<S> | RemoteError
  : RemoteError;

/**
 * The result of decoding: an error of catalog `C`, or {@link NotAnError}.
 *
 * @example
 * ```ts
 * const result: DecodeResult<typeof catalog> = await decodeError(response, { catalog });
 * ```
 */
export type DecodeResult<C> = RemoteErrorOf<C> | NotAnError;

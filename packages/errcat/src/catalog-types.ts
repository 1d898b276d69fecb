import type { CatalogEntry } from './catalog-entry.js';
import type { CatalogError, CatalogErrorOptions } from './catalog-error.js';
import type { CatalogSpec, EntrySpec, ErrorCode } from './catalog-spec.js';
import type { FieldMap, FieldsValue } from './field-spec.js';
import type { ParamNames, TemplateParams } from './message-template.js';
import type { InferSchemaInput, StandardSchemaV1 } from './standard-schema.js';

/**
 * The keys of a catalog spec's entries.
 *
 * @example
 * ```ts
 * type ShopKey = KeyOf<typeof shopSpec>; // 'ORDER_NOT_FOUND' | 'SHOP_DOWN' | …
 * ```
 */
export type KeyOf<S extends CatalogSpec> = Extract<keyof S['errors'], string>;

/**
 * The details object an entry takes: from its field map, its Standard Schema, or its template.
 *
 * @example
 * ```ts
 * type Details = DetailsOf<{ code: 4040; status: 404; message: "Order '{id}' not found" }>; // { id: TemplateValue }
 * ```
 */
export type DetailsOf<E extends EntrySpec> = E extends { readonly details: infer D }
  ? D extends StandardSchemaV1
    ? InferSchemaInput<D>
    : D extends FieldMap
      ? FieldsValue<D>
      : Record<string, unknown>
  : TemplateParams<E['message']>;

/**
 * The details of entry `K` of catalog spec `S`.
 *
 * @example
 * ```ts
 * function orderMissing(details: EntryDetails<typeof shopSpec, 'ORDER_NOT_FOUND'>) {
 *   return shop.ORDER_NOT_FOUND(details);
 * }
 * ```
 */
export type EntryDetails<S extends CatalogSpec, K extends KeyOf<S>> = DetailsOf<S['errors'][K]>;

/**
 * The error type made by entry `K` of catalog spec `S`.
 *
 * @example
 * ```ts
 * type OrderMissing = ErrorOf<typeof shopSpec, 'ORDER_NOT_FOUND'>; // CatalogError<'ORDER_NOT_FOUND', { id: string }>
 * ```
 */
export type ErrorOf<S extends CatalogSpec, K extends KeyOf<S> = KeyOf<S>> =
  K extends KeyOf<S> ? CatalogError<K, EntryDetails<S, K>> : never;

/**
 * What an error factory takes: the details fields plus {@link CatalogErrorOptions}.
 *
 * @example
 * ```ts
 * const args: FactoryArgs<(typeof shopSpec)['errors']['ORDER_NOT_FOUND']> = { id: 'o-1', cause: error };
 * ```
 */
export type FactoryArgs<E extends EntrySpec> = DetailsOf<E> & CatalogErrorOptions;

/**
 * A function that makes the error of one entry; the argument is optional when nothing is required.
 *
 * @example
 * ```ts
 * const make: ErrorFactory<'ORDER_NOT_FOUND', (typeof shopSpec)['errors']['ORDER_NOT_FOUND']> = shop.ORDER_NOT_FOUND;
 * ```
 */
export type ErrorFactory<K extends string, E extends EntrySpec> =
  {} extends DetailsOf<E>
    ? (args?: FactoryArgs<E>) => CatalogError<K, DetailsOf<E>>
    : (args: FactoryArgs<E>) => CatalogError<K, DetailsOf<E>>;

/**
 * Everything a catalog offers besides its factories.
 *
 * @example
 * ```ts
 * function statuses(catalog: CatalogMethods<CatalogSpec>): number[] {
 *   return catalog.entries.map((entry) => entry.status);
 * }
 * ```
 */
export interface CatalogMethods<S extends CatalogSpec> {
  /** The catalog as written. */
  readonly spec: S;
  /** The system the codes belong to. */
  readonly domain: string;
  /** The catalog's version, if declared. */
  readonly version: string | undefined;
  /** Every entry with its defaults applied, in declaration order. */
  readonly entries: readonly CatalogEntry[];
  /** Finds an entry by key or code (`4040`, `'4040'` and `'PROMISE_NOT_FOUND'` all work). */
  entry(keyOrCode: ErrorCode): CatalogEntry | undefined;
  /** Makes the error of an entry by key, for code that chooses the key at run time. */
  create<K extends KeyOf<S>>(key: K, args?: FactoryArgs<S['errors'][K]>): ErrorOf<S, K>;
  /** True when `value` is an error of this catalog (by domain), of entry `key` when given. */
  is<K extends KeyOf<S> = KeyOf<S>>(value: unknown, key?: K): value is ErrorOf<S, K>;
  /** The entry that plays a base-catalog role (`INTERNAL_ERROR`, `VALIDATION_FAILED`…), if any. */
  roleEntry(role: string): CatalogEntry | undefined;
}

/**
 * A catalog: its entries' factories by key (`catalog.PROMISE_NOT_FOUND({ id })`) and its methods.
 *
 * @example
 * ```ts
 * const shop: Catalog<typeof shopSpec> = defineCatalog(shopSpec);
 * throw shop.ORDER_NOT_FOUND({ id: 'o-1' });
 * ```
 */
export type Catalog<S extends CatalogSpec = CatalogSpec> = CatalogMethods<S> & {
  readonly [K in KeyOf<S>]: ErrorFactory<K, S['errors'][K]>;
};

type DeclaredNames<E> = E extends { readonly details: infer D }
  ? D extends StandardSchemaV1
    ? string
    : keyof D
  : string;

/**
 * Rejects, at compile time, a message that names a parameter the entry's details do not declare.
 *
 * @example
 * ```ts
 * // Does not compile: the message names {id}, but the details declare only `order`.
 * defineCatalog({ domain: 'shop.example.com', errors: { X: { code: 1, message: '{id}', details: { order: 'string' } } } });
 * ```
 */
export type CheckedSpec<S extends CatalogSpec> = S & {
  readonly errors: {
    readonly [K in keyof S['errors']]: Exclude<
      ParamNames<S['errors'][K]['message']>,
      DeclaredNames<S['errors'][K]>
    > extends never
      ? unknown
      : {
          readonly message: `errcat: message parameter '${Exclude<
            ParamNames<S['errors'][K]['message']>,
            DeclaredNames<S['errors'][K]> | symbol | number
          > &
            string}' is not a declared details field`;
        };
  };
};

import type { CatalogEntry } from './catalog-entry.js';
import type { ErrorCode, LogLevel } from './catalog-spec.js';
import { addErrorHeaders } from './internal/error-headers.js';
import { copyPublicDetails } from './internal/public-details.js';

/**
 * The brand that marks catalog errors; `Symbol.for` makes it the same in every copy and realm.
 *
 * @example
 * ```ts
 * (error as Record<symbol, unknown>)[CATALOG_ERROR_BRAND] === true; // what isCatalogError checks
 * ```
 */
export const CATALOG_ERROR_BRAND: unique symbol = Symbol.for('errcat.CatalogError');

/**
 * Options every error factory accepts next to the details fields.
 *
 * @example
 * ```ts
 * throw catalog.SHOP_DOWN({ cause: error, retryAfter: 60, headers: { 'x-shard': 'b' } });
 * ```
 */
export interface CatalogErrorOptions {
  /** The underlying error; logged, never rendered. @default none */
  readonly cause?: unknown;
  /** Extra response headers for this error, on top of the entry's. @default none */
  readonly headers?: Readonly<Record<string, string>>;
  /** Seconds a client should wait before retrying; overrides the entry's default. @default the entry's `retryAfter` */
  readonly retryAfter?: number;
}

/**
 * An error made from a catalog entry. Create it through the catalog (`catalog.PROMISE_NOT_FOUND({ id })`);
 * every fact about the entry (code, status, retryable, docs…) is read from the entry, so creating one
 * costs little more than `new Error()`, and expected errors (below 500) skip the stack trace.
 *
 * @example
 * ```ts
 * try {
 *   throw catalog.PROMISE_NOT_FOUND({ id: 'p1' });
 * } catch (error) {
 *   if (catalog.is(error, 'PROMISE_NOT_FOUND')) console.log(error.code, error.details.id);
 * }
 * ```
 */
export class CatalogError<Key extends string = string, Details = Record<string, unknown>> extends Error {
  /** The entry's stable machine name. */
  declare readonly key: Key;
  /** The details fields (public and internal) given when the error was made. */
  declare readonly details: Details;
  /** Extra headers given for this error. */
  declare readonly extraHeaders: Readonly<Record<string, string>> | undefined;
  /** Seconds before a retry given for this error, overriding the entry's. */
  declare readonly retryAfterOverride: number | undefined;
  readonly #entry: CatalogEntry;

  /**
   * Makes an error for an entry; most code calls the catalog's factory instead.
   */
  constructor(entry: CatalogEntry, details: Details, options?: CatalogErrorOptions) {
    const message = entry.template.render(details as Record<string, unknown>);
    const cause = options?.cause;
    if (entry.captureStack) {
      super(message, cause === undefined ? undefined : { cause });
    } else {
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 0;
      super(message, cause === undefined ? undefined : { cause });
      Error.stackTraceLimit = limit;
    }
    this.#entry = entry;
    this.key = entry.key as Key;
    this.details = details;
    this.extraHeaders = options?.headers;
    this.retryAfterOverride = options?.retryAfter;
  }

  /** The resolved catalog entry this error was made from. */
  get entry(): CatalogEntry {
    return this.#entry;
  }
  /** The catalog's domain. */
  get domain(): string {
    return this.#entry.domain;
  }
  /** The stable code. */
  get code(): ErrorCode {
    return this.#entry.code;
  }
  /** The HTTP status to send: 500 for an entry without one (an SDK error thrown on a server). */
  get status(): number {
    return this.#entry.status;
  }
  /** The HTTP status, under the name Fastify and Express read. */
  get statusCode(): number {
    return this.#entry.status;
  }
  /** The entry's constant title. */
  get title(): string {
    return this.#entry.title;
  }
  /** May the same request succeed if retried. */
  get retryable(): boolean {
    return this.#entry.retryable;
  }
  /** Clients should back off more slowly. */
  get throttling(): boolean {
    return this.#entry.throttling;
  }
  /** The server guarantees the request had no effect. */
  get notApplied(): boolean {
    return this.#entry.notApplied;
  }
  /** May the message reach clients. */
  get expose(): boolean {
    return this.#entry.expose;
  }
  /** The level servers log this error at. */
  get logLevel(): LogLevel {
    return this.#entry.logLevel;
  }
  /** The docs URL of the entry. */
  get docs(): string | undefined {
    return this.#entry.docs;
  }
  /** Seconds a client should wait before retrying, if any. */
  get retryAfter(): number | undefined {
    return this.retryAfterOverride ?? this.#entry.retryAfter;
  }
  /**
   * Response headers this error asks for (entry headers, `Retry-After`, extra headers), as servers
   * send them: names in lower case, fields that could split a response left out.
   */
  get headers(): Record<string, string> {
    const headers: Record<string, string> = {};
    addErrorHeaders(headers, this);
    return headers;
  }
  /**
   * The details that may reach a response: declared public fields only, never internal or
   * undeclared ones (so a guard's extra data under a renamed role cannot leak).
   *
   * @example
   * ```ts
   * catalog.STORAGE_FAILED({ path: '/db', table: 'x' }).publicDetails(); // without internal fields
   * ```
   */
  publicDetails(): Record<string, unknown> {
    // A null prototype keeps a `__proto__` key from user input an ordinary property.
    return copyPublicDetails(this.details as Record<string, unknown>, this.#entry, Object.create(null));
  }

  /**
   * The message in the first of the given languages the entry is translated to, else the default.
   *
   * @example
   * ```ts
   * error.localizedMessage(['de-CH', 'de']); // the German template, if there is one
   * ```
   */
  localizedMessage(languages: readonly string[]): { message: string; language: string | undefined } {
    for (const language of languages) {
      const template = this.#entry.translations.get(language.toLowerCase());
      if (template) return { message: template.render(this.details as Record<string, unknown>), language };
    }
    return { message: this.message, language: undefined };
  }

  /**
   * A sanitised JSON view: no stack, no cause, no internal fields, and the message only when exposed.
   * `status` is the entry's declared one, `null` for an error that is not an HTTP error.
   *
   * @example
   * ```ts
   * JSON.stringify(catalog.PROMISE_NOT_FOUND({ id: 'p1' })); // {"name":"CatalogError",…,"status":404,…}
   * ```
   */
  toJSON(): Record<string, unknown> {
    return {
      name: 'CatalogError',
      domain: this.domain,
      key: this.key,
      code: this.code,
      status: this.#entry.declaredStatus ?? null,
      message: this.expose ? this.message : this.title,
      retryable: this.retryable,
      details: this.publicDetails(),
    };
  }
}

CatalogError.prototype.name = 'CatalogError';
// The brand lives on the prototype, so marking an error costs nothing per instance.
Object.defineProperty(CatalogError.prototype, CATALOG_ERROR_BRAND, { value: true });

import type { CatalogError } from '../catalog-error.js';
import type { ErrorCode } from '../catalog-spec.js';
import { inertRecord } from '../internal/inert-record.js';
import { copyPublicDetails } from '../internal/public-details.js';

/**
 * What a server knows about the request an error answers.
 *
 * @example
 * ```ts
 * const context: RenderContext = { requestId: 'req-1', instance: '/orders/o-1', languages: ['de', 'en'] };
 * ```
 */
export interface RenderContext {
  /** The request's id, echoed in the body and headers. */
  readonly requestId?: string;
  /** A URI for this occurrence (RFC 9457 `instance`), such as the request path. */
  readonly instance?: string;
  /** The client's preferred languages, best first (from `Accept-Language`). */
  readonly languages?: readonly string[];
  /** The correlation id the request carried, for envelopes that echo it (the `resonate` profile). */
  readonly corrId?: string;
  /** The operation the request asked for, for envelopes that name it (the `resonate` profile). */
  readonly kind?: string;
}

/**
 * The sanitised facts of one error that every wire profile reads: the message only when the entry
 * is exposed, the public details only.
 *
 * @example
 * ```ts
 * const view: ErrorView = describeError(error, { requestId: 'req-1' });
 * view.details; // the public details only: internal fields never reach a profile
 * ```
 */
export interface ErrorView {
  /** The HTTP status. */
  readonly status: number;
  /** The catalog's domain. */
  readonly domain: string;
  /** The entry's key. */
  readonly key: string;
  /** The entry's code. */
  readonly code: ErrorCode;
  /** The entry's title, translated when possible. */
  readonly title: string;
  /** The rendered message when exposed, else the title. */
  readonly message: string;
  /** The language of `message`, when translated. */
  readonly language: string | undefined;
  /** May the request succeed if retried. */
  readonly retryable: boolean;
  /** Seconds before a retry, if any. */
  readonly retryAfter: number | undefined;
  /** The docs URL of the entry. */
  readonly docs: string | undefined;
  /** The public details. */
  readonly details: Readonly<Record<string, unknown>>;
  /** The request id, if known. */
  readonly requestId: string | undefined;
  /** The occurrence URI, if known. */
  readonly instance: string | undefined;
  /** The request's correlation id, if known (see {@link RenderContext.corrId}). */
  readonly corrId?: string | undefined;
  /** The requested operation, if known (see {@link RenderContext.kind}). */
  readonly kind?: string | undefined;
  /** The entry's longer explanation from the catalog, if any. */
  readonly description?: string | undefined;
  /** The entry's data for profiles and tools, keyed by their name (`extensions['resonate-legacy']`). */
  readonly extensions?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * Reduces an error to what may reach a client.
 *
 * @example
 * ```ts
 * const view = describeError(catalog.PROMISE_NOT_FOUND({ id: 'p1' }), { requestId: 'r1' });
 * view.message; // "Promise 'p1' not found"
 * ```
 */
export function describeError(error: CatalogError, context: RenderContext = {}): ErrorView {
  const entry = error.entry;
  const languages = context.languages;
  let message = error.expose ? error.message : entry.title;
  let language: string | undefined;
  let title = entry.title;
  if (languages && languages.length > 0) {
    if (error.expose) ({ message, language } = error.localizedMessage(languages));
    for (const candidate of languages) {
      const translated = entry.titles.get(candidate.toLowerCase());
      if (translated) {
        title = translated;
        if (!error.expose) {
          message = translated;
          language = candidate;
        }
        break;
      }
    }
  }
  return {
    status: error.status,
    domain: error.domain,
    key: error.key,
    code: error.code,
    title,
    message,
    language,
    retryable: error.retryable,
    retryAfter: error.retryAfter,
    docs: error.docs,
    // `error.publicDetails()` in a fast-mode object: the same fields, read by every profile.
    details: copyPublicDetails(error.details as Record<string, unknown>, entry, inertRecord()),
    requestId: context.requestId,
    instance: context.instance,
    corrId: context.corrId,
    kind: context.kind,
    description: entry.description,
    extensions: entry.extensions,
  };
}

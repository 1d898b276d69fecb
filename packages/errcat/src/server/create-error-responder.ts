import { baseCatalog } from '../base/base-catalog.js';
import type { CatalogEntry } from '../catalog-entry.js';
import { CatalogError } from '../catalog-error.js';
import { errcatErrors } from '../errcat-catalog.js';
import { readHeader } from '../http/read-header.js';
import { addErrorHeaders } from '../internal/error-headers.js';
import { isSafeHeader } from '../internal/header-safety.js';
import { getProfile } from '../profiles/builtin-profiles.js';
import { negotiateProfile } from '../profiles/negotiate-profile.js';
import type { RenderContext } from '../render/error-view.js';
import { problemProfile } from '../render/problem-profile.js';
import { type RenderedError, renderBody, renderError } from '../render/render-error.js';
import type { WireProfile } from '../render/wire-profile.js';
import { roleError } from '../role-error.js';
import { parseAcceptLanguage } from './accept-language.js';
import { bodyTooDeep } from './body-too-deep.js';
import { contentTypeFor } from './content-type-for.js';
import { consoleErrorLogger, type ErrorLogger } from './error-logger.js';
import type { ErrorResponderOptions } from './error-responder-options.js';
import { errorTelemetry } from './opentelemetry.js';
import type { RequestFacts } from './request-facts.js';
import { newRequestId, resolveRequestId } from './request-id.js';
import { serializeErrorChain } from './serialize-error-chain.js';
import { type ErrorMapper, toCatalogError } from './to-catalog-error.js';
import { unambiguousEntry } from './unambiguous-entry.js';

/**
 * The response for one error: what to send, plus the catalog error it answers and the request id.
 *
 * @example
 * ```ts
 * const { status, headers, body, error, requestId } = responder.respond(thrown, facts);
 * ```
 */
export interface ErrorResponse extends RenderedError {
  /** The catalog error the response renders (the `INTERNAL_ERROR` role for unexpected exceptions). */
  readonly error: CatalogError;
  /** The request id, echoed in the body and in the request-id header. */
  readonly requestId: string;
}

/**
 * The framework-agnostic error handler every adapter wraps: it turns anything thrown into the
 * response to send.
 *
 * @example
 * ```ts
 * const responder: ErrorResponder = createErrorResponder({ catalog });
 * responder.respond(new Error('boom')).status; // 500
 * ```
 */
export interface ErrorResponder {
  /**
   * The response for `thrown`, never throwing. Catalog errors render through the negotiated
   * profile; other values go through `mapError`, else become the `INTERNAL_ERROR` role. A stack
   * overflow while the request's parsed body nests deeper than 64 levels becomes `BODY_TOO_DEEP`
   * (400): the client sent it. The error is logged and reported to OpenTelemetry on the way.
   */
  respond(thrown: unknown, request?: RequestFacts): ErrorResponse;
  /** The options the responder was made with, for adapters that extend them. */
  readonly options: ErrorResponderOptions;
}

/** The body of last resort, if even rendering the base `INTERNAL_ERROR` entry fails. */
const LAST_RESORT_BODY = JSON.stringify({
  type: 'about:blank',
  title: 'Internal server error',
  status: 500,
  detail: 'An unexpected error occurred',
  code: 'INTERNAL_ERROR',
  retryable: true,
});

/**
 * Makes the server core: one object that turns any thrown value plus the request's method, URL and
 * headers into the status, headers and body to send. Adapters call it from the framework's error
 * hook; use it directly for a framework errcat has no adapter for.
 *
 * The response carries `Content-Type` from the profile, the entry's headers (`WWW-Authenticate`,
 * `Retry-After` for errors with a delay), `Content-Language` when the message was translated, the
 * error-code header and the request id (incoming `X-Request-Id` or `traceparent`, else a new one).
 * Unexpected exceptions become the `INTERNAL_ERROR` role: a generic message and the request id,
 * never the exception's message, stack or class.
 *
 * @example
 * ```ts
 * const responder = createErrorResponder({ catalog });
 * const { status, headers, body } = responder.respond(error, {
 *   method: req.method,
 *   url: req.url,
 *   headers: req.headers,
 * });
 * ```
 */
export function createErrorResponder(options: ErrorResponderOptions = {}): ErrorResponder {
  const catalog = options.catalog;
  const mappers: readonly ErrorMapper[] =
    options.mapError === undefined
      ? []
      : Array.isArray(options.mapError)
        ? options.mapError
        : [options.mapError];
  const custom = [options.profile, ...(options.profiles ?? [])].filter(
    (profile): profile is WireProfile => typeof profile === 'object',
  );
  const resolve = (profile: WireProfile | string): WireProfile =>
    typeof profile === 'string' ? getProfile(profile, custom) : profile;
  // The default first: negotiation falls back to the first enabled profile.
  const enabled = [
    ...new Set(
      [options.profile ?? catalog?.spec.profile ?? 'problem', ...(options.profiles ?? [])].map(resolve),
    ),
  ];
  const negotiate = enabled.length === 1 ? undefined : enabled;
  const requestContext = options.context;
  const codeHeader =
    options.codeHeader === false ? undefined : (options.codeHeader ?? 'errcat-code').toLowerCase();
  const requestIdHeader = (options.requestId?.header ?? 'x-request-id').toLowerCase();
  for (const name of [codeHeader, requestIdHeader]) {
    if (name !== undefined && !isSafeHeader(name, '')) {
      throw errcatErrors.ERRCAT_BAD_ARGUMENT({ reason: `'${name}' is not an HTTP header name` });
    }
  }
  const sendInstance = options.instance !== false;
  const logger = options.logger === false ? undefined : (options.logger ?? consoleErrorLogger);
  const record = options.opentelemetry ? errorTelemetry(options.opentelemetry) : undefined;

  /** The status, headers and body of `error` in `profile`: one header object, filled in order. */
  const compose = (
    error: CatalogError,
    profile: WireProfile,
    context: RenderContext,
    accept: string | undefined,
    requestId: string,
  ): RenderedError => {
    const { view, status, body } = renderBody(error, profile, context);
    const headers: Record<string, string> = { 'content-type': contentTypeFor(profile, accept) };
    addErrorHeaders(headers, error);
    const language = view.language;
    if (language !== undefined && isSafeHeader('content-language', language)) {
      headers['content-language'] = language;
    }
    if (codeHeader !== undefined) {
      const code = codeHeaderValue(error.entry);
      if (code !== undefined) headers[codeHeader] = code;
    }
    headers[requestIdHeader] = requestId;
    return { status, headers, body };
  };

  const respond = (thrown: unknown, request: RequestFacts = {}): ErrorResponse => {
    let requestId = '';
    try {
      requestId = resolveRequestId(request.headers, options.requestId);
      const raised = bodyTooDeep(thrown, request.body, catalog) ?? toCatalogError(thrown, catalog, mappers);
      const accept = readHeader(request.headers, 'accept');
      const profile = negotiate ? negotiateProfile(accept, negotiate) : (enabled[0] as WireProfile);
      // A base role the catalog does not map must not go out under another entry's code.
      const entry = unambiguousEntry(raised.entry, catalog, profile);
      const error =
        entry === raised.entry
          ? raised
          : new CatalogError(entry, raised.details, {
              cause: raised.cause,
              ...(raised.extraHeaders && { headers: raised.extraHeaders }),
              ...(raised.retryAfterOverride !== undefined && { retryAfter: raised.retryAfterOverride }),
            });
      const languages =
        entry.translations.size > 0 || entry.titles.size > 0
          ? parseAcceptLanguage(readHeader(request.headers, 'accept-language'))
          : undefined;
      // Built field by field: object spreads here cost more than the rest of the bookkeeping.
      const context: { -readonly [K in keyof RenderContext]: RenderContext[K] } = requestContext
        ? { ...requestContext(request) }
        : {};
      context.requestId = requestId;
      if (sendInstance && request.url !== undefined) context.instance = pathOf(request.url);
      if (languages !== undefined) context.languages = languages;
      const { status, headers, body } = compose(error, profile, context, accept, requestId);
      report(error, requestId, request, request.log ?? logger, record);
      return { status, headers, body, error, requestId };
    } catch (failure) {
      // Rendering failed (a `context` callback or a custom profile threw): the catalog's own
      // INTERNAL_ERROR in the default profile, so no answer leaves the API's wire format; the
      // constant problem body only when that profile cannot render even it.
      const id = requestId || newRequestId();
      const error = roleError(
        catalog,
        'INTERNAL_ERROR',
        {},
        {
          cause: new AggregateError([thrown, failure], 'errcat: rendering the error failed'),
        },
      );
      let response: ErrorResponse;
      try {
        response = {
          ...compose(error, enabled[0] as WireProfile, { requestId: id }, undefined, id),
          error,
          requestId: id,
        };
      } catch {
        response = lastResort(error, id, requestIdHeader);
      }
      report(response.error, response.requestId, request, request.log ?? logger, record);
      return response;
    }
  };
  return { respond, options };
}

/** The error-code header's value per entry, or `undefined` for a code that is not a safe field value. */
const codeHeaderCache = new WeakMap<CatalogEntry, string | undefined>();

function codeHeaderValue(entry: CatalogEntry): string | undefined {
  const cached = codeHeaderCache.get(entry);
  // One lookup for the usual entry; a second only for one whose code cannot be sent.
  if (cached !== undefined || codeHeaderCache.has(entry)) return cached;
  const code = String(entry.code);
  // The header's name was checked when the responder was made; only the value is left to check.
  const value = isSafeHeader('errcat-code', code) ? code : undefined;
  codeHeaderCache.set(entry, value);
  return value;
}

/** The path of a request target, without its query (which may carry tokens) or fragment. */
function pathOf(url: string): string {
  const query = url.indexOf('?');
  const fragment = url.indexOf('#');
  const end = query === -1 ? fragment : fragment === -1 ? query : Math.min(query, fragment);
  return end === -1 ? url : url.slice(0, end);
}

/** Logs the error with its cause chain and reports it to OpenTelemetry; neither may break the response. */
function report(
  error: CatalogError,
  requestId: string,
  request: RequestFacts,
  logger: ErrorLogger | undefined,
  record: ((error: CatalogError) => void) | undefined,
): void {
  if (logger?.[error.logLevel] !== undefined) {
    try {
      // Called as a method: pino's level methods need their `this`.
      logger[error.logLevel]?.(
        {
          err: serializeErrorChain(error),
          requestId,
          code: error.code,
          key: error.key,
          status: error.status,
          method: request.method,
          path: request.url === undefined ? undefined : pathOf(request.url),
          details: error.details,
        },
        error.title,
      );
    } catch {
      // A failing logger must not cost the client its response.
    }
  }
  if (record !== undefined) {
    try {
      record(error);
    } catch {
      // Same for telemetry.
    }
  }
}

/**
 * The response when even the catalog's `INTERNAL_ERROR` cannot be rendered in the default profile
 * (a custom profile that always throws): the base entry in the problem profile, logged with the
 * same cause, or a constant body if even that fails.
 */
function lastResort(failed: CatalogError, requestId: string, requestIdHeader: string): ErrorResponse {
  const error = new CatalogError(
    baseCatalog.entry('INTERNAL_ERROR') as CatalogError['entry'],
    {},
    {
      cause: failed.cause,
    },
  );
  let body = LAST_RESORT_BODY;
  try {
    body = renderError(error, { context: { requestId } }).body;
  } catch {
    // Keep the constant body.
  }
  return {
    status: 500,
    headers: { 'content-type': problemProfile.contentType, [requestIdHeader]: requestId },
    body,
    error,
    requestId,
  };
}

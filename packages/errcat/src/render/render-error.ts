import type { CatalogError } from '../catalog-error.js';
import { addErrorHeaders } from '../internal/error-headers.js';
import { safeStringify } from '../internal/safe-json.js';
import { bodyWriter } from './body-writer.js';
import { describeError, type ErrorView, type RenderContext } from './error-view.js';
import { problemProfile } from './problem-profile.js';
import type { WireProfile } from './wire-profile.js';

/**
 * A response ready to send: status, headers (lower-case names) and the serialised body.
 *
 * @example
 * ```ts
 * const { status, headers, body }: RenderedError = renderError(error);
 * response.writeHead(status, headers).end(body);
 * ```
 */
export interface RenderedError {
  /** The HTTP status. */
  readonly status: number;
  /** The response headers, names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** The serialised body. */
  readonly body: string;
}

/**
 * Options of {@link renderError}.
 *
 * @example
 * ```ts
 * renderError(error, { profile: simpleProfile, context: { requestId: 'req-1', languages: ['de'] } });
 * ```
 */
export interface RenderOptions {
  /** The wire format. @default problemProfile */
  readonly profile?: WireProfile;
  /** What the server knows about the request. @default {} (no request id, the catalog's own language) */
  readonly context?: RenderContext;
}

/**
 * Renders an error as the response a server sends. It never throws: details that cannot be
 * serialised (cycles, BigInt, throwing getters) still yield valid JSON.
 *
 * @example
 * ```ts
 * const { status, headers, body } = renderError(catalog.PROMISE_NOT_FOUND({ id: 'p1' }));
 * ```
 */
export function renderError(error: CatalogError, options: RenderOptions = {}): RenderedError {
  const profile = options.profile ?? problemProfile;
  const { view, status, body } = renderBody(error, profile, options.context);
  const headers: Record<string, string> = { 'content-type': profile.contentType };
  addErrorHeaders(headers, error);
  if (view.language !== undefined) headers['content-language'] = view.language;
  return { status, headers, body };
}

/**
 * The view, status and serialised body of an error in a profile: {@link renderError} without the
 * headers, for servers that assemble their own.
 *
 * @example
 * ```ts
 * const { view, status, body } = renderBody(error, problemProfile, { requestId: 'req-1' });
 * ```
 */
export function renderBody(
  error: CatalogError,
  profile: WireProfile,
  context?: RenderContext,
): { readonly view: ErrorView; readonly status: number; readonly body: string } {
  const view = describeError(error, context);
  const body = bodyWriter(profile, error.entry)?.(view) ?? safeStringify(profile.body(view));
  return { view, status: profile.status?.(view) ?? view.status, body };
}

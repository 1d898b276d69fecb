import type { DecodedError } from './decoded-error.js';
import type { ErrorView } from './error-view.js';
import type { WireProfile } from './wire-profile.js';

/**
 * RFC 9457 problem details: `type` (the entry's docs URL), `title`, `status`, `detail`, `instance`,
 * and the extension members `code`, `retryable`, `requestId` and `details`.
 *
 * @example
 * ```ts
 * renderError(error, { profile: problemProfile }).body;
 * // {"type":"https://example.com/errors#4040","title":"Promise not found","status":404,…}
 * ```
 */
export const problemProfile: WireProfile = {
  name: 'problem',
  contentType: 'application/problem+json',
  body: (view: ErrorView) => {
    const body: Record<string, unknown> = {
      type: view.docs ?? 'about:blank',
      title: view.title,
      status: view.status,
      detail: view.message,
    };
    if (view.instance !== undefined) body.instance = view.instance;
    body.code = view.code;
    body.retryable = view.retryable;
    if (view.requestId !== undefined) body.requestId = view.requestId;
    if (Object.keys(view.details).length > 0) body.details = view.details;
    return body;
  },
  decode: (body) => {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
    const { code, detail, retryable, requestId, details } = body as Record<string, unknown>;
    if (typeof code !== 'string' && typeof code !== 'number') return undefined;
    const decoded: { -readonly [K in keyof DecodedError]: DecodedError[K] } = { code };
    if (typeof detail === 'string') decoded.message = detail;
    if (typeof retryable === 'boolean') decoded.retryable = retryable;
    if (typeof requestId === 'string') decoded.requestId = requestId;
    decoded.details =
      typeof details === 'object' && details !== null && !Array.isArray(details)
        ? (details as Record<string, unknown>)
        : {};
    return decoded;
  },
};

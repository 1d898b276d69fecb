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
};

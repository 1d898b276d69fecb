import type { CatalogEntry } from '../catalog-entry.js';
import type { ErrorView } from './error-view.js';
import { jsonMembers, jsonScalar, jsonStringContent } from './json-text.js';
import { decodeProblem } from './problem-decode.js';
import type { WireProfile } from './wire-profile.js';

/**
 * The problem body of one entry's errors as text: the members `body` builds, in its order, as
 * `JSON.stringify` writes them, the entry's constants serialised once and the quotes around the
 * string values kept in the constant text, so an error's body is a few concatenations. A view
 * whose constants are not the entry's, or whose values have other types than the view declares,
 * goes through `body`.
 */
function compileProblem(entry: CatalogEntry): (view: ErrorView) => string | undefined {
  const type = jsonScalar(entry.docs ?? 'about:blank');
  const status = jsonScalar(entry.status);
  const code = jsonScalar(entry.code);
  const retryable = jsonScalar(entry.retryable);
  const entryTitle = entry.title;
  const title = jsonScalar(entryTitle);
  if ([type, status, code, retryable, title].includes(undefined)) return () => undefined;
  const head = `{"type":${type},"title":`;
  const beforeDetail = `,"status":${status},"detail":"`;
  // The title is constant unless translated: quoted once, and per error only when it differs.
  const untranslatedHead = `${head}${title}${beforeDetail}`;
  // Each closes the string before it.
  const instanceMember = '","instance":"';
  const constants = `","code":${code},"retryable":${retryable}`;
  return (view) => {
    if (
      view.docs !== entry.docs ||
      view.status !== entry.status ||
      view.code !== entry.code ||
      view.retryable !== entry.retryable
    ) {
      return undefined;
    }
    const { message, instance, requestId } = view;
    if (typeof message !== 'string') return undefined;
    let json: string;
    if (view.title === entryTitle) json = untranslatedHead;
    else {
      const viewTitle = jsonScalar(view.title);
      if (viewTitle === undefined) return undefined;
      json = `${head}${viewTitle}${beforeDetail}`;
    }
    json += jsonStringContent(message);
    if (instance !== undefined) {
      if (typeof instance !== 'string') return undefined;
      json += instanceMember;
      json += jsonStringContent(instance);
    }
    json += constants;
    // One level down in the body: the depth the generic path would cut it at.
    const details = jsonMembers(view.details, 31);
    if (details === undefined) return undefined;
    const tail = details === '' ? '}' : `,"details":${details}}`;
    if (requestId === undefined) return json + tail;
    if (typeof requestId !== 'string') return undefined;
    return `${json},"requestId":"${jsonStringContent(requestId)}"${tail}`;
  };
}

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
  compile: compileProblem,
  decode: decodeProblem,
};

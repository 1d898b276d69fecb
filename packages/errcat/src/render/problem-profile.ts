import type { CatalogEntry } from '../catalog-entry.js';
import type { ErrorView } from './error-view.js';
import { jsonMembers, jsonScalar } from './json-text.js';
import { decodeProblem } from './problem-decode.js';
import type { WireProfile } from './wire-profile.js';

/**
 * The problem body of one entry's errors as text: the members `body` builds, in its order, as
 * `JSON.stringify` writes them, the entry's constants serialised once. A view whose constants are
 * not the entry's, or whose values have other types than the view declares, goes through `body`.
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
  const afterTitle = `,"status":${status},"detail":`;
  const constants = `,"code":${code},"retryable":${retryable}`;
  return (view) => {
    if (
      view.docs !== entry.docs ||
      view.status !== entry.status ||
      view.code !== entry.code ||
      view.retryable !== entry.retryable
    ) {
      return undefined;
    }
    // The title is constant unless translated: quoted once, and per error only when it differs.
    const viewTitle = view.title === entryTitle ? title : jsonScalar(view.title);
    const detail = jsonScalar(view.message);
    if (viewTitle === undefined || detail === undefined) return undefined;
    let json = `${head}${viewTitle}${afterTitle}${detail}`;
    if (view.instance !== undefined) {
      const instance = jsonScalar(view.instance);
      if (instance === undefined) return undefined;
      json += `,"instance":${instance}`;
    }
    json += constants;
    if (view.requestId !== undefined) {
      const requestId = jsonScalar(view.requestId);
      if (requestId === undefined) return undefined;
      json += `,"requestId":${requestId}`;
    }
    // One level down in the body: the depth the generic path would cut it at.
    const details = jsonMembers(view.details, 31);
    if (details === undefined) return undefined;
    return details === '' ? `${json}}` : `${json},"details":${details}}`;
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

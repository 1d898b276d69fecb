import type { IncomingHttpHeaders } from 'node:http';
import type { PromisesCatalog } from '../catalog/promises-catalog.js';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * Parses a request body as JSON: `undefined` when there is none, `UNSUPPORTED_MEDIA_TYPE` (4150)
 * when it is not declared as JSON, `MALFORMED_JSON` (4001) when it does not parse.
 *
 * @example
 * ```ts
 * const json = parseJsonBody(req.headers, body, catalog);
 * ```
 */
export function parseJsonBody(headers: IncomingHttpHeaders, body: Buffer, catalog: PromisesCatalog): unknown {
  if (body.length === 0) return undefined;
  if (!JSON_TYPE.test(headers['content-type'] ?? '')) throw catalog.UNSUPPORTED_MEDIA_TYPE();
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch (error) {
    throw catalog.MALFORMED_JSON({ cause: error });
  }
}

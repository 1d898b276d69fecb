import { headerReader } from '../http/header-reader.js';
import type { HeadersLike } from '../http/headers-like.js';
import { DEFAULT_MAX_BYTES, decodeErrorSync } from './decode-error-sync.js';
import type { AnyCatalog, DecodeOptions, DecodeResult } from './decode-types.js';
import { readBoundedBody } from './internal/read-body.js';
import type { ResponseLike } from './response-like.js';

/**
 * Decodes a fetch `Response` into a typed error: a {@link RemoteCatalogError} when `catalog` is
 * given and declares the response's code, else a normalised {@link RemoteError}; a 1xx–3xx
 * response gives {@link NotAnError}, unless a 2xx's JSON reports an error (GraphQL's `errors`,
 * Slack's `ok: false`), which it reads from a copy, leaving the body unread. At most `maxBytes` of the body are read (the rest of the
 * stream is cancelled), and it never rejects, whatever the server sent.
 *
 * It recognises every errcat wire profile (problem, google, resonate-legacy, resonate, rstmdb,
 * simple, jsonapi) and the common shapes of other servers; see {@link WireFormat}.
 *
 * @example
 * ```ts
 * const response = await fetch('https://api.example.com/promises/p1');
 * const error = await decodeError(response, { catalog });
 * if (error.ok) return; // not an error
 * if (error.key === 'PROMISE_NOT_FOUND') console.log(error.details.id, error.requestId);
 * else console.log(error.code, error.message, error.retryable);
 * ```
 */
export async function decodeError<C extends AnyCatalog | undefined = undefined>(
  response: ResponseLike,
  options: DecodeOptions<C> = {},
): Promise<DecodeResult<C>> {
  let status: number | undefined;
  let headers: HeadersLike | undefined;
  try {
    status = response.status;
    headers = response.headers as HeadersLike | undefined;
  } catch {
    // A hostile response-like: decode with nothing.
  }
  if (typeof status === 'number' && status >= 100 && status < 400) {
    // A 2xx may still report an error in its JSON (GraphQL, Slack): read a copy, so the caller can
    // still read the body of a success.
    const copy = status >= 200 && status < 300 ? jsonCopy(response, headers) : undefined;
    if (copy === undefined) return decodeErrorSync(status, headers, '', options);
    return decodeErrorSync(
      status,
      headers,
      await readBoundedBody(copy, options.maxBytes ?? DEFAULT_MAX_BYTES),
      options,
    );
  }
  const body = await readBoundedBody(response, options.maxBytes ?? DEFAULT_MAX_BYTES);
  return decodeErrorSync(status, headers, body, options);
}

/** A copy of a JSON response's body to read, when the response can make one. */
function jsonCopy(response: ResponseLike, headers: HeadersLike | undefined): ResponseLike | undefined {
  try {
    if (!/json/i.test(headerReader(headers).get('content-type') ?? '') || response.bodyUsed === true)
      return undefined;
    return typeof response.clone === 'function' ? response.clone() : undefined;
  } catch {
    return undefined;
  }
}

import { decodeError } from './decode-error.js';
import type { AnyCatalog, DecodeOptions } from './decode-types.js';

/**
 * Returns a response that is not an error and throws the decoded error of one that is: the hook
 * form for other clients. Use it in ky's `afterResponse` hook, after a plain `fetch`, or anywhere a
 * `Response` is at hand; `decodeErrorSync` serves clients that parse bodies themselves (axios,
 * ofetch).
 *
 * @example
 * ```ts
 * // plain fetch
 * const order = await throwIfError(await fetch(url), { catalog }).then((r) => r.json());
 *
 * // ky
 * const api = ky.create({ hooks: { afterResponse: [(_req, _opts, response) => throwIfError(response, { catalog })] } });
 * ```
 */
export async function throwIfError<R extends Response, C extends AnyCatalog | undefined = undefined>(
  response: R,
  options: DecodeOptions<C> = {},
): Promise<R> {
  if (response.status < 400) return response;
  throw await decodeError(response, options);
}

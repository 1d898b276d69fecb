import { headerMap } from '../http/header-reader.js';
import type { HeadersLike } from '../http/headers-like.js';

/**
 * A response as any HTTP test tool returns it: a Fetch `Response` (Hono's `app.request`, `fetch`),
 * Fastify's `inject` result (`statusCode`, `payload`), supertest's (`status`, `text`), undici's
 * (`statusCode`, `body.text()`), or a plain `{ status, headers, body }`.
 *
 * @example
 * ```ts
 * const response: TestResponse = await app.inject({ method: 'GET', url: '/orders/o-1' });
 * ```
 */
export interface TestResponse {
  /** The status (Fetch, supertest, plain objects). */
  readonly status?: number;
  /** The status (Node, Fastify inject, undici). */
  readonly statusCode?: number;
  /** The response headers. */
  readonly headers: HeadersLike;
  /** The body: a string, bytes, a parsed value, or a stream with `text()`. */
  readonly body?: unknown;
  /** The body text (supertest), or a method reading it (Fetch). */
  readonly text?: string | (() => Promise<string>);
  /** The body text (Fastify inject). */
  readonly payload?: string;
}

/**
 * A response reduced to what the assertions read: status, lower-case headers and body text.
 *
 * @example
 * ```ts
 * const { status, headers, text }: CapturedResponse = await readResponse(await fetch(url));
 * ```
 */
export interface CapturedResponse {
  /** The HTTP status. */
  readonly status: number;
  /** The headers, names in lower case, repeated values joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body as text. */
  readonly text: string;
}

async function readText(response: TestResponse): Promise<string> {
  if (typeof response.text === 'function') return response.text();
  if (typeof response.text === 'string') return response.text;
  if (typeof response.payload === 'string') return response.payload;
  const { body } = response;
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  if (typeof body === 'object' && body !== null && typeof (body as { text?: unknown }).text === 'function') {
    return (body as { text(): Promise<string> }).text();
  }
  // Tools that parse JSON for you (supertest's `body`) lose the text; its JSON form stands in.
  return body === undefined ? '' : JSON.stringify(body);
}

/**
 * Reads any response a test tool gives into `{ status, headers, text }`, reading the body once.
 *
 * @example
 * ```ts
 * const captured = await readResponse(await app.request('/promises/p1'));
 * captured.headers['content-type']; // 'application/problem+json'
 * ```
 */
export async function readResponse(response: TestResponse): Promise<CapturedResponse> {
  const status = typeof response.status === 'number' ? response.status : (response.statusCode ?? 0);
  return {
    status,
    headers: Object.fromEntries(headerMap(response.headers)),
    text: await readText(response),
  };
}

import type { ServerResponse } from 'node:http';
import { type RenderContext, renderSuccess, type WireProfile } from 'errcat';

/**
 * What a route answers on success: a status and the data, which the wire profile may wrap.
 *
 * @example
 * ```ts
 * const reply: Reply = { status: 201, data: promise };
 * ```
 */
export interface Reply {
  readonly status: 200 | 201 | 204;
  readonly data?: unknown;
}

/**
 * Sends a successful reply: the data as JSON, wrapped in the profile's success envelope when it has
 * one (`resonate`: `{ kind, head: { corrId, status, version }, data }`, `head.status` the status
 * sent), so that success and error bodies of one service share their format. A 204 stays one
 * without an envelope; under an envelope profile it is a 200 whose `data` is `{}`.
 *
 * @example
 * ```ts
 * sendReply(res, { status: 200, data: promise }, profile, { kind: 'getPromise', corrId: requestId });
 * ```
 */
export function sendReply(
  response: ServerResponse,
  reply: Reply,
  profile: WireProfile,
  context: RenderContext,
): void {
  const { status, headers, body } = renderSuccess(reply.data, { profile, context, status: reply.status });
  if (status === 204) {
    response.writeHead(204).end();
    return;
  }
  response.writeHead(status, { ...headers, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

import { type ServerResponse, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { BaseRole } from '../base/base-entries.js';
import { roleError } from '../role-error.js';
import { createErrorResponder } from '../server/create-error-responder.js';
import type { ErrorResponderOptions } from '../server/error-responder-options.js';

/** What Node's HTTP parser reports in a `clientError` event. */
type ClientError = Error & { readonly code?: string };

/** The role for each parser failure Node answers itself; anything else is `BAD_REQUEST`. */
const ROLE_BY_CODE: Readonly<Record<string, BaseRole>> = {
  HPE_HEADER_OVERFLOW: 'REQUEST_HEADERS_TOO_LARGE',
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 'PAYLOAD_TOO_LARGE',
  ERR_HTTP_REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
};

/**
 * A `clientError` listener for a `node:http` server that answers what Node's parser refuses (bad
 * header bytes, oversized headers, a request line that is not HTTP, a request that took longer
 * than `requestTimeout`) in the API's own wire profile — the catalog's `BAD_REQUEST`,
 * `REQUEST_HEADERS_TOO_LARGE` or `REQUEST_TIMEOUT`, with the error-code header and a request id —
 * instead of Node's bare `400 Bad Request`. The connection is closed after the answer; a socket
 * that was reset, is no longer writable or is mid-way through another response is only destroyed.
 *
 * @example
 * ```ts
 * const server = createServer(withErrors(handler, { catalog }));
 * server.on('clientError', answerClientErrors({ catalog }));
 * ```
 */
export function answerClientErrors(
  options: ErrorResponderOptions = {},
): (error: ClientError, socket: Duplex) => void {
  const responder = createErrorResponder(options);
  return (error, socket) => {
    // Node's own handler makes the same check: a response already under way must not be interleaved.
    const current = (socket as Duplex & { _httpMessage?: ServerResponse })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || current?.headersSent === true) {
      socket.destroy();
      return;
    }
    const role = ROLE_BY_CODE[error.code ?? ''] ?? 'BAD_REQUEST';
    const cause = new Error(`node:http refused the request: ${error.code ?? error.name}`);
    const rendered = responder.respond(roleError(options.catalog, role, {}, { cause }), {});
    const lines = [`HTTP/1.1 ${rendered.status} ${STATUS_CODES[rendered.status] ?? ''}`];
    for (const [name, value] of Object.entries(rendered.headers)) {
      if (name !== 'connection') lines.push(`${name}: ${value}`);
    }
    lines.push(`content-length: ${Buffer.byteLength(rendered.body)}`, 'connection: close', '', '');
    socket.end(lines.join('\r\n') + rendered.body);
  };
}

import type { EntrySpec } from '../catalog-spec.js';

/**
 * Base entries for what goes wrong around a handler: unexpected exceptions and the framework's own
 * request errors (unknown route, bad JSON, wrong content type, body too large or too deep, a request that came
 * too slowly or with oversized headers).
 *
 * @example
 * ```ts
 * serverEntries.ROUTE_NOT_FOUND.status; // 404
 * ```
 */
export const serverEntries = {
  INTERNAL_ERROR: {
    code: 'INTERNAL_ERROR',
    status: 500,
    category: 'server',
    title: 'Internal server error',
    message: 'An unexpected error occurred',
    expose: true,
    causes: ['A bug or an unhandled failure in the server'],
    resolution: 'Retry later; if it persists, report the request id to the API operator.',
  },
  ROUTE_NOT_FOUND: {
    code: 'ROUTE_NOT_FOUND',
    status: 404,
    category: 'request',
    title: 'Route not found',
    message: 'No route matches the request method and path',
    causes: ['A typo in the path', 'A route that does not exist in this API version'],
    resolution: 'Check the method and path against the API reference.',
  },
  METHOD_NOT_ALLOWED: {
    code: 'METHOD_NOT_ALLOWED',
    status: 405,
    category: 'request',
    title: 'Method not allowed',
    message: 'The route does not support this method',
    causes: ['Using POST where the route takes PUT, or similar'],
    resolution: 'Use one of the methods listed in the Allow header.',
  },
  MALFORMED_JSON: {
    code: 'MALFORMED_JSON',
    status: 400,
    category: 'request',
    title: 'Malformed JSON',
    message: 'The request body is not valid JSON',
    causes: ['A truncated or hand-edited body', 'A body sent with the wrong encoding'],
    resolution: 'Send a body that a JSON parser accepts.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    status: 415,
    category: 'request',
    title: 'Unsupported media type',
    message: 'The request body has a content type this route does not accept',
    causes: ['A missing or wrong Content-Type header'],
    resolution: 'Send the body as application/json with a matching Content-Type header.',
  },
  BAD_REQUEST: {
    code: 'BAD_REQUEST',
    status: 400,
    category: 'request',
    title: 'Bad request',
    message: 'The request could not be processed',
    causes: ['A request the framework rejected before any handler ran, such as a malformed URL or header'],
    resolution: 'Check the request line, headers and body against the API reference.',
  },
  PAYLOAD_TOO_LARGE: {
    code: 'PAYLOAD_TOO_LARGE',
    status: 413,
    category: 'request',
    title: 'Payload too large',
    message: 'The request body is larger than this route accepts',
    causes: ['Uploading more data than the route allows'],
    resolution: 'Send a smaller body, or split it into several requests.',
  },
  BODY_TOO_DEEP: {
    code: 'BODY_TOO_DEEP',
    status: 400,
    category: 'request',
    title: 'Body nested too deeply',
    message: 'The request body nests objects and arrays more than {maxDepth} levels deep',
    details: { maxDepth: 'number' },
    causes: ['A generated or hostile body with thousands of nested arrays or objects'],
    resolution: 'Send a flatter body, nested at most `maxDepth` levels.',
  },
  REQUEST_TIMEOUT: {
    code: 'REQUEST_TIMEOUT',
    status: 408,
    category: 'request',
    title: 'Request timeout',
    message: 'The request was not received in time',
    headers: { connection: 'close' },
    causes: ['A client that sends its headers or body too slowly, or stops sending them'],
    resolution: 'Send the whole request promptly, on a new connection.',
  },
  REQUEST_HEADERS_TOO_LARGE: {
    code: 'REQUEST_HEADERS_TOO_LARGE',
    status: 431,
    category: 'request',
    title: 'Request header fields too large',
    message: 'The request line and headers are larger than this server accepts',
    headers: { connection: 'close' },
    causes: ['Too many or too large cookies', 'A very long URL or header value'],
    resolution: 'Send fewer or smaller headers, or a shorter URL.',
  },
} as const satisfies Record<string, EntrySpec>;

import type { EntrySpec } from 'errcat';

/**
 * The errors the promises service sends besides the legacy Resonate codes (seed 000). The seed
 * lists only what the legacy server documented; a real service also authenticates, rate-limits,
 * checks idempotency keys and runs tasks, so these entries give each of those answers a code in the
 * same scheme (the first three digits are the HTTP status, as `resonate-legacy` derives it). Most
 * take over a role of errcat's base catalog, so the guards raise them instead of the base entries,
 * and inherit what the role promises clients (retry facts, Retry-After, WWW-Authenticate).
 *
 * @example
 * ```ts
 * serviceEntries.TASK_COUNTER_MISMATCH.code; // 4093
 * ```
 */
export const serviceEntries = {
  MALFORMED_JSON: {
    code: 4001,
    status: 400,
    role: 'MALFORMED_JSON',
    title: 'Malformed JSON',
    message: 'The request body is not valid JSON',
    description: 'The request body could not be parsed as JSON.',
    causes: ['A truncated or hand-edited body', 'A body sent with the wrong encoding'],
    resolution: 'Send a body that a JSON parser accepts.',
  },
  IDEMPOTENCY_KEY_INVALID: {
    code: 4002,
    status: 400,
    role: 'IDEMPOTENCY_KEY_INVALID',
    title: 'Idempotency key invalid',
    message: 'The Idempotency-Key header is malformed[: {reason}]',
    details: {
      reason: {
        type: 'string',
        optional: true,
        description: 'What is wrong with the key; the key itself is never echoed.',
      },
    },
    description:
      'The Idempotency-Key header is not a usable key. The key itself is never echoed in the response.',
    causes: [
      'An empty key, or one longer than 255 characters',
      'A key that is neither a quoted string nor a bare token',
      'Several Idempotency-Key headers in one request',
    ],
    resolution: 'Send one random key, such as a UUID, as `Idempotency-Key: "<key>"`.',
    example: { reason: 'the key is longer than 255 characters' },
  },
  AUTHORIZATION_MALFORMED: {
    code: 4003,
    status: 400,
    role: 'INVALID_AUTH_REQUEST',
    title: 'Malformed authorization',
    message: 'The Authorization header is malformed',
    description: 'The Authorization header names the Bearer scheme but carries no usable token.',
    causes: ['The header has no token after the scheme', 'The request carries more than one credential'],
    resolution: 'Send exactly one `Authorization: Bearer <token>` header.',
  },
  MALFORMED_REQUEST: {
    code: 4004,
    status: 400,
    role: 'BAD_REQUEST',
    title: 'Malformed request',
    message: 'The request could not be parsed',
    description:
      'The request line or headers are not valid HTTP: a target that is not a path or URL, bytes ' +
      'not allowed in a header, or a request line that is not HTTP at all.',
    causes: ['A request target such as `//host:99999/` or `*`', 'Control characters in a header value'],
    resolution: 'Send a well-formed HTTP request whose target is a path such as `/promises/p1`.',
  },
  BODY_TOO_DEEP: {
    code: 4005,
    status: 400,
    role: 'BODY_TOO_DEEP',
    title: 'Body nested too deeply',
    message: 'The request body nests objects and arrays more than {maxDepth} levels deep',
    description: 'The body is valid JSON, but nested deeper than the service reads, fingerprints or stores.',
    details: { maxDepth: { type: 'number', description: 'The deepest nesting the service accepts.' } },
    causes: ['A generated or hostile body with thousands of nested arrays or objects'],
    resolution: 'Send a flatter body, nested at most `maxDepth` levels.',
    example: { maxDepth: 64 },
  },
  UNAUTHENTICATED: {
    code: 4010,
    status: 401,
    role: 'UNAUTHENTICATED',
    title: 'Authentication required',
    message: 'Authentication required',
    description: 'The request did not carry a bearer token.',
    causes: ['No Authorization header', 'An Authorization header with another scheme than Bearer'],
    resolution: 'Send `Authorization: Bearer <token>` with a token issued for this service.',
  },
  TOKEN_INVALID: {
    code: 4011,
    status: 401,
    role: 'INVALID_TOKEN',
    title: 'Invalid token',
    message: 'The access token is invalid',
    description: 'The bearer token failed JWT verification.',
    causes: [
      'A malformed token, or one whose signature does not verify',
      'A token issued for another audience or by another issuer',
    ],
    resolution: 'Obtain a new token from the issuer this service trusts.',
  },
  TOKEN_EXPIRED: {
    code: 4012,
    status: 401,
    role: 'TOKEN_EXPIRED',
    title: 'Token expired',
    message: 'The access token has expired',
    description: 'The bearer token is genuine but its `exp` time has passed.',
    causes: ['The token’s `exp` time has passed'],
    resolution: 'Refresh the token and send the request again.',
  },
  FORBIDDEN: {
    code: 4034,
    status: 403,
    role: 'INSUFFICIENT_SCOPE',
    title: 'Forbidden',
    message: 'The principal is not permitted to perform the requested action',
    description:
      'The request carried a valid token, but the token lacks a scope the operation needs: reading ' +
      'takes `promises:read`, changing promises and subscriptions `promises:write`, tasks `tasks`.',
    details: {
      missing: { type: 'array', items: 'string', description: 'The scopes the token lacks.' },
    },
    causes: ['A token issued with fewer scopes than the operation needs, such as a read-only token'],
    resolution: 'Request a token that includes every scope listed in `missing`.',
    example: { missing: ['promises:write'] },
  },
  TASK_NOT_FOUND: {
    code: 4042,
    status: 404,
    title: 'Task not found',
    message: "The specified task[ '{id}'] could not be found",
    description:
      'The specified task could not be found. A task exists for each promise created with a ' +
      '`resonate:invoke` tag, under the promise’s id.',
    details: { id: { type: 'string', optional: true, description: 'The id of the task.' } },
    causes: ['A misspelled task id', 'A promise created without a `resonate:invoke` tag has no task'],
    resolution: 'Check the task id; create the promise with a `resonate:invoke` tag to get a task.',
    example: { id: 'order-42' },
  },
  ROUTE_NOT_FOUND: {
    code: 4044,
    status: 404,
    role: 'ROUTE_NOT_FOUND',
    title: 'Route not found',
    message: 'No route matches the request method and path',
    description: 'The path is not an operation of this service.',
    causes: ['A typo in the path', 'A path of another Resonate server version'],
    resolution: 'Check the path against the OpenAPI document at /openapi.json.',
  },
  METHOD_NOT_ALLOWED: {
    code: 4050,
    status: 405,
    role: 'METHOD_NOT_ALLOWED',
    title: 'Method not allowed',
    message: 'The route does not support this method',
    description: 'The path exists, but not with this method; the Allow header lists the methods it takes.',
    causes: ['Using GET where the route takes POST, or similar'],
    resolution: 'Use one of the methods listed in the Allow header.',
  },
  TASK_ALREADY_CLAIMED: {
    code: 4091,
    status: 409,
    title: 'Task already claimed',
    message: "The task[ '{id}'] is already claimed",
    description: 'Another process holds the task; its claim lasts until the claim’s ttl passes.',
    details: { id: { type: 'string', optional: true, description: 'The id of the task.' } },
    causes: ['Two workers claiming the same task', 'Claiming a task again before its claim expired'],
    resolution:
      'Leave the task to the process that holds it; if that process died, claim again after the ttl.',
    example: { id: 'order-42' },
  },
  TASK_ALREADY_COMPLETED: {
    code: 4092,
    status: 409,
    title: 'Task already completed',
    message: "The task[ '{id}'] is already completed",
    description:
      'The task is completed: its promise was completed, or a worker completed the task. It can no ' +
      'longer be claimed or completed.',
    details: { id: { type: 'string', optional: true, description: 'The id of the task.' } },
    causes: ['Claiming or completing a task whose work is done'],
    resolution: 'Read the promise for the result instead.',
    example: { id: 'order-42' },
  },
  TASK_COUNTER_MISMATCH: {
    code: 4093,
    status: 409,
    role: 'VERSION_CONFLICT',
    title: 'Wrong task counter',
    message: 'The task changed: expected counter {expected}, found {actual}',
    description:
      'The counter in the request is not the task’s current counter. The counter grows each time ' +
      'a claim expires and the task is offered again, so a process whose claim expired can no longer ' +
      'complete the task.',
    details: {
      expected: { type: 'number', description: 'The counter the request carried.' },
      actual: { type: 'number', description: 'The task’s current counter.' },
    },
    causes: [
      'Claiming with a stale counter after the task was offered again',
      'Completing a task after its claim expired',
    ],
    resolution: 'Read the task again and claim it with its current counter.',
    example: { expected: 1, actual: 2 },
  },
  IDEMPOTENCY_IN_PROGRESS: {
    code: 4094,
    status: 409,
    role: 'IDEMPOTENCY_IN_PROGRESS',
    title: 'Request in progress',
    message: 'A request with this Idempotency-Key is still being processed',
    description:
      'A request with the same Idempotency-Key is still running. Retry with the same key after the ' +
      'Retry-After delay to get its response.',
    causes: ['A retry arrived while the first request with the same key was still running'],
    resolution: 'Retry with the same key after the Retry-After delay.',
  },
  REQUEST_TIMEOUT: {
    code: 4080,
    status: 408,
    role: 'REQUEST_TIMEOUT',
    title: 'Request timeout',
    message: 'The request was not received in time',
    description:
      'The client did not send its request line, headers or body within the time the service allows.',
    causes: ['A client that sends too slowly, or stops sending'],
    resolution: 'Send the whole request promptly, on a new connection.',
  },
  PAYLOAD_TOO_LARGE: {
    code: 4130,
    status: 413,
    role: 'PAYLOAD_TOO_LARGE',
    title: 'Payload too large',
    message: 'The request body is larger than the service accepts',
    description: 'The request body is over the service’s limit of 1 MiB.',
    causes: ['A promise value or parameter larger than 1 MiB'],
    resolution: 'Send a smaller body; store large values elsewhere and send a reference.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    code: 4150,
    status: 415,
    role: 'UNSUPPORTED_MEDIA_TYPE',
    title: 'Unsupported media type',
    message: 'The request body must be application/json',
    description: 'The request has a body whose Content-Type is not JSON.',
    causes: ['A missing or wrong Content-Type header, such as curl’s default for `-d`'],
    resolution: 'Send the body with `Content-Type: application/json`.',
  },
  TASK_INVALID_STATE: {
    code: 4220,
    status: 422,
    role: 'INVALID_STATE',
    title: 'Task in invalid state',
    message: "The task is in state '{state}'[, which does not allow '{operation}']",
    description: 'The task is in a state that does not allow the requested transition.',
    details: {
      state: { type: 'string', description: 'The task’s current state.' },
      operation: { type: 'string', optional: true, description: 'The transition that was requested.' },
    },
    causes: ['Completing a task that was never claimed'],
    resolution: 'Claim the task first, with its current counter.',
    example: { state: 'pending', operation: 'complete' },
  },
  IDEMPOTENCY_KEY_REUSED: {
    code: 4221,
    status: 422,
    role: 'IDEMPOTENCY_KEY_REUSED',
    title: 'Idempotency key reused',
    message: 'This Idempotency-Key was already used for a different request',
    description:
      'The Idempotency-Key was sent before with another method, path or body. A key names one ' +
      'request: its retries get the first response, anything else is refused.',
    causes: ['A client reused a key for new work', 'A retry whose body differs from the first request'],
    resolution: 'Use a fresh key for each new operation; send the same key only to retry the same request.',
  },
  SUBSCRIPTION_URL_FORBIDDEN: {
    code: 4222,
    status: 422,
    title: 'Listener URL not allowed',
    message: 'The listener URL is not allowed: {reason}',
    description:
      'The service only notifies listeners it may reach on the public internet: an http(s) URL ' +
      'whose host is not a loopback, private, link-local or otherwise non-public address, in any ' +
      'notation, nor `localhost`. A host name is checked again against the addresses it resolves ' +
      'to when a notification is sent, and redirects are not followed.',
    details: { reason: { type: 'string', description: 'What is wrong with the URL.' } },
    causes: [
      'A listener on localhost, 127.0.0.1, [::1] or a private network address',
      'A cloud metadata address such as 169.254.169.254',
    ],
    resolution: 'Subscribe a listener URL that is reachable on the public internet.',
    example: { reason: 'its host is not a public address' },
  },
  SUBSCRIPTION_LIMIT_REACHED: {
    code: 4223,
    status: 422,
    title: 'Too many subscriptions',
    message: 'The promise already has {limit} subscriptions',
    description:
      'A promise takes a bounded number of subscriptions, so that completing it sends a bounded ' +
      'number of notifications.',
    details: { limit: { type: 'number', description: 'The most subscriptions one promise may have.' } },
    causes: ['Subscribing many listeners to one promise'],
    resolution: 'Delete a subscription you no longer need, or let one listener fan the notification out.',
    example: { limit: 10 },
  },
  RATE_LIMITED: {
    code: 4290,
    status: 429,
    role: 'RATE_LIMITED',
    title: 'Too many requests',
    message: "Too many requests for the '{policy}' limit",
    description:
      'The caller sent more requests than its rate limit allows. Every answer carries the ' +
      '`RateLimit` and `RateLimit-Policy` headers; a refusal adds Retry-After.',
    details: { policy: { type: 'string', description: 'The rate-limit policy that was exceeded.' } },
    causes: ['More requests per token (or per address, without one) than the policy allows'],
    resolution: 'Wait for the Retry-After delay, then send at the pace RateLimit-Policy announces.',
    example: { policy: 'general' },
  },
  REQUEST_HEADERS_TOO_LARGE: {
    code: 4310,
    status: 431,
    role: 'REQUEST_HEADERS_TOO_LARGE',
    title: 'Request headers too large',
    message: 'The request line and headers are larger than this service accepts',
    description: 'The request line and headers together exceed 16 KiB, the limit of Node.js.',
    causes: ['Too many or too large cookies', 'A very long URL or header value'],
    resolution: 'Send fewer or smaller headers, or a shorter URL.',
  },
  CLIENT_CLOSED_REQUEST: {
    code: 4990,
    status: 499,
    role: 'CLIENT_CLOSED_REQUEST',
    title: 'Client closed request',
    message: 'The client closed the connection before the server answered',
    description:
      'The client left while its request waited for a slot. No client reads this answer; the ' +
      'service logs it at info level, so that metrics tell it apart from a failure of its own.',
    causes: ['A client that gave up while the service was busy (its own timeout, a cancelled call)'],
    resolution: 'Nothing to do; if clients give up often, look at the load shedding limits.',
  },
  RATE_LIMITER_UNAVAILABLE: {
    code: 5033,
    status: 503,
    role: 'RATE_LIMITER_UNAVAILABLE',
    title: 'Rate limiter unavailable',
    message: 'The rate limiter cannot decide right now',
    description: 'The store of the rate-limit counters (Redis, with `REDIS_URL`) is down or too slow.',
    expose: true,
    causes: ['Redis is down, restarting or too slow'],
    resolution: 'Retry after the Retry-After delay; the request was not processed.',
  },
  OVERLOADED: {
    code: 5035,
    status: 503,
    role: 'OVERLOADED',
    title: 'Service overloaded',
    message: 'The service is overloaded; retry after the delay in Retry-After',
    description:
      'The request waited in the queue longer than the service allows, or the service is short of ' +
      'event-loop time or memory, so it was refused before it ran.',
    details: {
      signal: {
        type: 'string',
        optional: true,
        description: 'What is over its threshold, such as `queueTimeout`.',
      },
    },
    causes: ['More requests than the service can run at once, for longer than the queue timeout'],
    resolution: 'Retry after the Retry-After delay with backoff; the request was not processed.',
    example: { signal: 'queueTimeout' },
  },
  REQUEST_DEADLINE_EXCEEDED: {
    code: 5036,
    status: 503,
    role: 'REQUEST_DEADLINE_EXCEEDED',
    title: 'Request deadline exceeded',
    message: 'The service did not finish the request within its {deadlineMs} ms deadline',
    description:
      'The request ran longer than its deadline. Unlike 5030 and 5035 it may have taken effect, so ' +
      'a create is retried only with the same Idempotency-Key.',
    details: {
      deadlineMs: { type: 'integer', description: 'The deadline of the request, in milliseconds.' },
    },
    causes: ['A slow database or a long queue of writes'],
    resolution: 'Retry later with backoff; retry a create only with the same Idempotency-Key.',
    example: { deadlineMs: 10000 },
  },
  IDEMPOTENCY_STORE_UNAVAILABLE: {
    code: 5034,
    status: 503,
    role: 'IDEMPOTENCY_STORE_UNAVAILABLE',
    title: 'Idempotency store unavailable',
    message: 'The server cannot check the Idempotency-Key right now',
    description: 'The store of idempotency records is down or too slow, so the request was not run.',
    expose: true,
    causes: ['The idempotency store (SQLite, PostgreSQL or Redis) is down or too slow'],
    resolution: 'Retry with the same key after the Retry-After delay.',
  },
} as const satisfies Record<string, EntrySpec>;

import type { EntrySpec } from '../catalog-spec.js';

/**
 * Base entries raised by the traffic guards: rate limits, load shedding, request deadlines,
 * shutdown and idempotency keys. Except the deadline, each guarantees that the request had no
 * effect (the guard rejected it before the handler ran); the retryable ones may be retried even
 * for a POST, while a missing, malformed or reused idempotency key needs a corrected request.
 * Map them to your own codes with `role`, e.g. `{ code: 5031, status: 503, role: 'QUEUE_FULL' }`.
 *
 * @example
 * ```ts
 * trafficEntries.RATE_LIMITED.status; // 429
 * ```
 */
export const trafficEntries = {
  RATE_LIMITED: {
    code: 'RATE_LIMITED',
    status: 429,
    category: 'traffic',
    title: 'Too many requests',
    message: "Too many requests for the '{policy}' limit; retry after the delay in Retry-After",
    details: {
      policy: { type: 'string', description: 'The name of the rate-limit policy that was exceeded.' },
    },
    retryable: true,
    throttling: true,
    notApplied: true,
    causes: ['More requests than the policy allows in its window', 'A burst larger than the policy allows'],
    resolution:
      'Wait for the Retry-After delay, then send at the pace the RateLimit-Policy header announces; ' +
      'the RateLimit header of every answer tells how many requests remain.',
    example: { policy: 'general' },
  },
  RATE_LIMITER_UNAVAILABLE: {
    code: 'RATE_LIMITER_UNAVAILABLE',
    status: 503,
    category: 'traffic',
    expose: true,
    // Shedding is routine under load: a warning without a stack trace keeps each refusal cheap.
    logLevel: 'warn',
    stack: false,
    title: 'Rate limiter unavailable',
    message: 'The rate limiter cannot decide right now; retry after the delay in Retry-After',
    retryable: true,
    notApplied: true,
    retryAfter: 5,
    causes: ['The store that holds the rate-limit counters (such as Redis) is down or too slow'],
    resolution: 'Retry after the Retry-After delay; the server refuses requests it cannot count.',
  },
  OVERLOADED: {
    code: 'OVERLOADED',
    status: 503,
    category: 'traffic',
    expose: true,
    // Shedding is routine under load: a warning without a stack trace keeps each refusal cheap.
    logLevel: 'warn',
    stack: false,
    title: 'Server overloaded',
    message: 'The server is overloaded; retry after the delay in Retry-After',
    details: {
      signal: {
        type: 'string',
        optional: true,
        description: 'What is over its threshold: `eventLoopDelay`, `heapUsed`, `rss`, `queueTimeout`…',
      },
    },
    retryable: true,
    notApplied: true,
    retryAfter: 10,
    causes: ['More work than the server can do: a slow event loop, high memory, a queue wait too long'],
    resolution: 'Retry after the Retry-After delay with backoff; do not retry at once.',
    example: { signal: 'eventLoopDelay' },
  },
  QUEUE_FULL: {
    code: 'QUEUE_FULL',
    status: 503,
    category: 'traffic',
    expose: true,
    // Shedding is routine under load: a warning without a stack trace keeps each refusal cheap.
    logLevel: 'warn',
    stack: false,
    title: 'Queue full',
    message: 'The request queue is full; retry after the delay in Retry-After',
    retryable: true,
    notApplied: true,
    retryAfter: 10,
    causes: ['Every worker slot is busy and the waiting queue holds as many requests as it may'],
    resolution: 'Retry after the Retry-After delay with backoff; do not retry at once.',
  },
  SHUTTING_DOWN: {
    code: 'SHUTTING_DOWN',
    status: 503,
    category: 'traffic',
    expose: true,
    // Shedding is routine under load: a warning without a stack trace keeps each refusal cheap.
    logLevel: 'warn',
    stack: false,
    title: 'Shutting down',
    message: 'The server is shutting down; retry on another connection',
    retryable: true,
    notApplied: true,
    retryAfter: 1,
    causes: ['A deployment or restart: the server finishes the requests it has and takes no new ones'],
    resolution: 'Retry after the Retry-After delay on a new connection; another instance will answer.',
  },
  CLIENT_CLOSED_REQUEST: {
    code: 'CLIENT_CLOSED_REQUEST',
    // nginx's 499: no client reads it, but logs and metrics tell it apart from a server failure.
    status: 499,
    category: 'traffic',
    expose: true,
    // Clients leave all the time (a closed tab, a retry elsewhere): routine, not a server fault.
    logLevel: 'info',
    stack: false,
    title: 'Client closed request',
    message: 'The client closed the connection before the server answered',
    retryable: false,
    notApplied: true,
    causes: [
      'The client gave up while the request waited for a slot (its own timeout, a closed tab, a cancelled call)',
    ],
    resolution:
      'Nothing to do on the server; if clients time out often, look at the queue and the load shedding limits.',
  },
  REQUEST_DEADLINE_EXCEEDED: {
    code: 'REQUEST_DEADLINE_EXCEEDED',
    status: 503,
    category: 'traffic',
    expose: true,
    // Shedding is routine under load: a warning without a stack trace keeps each refusal cheap.
    logLevel: 'warn',
    stack: false,
    title: 'Request deadline exceeded',
    message: 'The server did not finish the request within its {deadlineMs} ms deadline',
    details: {
      deadlineMs: { type: 'integer', description: 'The deadline of the request, in milliseconds.' },
    },
    retryable: true,
    causes: ['The handler or a service it called was slower than the deadline allows'],
    resolution:
      'Retry later with backoff; the request may have taken effect, so retry a POST only with an Idempotency-Key.',
    example: { deadlineMs: 10000 },
  },
  // The idempotency guard's answers (IETF httpapi Idempotency-Key draft). Each is given before the
  // handler runs, so the request had no effect: `notApplied` lets clients retry even a POST.
  IDEMPOTENCY_KEY_MISSING: {
    code: 'IDEMPOTENCY_KEY_MISSING',
    status: 400,
    category: 'request',
    title: 'Idempotency key missing',
    message: 'This operation requires an Idempotency-Key header',
    notApplied: true,
    causes: ['A request to an operation documented as requiring an Idempotency-Key came without one'],
    resolution:
      'Send a fresh random key (a UUID) as `Idempotency-Key: "<key>"`, and the same key on retries.',
  },
  IDEMPOTENCY_KEY_INVALID: {
    code: 'IDEMPOTENCY_KEY_INVALID',
    status: 400,
    category: 'request',
    title: 'Idempotency key invalid',
    message: 'The Idempotency-Key header is malformed: {reason}',
    details: {
      reason: { type: 'string', description: 'What is wrong with the key; the key itself is never echoed.' },
    },
    notApplied: true,
    causes: [
      'A key that is not a quoted structured-field string or a bare token',
      'A key shorter than the server accepts or longer than 255 characters',
      'Several Idempotency-Key fields in one request',
    ],
    resolution: 'Send one key of up to 255 printable ASCII characters, such as a UUID, quoted.',
    example: { reason: 'the key is longer than 255 characters' },
  },
  IDEMPOTENCY_KEY_REUSED: {
    code: 'IDEMPOTENCY_KEY_REUSED',
    status: 422,
    category: 'request',
    title: 'Idempotency key reused',
    message: 'This Idempotency-Key was already used for a different request',
    notApplied: true,
    causes: [
      'The key was sent before with another method, path or body',
      'A client reused a key for new work',
    ],
    resolution: 'Use a fresh key for each new operation; send the same key only to retry the same request.',
  },
  IDEMPOTENCY_IN_PROGRESS: {
    code: 'IDEMPOTENCY_IN_PROGRESS',
    status: 409,
    category: 'traffic',
    title: 'Request in progress',
    message:
      'A request with this Idempotency-Key is still being processed; retry after the delay in Retry-After',
    retryable: true,
    notApplied: true,
    retryAfter: 1,
    causes: ['A retry arrived while the first request with the same key was still running'],
    resolution:
      "Retry with the same key after the Retry-After delay: you then get the first request's response.",
  },
  IDEMPOTENCY_STORE_UNAVAILABLE: {
    code: 'IDEMPOTENCY_STORE_UNAVAILABLE',
    status: 503,
    category: 'traffic',
    expose: true,
    logLevel: 'warn',
    stack: false,
    title: 'Idempotency store unavailable',
    message: 'The server cannot check the Idempotency-Key right now; retry after the delay in Retry-After',
    retryable: true,
    notApplied: true,
    retryAfter: 5,
    causes: ['The store that holds idempotency records (SQLite, Redis, PostgreSQL) is down or too slow'],
    resolution: 'Retry with the same key after the Retry-After delay; the request was not run.',
  },
} as const satisfies Record<string, EntrySpec>;

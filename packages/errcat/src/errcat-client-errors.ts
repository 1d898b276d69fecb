/**
 * The categories of errcat's client errors, for the docs: apart from {@link errcatClientSpec} so
 * that a browser bundle of `errcat/client`, whose errors carry only a category's name, leaves
 * their prose out. `errcatErrors` declares them.
 *
 * @example
 * ```ts
 * errcatClientCategories.client.title; // 'Client errors'
 * ```
 */
export const errcatClientCategories = {
  usage: { title: 'Usage errors', description: 'errcat was called with arguments it cannot use.' },
  client: {
    title: 'Client errors',
    description: 'errcat/client could not complete a request or read its response.',
  },
} as const;

/**
 * The part of errcat's own catalog that `errcat/client` raises: a bad argument and the four ways
 * a request can fail without an error response. `errcatErrors` includes it; the client builds
 * its errors from this part alone (without the catalog builder), so a browser bundle carries none
 * of the other entries' prose.
 *
 * @example
 * ```ts
 * errcatClientSpec.errors.ERRCAT_TIMEOUT.retryable; // true
 * ```
 */
export const errcatClientSpec = {
  domain: 'errcat.dev',
  name: 'errcat',
  errors: {
    ERRCAT_BAD_ARGUMENT: {
      code: 'ERRCAT_BAD_ARGUMENT',
      category: 'usage',
      title: 'Bad argument',
      message: '{reason}',
      details: { reason: 'string' },
      causes: ['A command-line option or function argument has the wrong form'],
      resolution: 'Run the command with `--help` to see what it takes.',
    },
    ERRCAT_NETWORK_ERROR: {
      code: 'ERRCAT_NETWORK_ERROR',
      category: 'client',
      title: 'Network error',
      message: '{method} {url} failed before a response arrived: {reason}',
      details: {
        method: 'string',
        url: 'string',
        reason: { type: 'string', description: 'What the runtime reported, such as `ECONNREFUSED`.' },
        notApplied: {
          type: 'boolean',
          description: 'The connection was never made, so the server cannot have applied the request.',
        },
      },
      retryable: true,
      causes: ['The server is down or unreachable', 'The connection was reset', 'DNS failed'],
      resolution: 'Check that the server is reachable; idempotent requests are retried automatically.',
    },
    ERRCAT_TIMEOUT: {
      code: 'ERRCAT_TIMEOUT',
      category: 'client',
      title: 'Request timed out',
      message: '{method} {url} got no complete response within {timeout} ms',
      details: {
        method: 'string',
        url: 'string',
        timeout: { type: 'number', description: 'The limit that passed, in milliseconds.' },
        scope: { type: 'string', description: '`attempt` (one try) or `total` (every try and wait).' },
      },
      retryable: true,
      causes: ['The server is slow or hung', 'The timeout is shorter than the operation needs'],
      resolution: 'Raise `timeout` or `retry.totalTimeout`, or find out why the server is slow.',
    },
    ERRCAT_ABORTED: {
      code: 'ERRCAT_ABORTED',
      category: 'client',
      title: 'Request aborted',
      message: '{method} {url} was aborted by the caller',
      details: { method: 'string', url: 'string' },
      retryable: false,
      causes: ["The caller's AbortSignal fired"],
      resolution: 'Nothing to fix: the caller cancelled the request on purpose.',
    },
    ERRCAT_DECODE_FAILED: {
      code: 'ERRCAT_DECODE_FAILED',
      category: 'client',
      title: 'Response cannot be decoded',
      message: '{method} {url} answered {status} with a body that cannot be read: {reason}',
      details: { method: 'string', url: 'string', status: 'number', reason: 'string' },
      retryable: false,
      causes: ['A success response that is not the JSON it claims to be', 'The connection broke mid-body'],
      resolution:
        'Check what the server sends (`errcat decode` reads error bodies); the request is not retried.',
    },
  },
} as const;

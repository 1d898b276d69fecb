import { defineCatalog } from '../../packages/errcat/src/define-catalog.js';
import type { RenderContext } from '../../packages/errcat/src/render/error-view.js';
import { renderError } from '../../packages/errcat/src/render/render-error.js';
import type { WireProfile } from '../../packages/errcat/src/render/wire-profile.js';

/**
 * A small catalog with one entry of each kind the wire profiles treat differently: field
 * violations, a templated message, a duplicate (409), a server error with an internal field, a
 * retryable error with Retry-After, a string code with WWW-Authenticate.
 *
 * @example
 * ```ts
 * renderBody(fixtureCatalog.PROMISE_NOT_FOUND({ id: 'p1' }), googleProfile);
 * ```
 */
export const fixtureCatalog = defineCatalog({
  domain: 'promises.example.com',
  docs: 'https://example.com/errors',
  errors: {
    VALIDATION_FAILED: {
      code: 4000,
      status: 400,
      title: 'Validation failed',
      message: 'The request is invalid',
      details: { errors: 'array' },
    },
    PROMISE_NOT_FOUND: {
      code: 4040,
      status: 404,
      title: 'Promise not found',
      message: "Promise '{id}' not found",
      details: { id: 'string' },
    },
    PROMISE_ALREADY_EXISTS: {
      code: 4090,
      status: 409,
      title: 'Promise already exists',
      message: "A promise with id '{id}' already exists",
      details: { id: 'string', attempts: 'integer?' },
    },
    STORAGE_FAILED: {
      code: 5002,
      status: 500,
      title: 'Storage failure',
      message: 'failed to update promise',
      description: "There was a failure accessing the system's storage.",
      expose: true,
      details: { reason: { type: 'string', internal: true } },
    },
    QUEUE_FULL: {
      code: 5031,
      status: 503,
      title: 'Queue full',
      message: 'The API submission queue is full',
      retryAfter: 5,
    },
    RATE_LIMITED: {
      code: 'RATE_LIMITED',
      status: 429,
      title: 'Too many requests',
      message: 'Too many requests',
      retryAfter: 30,
    },
    UNAUTHENTICATED: {
      code: 'AUTH-401',
      status: 401,
      title: 'Authentication failed',
      message: 'The credentials are missing or invalid',
      headers: { 'WWW-Authenticate': 'Bearer realm="api"' },
    },
  },
});

/** The parsed body, status and content type of an error rendered in a profile. */
export function renderParsed(
  error: Parameters<typeof renderError>[0],
  profile: WireProfile,
  context: RenderContext = {},
): { status: number; contentType: string | undefined; body: unknown } {
  const rendered = renderError(error, { profile, context });
  return {
    status: rendered.status,
    contentType: rendered.headers['content-type'],
    body: JSON.parse(rendered.body),
  };
}

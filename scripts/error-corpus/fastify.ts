import rateLimit from '@fastify/rate-limit';
import sensible from '@fastify/sensible';
import Fastify from 'fastify';
import { type CaptureServer, expect } from './corpus-case.js';

const S = 'fastify@5';
const JSON_HEADERS = { 'content-type': 'application/json' };

/**
 * Fastify 5 with @fastify/sensible and @fastify/rate-limit: its default error handler, its
 * content-type parser and schema validation errors, sensible's httpErrors and the rate limiter.
 *
 * @example
 * ```ts
 * const { url, close } = await fastifyServer.start();
 * ```
 */
export const fastifyServer: CaptureServer = {
  library: 'fastify',
  start: async () => {
    const app = Fastify({ bodyLimit: 64, requestIdHeader: 'x-request-id' });
    await app.register(sensible);
    app.addHook('onSend', async (request, reply) => {
      if (request.headers['x-request-id'] !== undefined) reply.header('x-request-id', request.id);
    });
    app.get('/throw', async () => {
      throw new Error('Database connection lost');
    });
    app.get('/throw-code', async () => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    });
    app.post(
      '/users',
      { schema: { body: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } } },
      async () => ({ ok: true }),
    );
    app.get('/sensible/not-found', async () => {
      throw app.httpErrors.notFound();
    });
    app.get('/sensible/user', async () => {
      throw app.httpErrors.notFound('User 42 not found');
    });
    app.get('/sensible/bad-request', async () => {
      throw app.httpErrors.badRequest('Invalid id: abc');
    });
    app.get('/sensible/unauthorized', async () => {
      throw app.httpErrors.unauthorized('Missing credentials');
    });
    app.get('/sensible/forbidden', async () => {
      throw app.httpErrors.forbidden();
    });
    app.get('/sensible/conflict', async () => {
      throw app.httpErrors.conflict('Email already registered');
    });
    app.get('/sensible/unprocessable', async () => {
      throw app.httpErrors.unprocessableEntity('Quantity must be positive');
    });
    app.get('/sensible/too-many', async () => {
      throw app.httpErrors.tooManyRequests();
    });
    app.get('/sensible/unavailable', async (_request, reply) => {
      reply.header('retry-after', '120');
      throw app.httpErrors.serviceUnavailable('Down for maintenance');
    });
    app.get('/sensible/gateway-timeout', async () => {
      throw app.httpErrors.gatewayTimeout();
    });
    app.get('/sensible/internal', async () => {
      throw app.httpErrors.internalServerError();
    });
    app.get('/sensible/teapot', async () => {
      throw app.httpErrors.imateapot();
    });
    app.get('/sensible/create-error', async () => {
      throw app.httpErrors.createError(402, 'Payment required for this plan');
    });
    app.get('/sensible/reply', async (_request, reply) => reply.gone('This version was removed'));
    await app.register(async (limited) => {
      await limited.register(rateLimit, { max: 1, timeWindow: 60_000 });
      limited.get('/limited', async () => ({ ok: true }));
    });
    await app.register(async (limited) => {
      await limited.register(rateLimit, {
        max: 1,
        timeWindow: 30_000,
        enableDraftSpec: true,
        keyGenerator: () => 'draft',
      });
      limited.get('/limited-draft', async () => ({ ok: true }));
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
  },
  cases: [
    {
      id: 'fastify-route-not-found',
      source: `${S} default 404 handler`,
      path: '/nope',
      expected: expect(404, null, 'Route GET:/nope not found'),
    },
    {
      id: 'fastify-route-not-found-request-id',
      source: `${S} default 404 handler, requestIdHeader echoed`,
      path: '/nope',
      headers: { 'x-request-id': 'req-7f3a' },
      expected: expect(404, null, 'Route GET:/nope not found', { requestId: 'req-7f3a' }),
    },
    {
      id: 'fastify-thrown-error',
      source: `${S} default error handler, thrown Error`,
      path: '/throw',
      expected: expect(500, null, 'Database connection lost'),
    },
    {
      id: 'fastify-thrown-error-code',
      source: `${S} default error handler, Error with code`,
      path: '/throw-code',
      expected: expect(500, 'ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
    },
    {
      id: 'fastify-schema-validation',
      source: `${S} JSON schema body validation`,
      method: 'POST',
      path: '/users',
      headers: JSON_HEADERS,
      body: '{}',
      expected: expect(400, 'FST_ERR_VALIDATION', "body must have required property 'name'"),
    },
    {
      id: 'fastify-invalid-json',
      source: `${S} content-type parser, invalid JSON`,
      method: 'POST',
      path: '/users',
      headers: JSON_HEADERS,
      body: '{"name":',
      expected: (response) => expect(400, 'FST_ERR_CTP_INVALID_JSON_BODY', JSON.parse(response.body).message),
    },
    {
      id: 'fastify-empty-json',
      source: `${S} content-type parser, empty JSON body`,
      method: 'POST',
      path: '/users',
      headers: JSON_HEADERS,
      body: '',
      expected: expect(
        400,
        'FST_ERR_CTP_EMPTY_JSON_BODY',
        "Body cannot be empty when content-type is set to 'application/json'",
      ),
    },
    {
      id: 'fastify-unsupported-media-type',
      source: `${S} content-type parser, unknown media type`,
      method: 'POST',
      path: '/users',
      headers: { 'content-type': 'application/x-yaml' },
      body: 'name: x',
      expected: (response) =>
        expect(415, 'FST_ERR_CTP_INVALID_MEDIA_TYPE', JSON.parse(response.body).message),
    },
    {
      id: 'fastify-body-too-large',
      source: `${S} bodyLimit exceeded`,
      method: 'POST',
      path: '/users',
      headers: JSON_HEADERS,
      body: JSON.stringify({ name: 'x'.repeat(200) }),
      expected: expect(413, 'FST_ERR_CTP_BODY_TOO_LARGE', 'Request body is too large'),
    },
    {
      id: 'fastify-sensible-not-found',
      source: `${S} @fastify/sensible httpErrors.notFound()`,
      path: '/sensible/not-found',
      expected: expect(404, null, 'Not Found'),
    },
    {
      id: 'fastify-sensible-not-found-message',
      source: `${S} @fastify/sensible httpErrors.notFound(message)`,
      path: '/sensible/user',
      expected: expect(404, null, 'User 42 not found'),
    },
    {
      id: 'fastify-sensible-bad-request',
      source: `${S} @fastify/sensible httpErrors.badRequest(message)`,
      path: '/sensible/bad-request',
      expected: expect(400, null, 'Invalid id: abc'),
    },
    {
      id: 'fastify-sensible-unauthorized',
      source: `${S} @fastify/sensible httpErrors.unauthorized(message)`,
      path: '/sensible/unauthorized',
      expected: expect(401, null, 'Missing credentials'),
    },
    {
      id: 'fastify-sensible-forbidden',
      source: `${S} @fastify/sensible httpErrors.forbidden()`,
      path: '/sensible/forbidden',
      expected: expect(403, null, 'Forbidden'),
    },
    {
      id: 'fastify-sensible-conflict',
      source: `${S} @fastify/sensible httpErrors.conflict(message)`,
      path: '/sensible/conflict',
      expected: expect(409, null, 'Email already registered'),
    },
    {
      id: 'fastify-sensible-unprocessable',
      source: `${S} @fastify/sensible httpErrors.unprocessableEntity(message)`,
      path: '/sensible/unprocessable',
      expected: expect(422, null, 'Quantity must be positive'),
    },
    {
      id: 'fastify-sensible-too-many-requests',
      source: `${S} @fastify/sensible httpErrors.tooManyRequests()`,
      path: '/sensible/too-many',
      expected: expect(429, null, 'Too Many Requests'),
    },
    {
      id: 'fastify-sensible-service-unavailable',
      source: `${S} @fastify/sensible httpErrors.serviceUnavailable(message) with Retry-After`,
      path: '/sensible/unavailable',
      expected: expect(503, null, 'Down for maintenance', { retryAfter: 120 }),
    },
    {
      id: 'fastify-sensible-gateway-timeout',
      source: `${S} @fastify/sensible httpErrors.gatewayTimeout()`,
      path: '/sensible/gateway-timeout',
      expected: expect(504, null, 'Gateway Timeout'),
    },
    {
      id: 'fastify-sensible-internal',
      source: `${S} @fastify/sensible httpErrors.internalServerError()`,
      path: '/sensible/internal',
      expected: expect(500, null, 'Internal Server Error'),
    },
    {
      id: 'fastify-sensible-teapot',
      source: `${S} @fastify/sensible httpErrors.imateapot()`,
      path: '/sensible/teapot',
      expected: expect(418, null, "I'm a Teapot"),
    },
    {
      id: 'fastify-sensible-create-error',
      source: `${S} @fastify/sensible httpErrors.createError(402, message)`,
      path: '/sensible/create-error',
      expected: expect(402, null, 'Payment required for this plan'),
    },
    {
      id: 'fastify-sensible-reply-gone',
      source: `${S} @fastify/sensible reply.gone(message)`,
      path: '/sensible/reply',
      expected: expect(410, null, 'This version was removed'),
    },
    {
      id: 'fastify-rate-limit',
      source: `${S} @fastify/rate-limit@11 default 429 (second request, max 1 per minute)`,
      path: '/limited',
      warmup: 1,
      expected: (response) =>
        expect(429, null, JSON.parse(response.body).message, {
          retryAfter: Number(response.headers['retry-after']),
        }),
    },
    {
      id: 'fastify-rate-limit-draft',
      source: `${S} @fastify/rate-limit@11 enableDraftSpec 429`,
      path: '/limited-draft',
      warmup: 1,
      expected: (response) =>
        expect(429, null, JSON.parse(response.body).message, {
          retryAfter: Number(response.headers['retry-after']),
        }),
    },
  ],
};

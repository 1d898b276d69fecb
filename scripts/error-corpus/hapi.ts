import Boom from '@hapi/boom';
import Hapi from '@hapi/hapi';
import Joi from 'joi';
import { type CaptureServer, expect } from './corpus-case.js';

const S = '@hapi/hapi@21';
const JSON_HEADERS = { 'content-type': 'application/json' };

/**
 * hapi 21 with @hapi/boom and joi: the default 404, Boom's constructors (with WWW-Authenticate
 * and Retry-After), joi validation with the default and a detailed `failAction`, and the payload
 * parser's errors.
 *
 * @example
 * ```ts
 * const { url, close } = await hapiServer.start();
 * ```
 */
export const hapiServer: CaptureServer = {
  library: 'hapi',
  start: async () => {
    const server = Hapi.server({ port: 0, host: '127.0.0.1', routes: { payload: { maxBytes: 64 } } });
    const fail = (path: string, error: () => Error) =>
      server.route({
        method: 'GET',
        path,
        handler: () => {
          throw error();
        },
      });
    fail('/bad-request', () => Boom.badRequest('Invalid id: abc'));
    fail('/unauthorized', () => Boom.unauthorized('Token expired', 'Bearer', { error: 'invalid_token' }));
    fail('/unauthorized-bare', () => Boom.unauthorized(null, 'Bearer', { realm: 'api' }));
    fail('/forbidden', () => Boom.forbidden('Insufficient scope'));
    fail('/not-found', () => Boom.notFound('Order 42 not found'));
    fail('/conflict', () => Boom.conflict());
    fail('/gone', () => Boom.resourceGone('Link expired'));
    fail('/precondition', () => Boom.preconditionFailed('ETag mismatch'));
    fail('/bad-data', () => Boom.badData('Quantity must be positive'));
    fail('/too-many', () => Boom.tooManyRequests('Rate limit exceeded'));
    fail('/internal', () => Boom.badImplementation('secret detail'));
    fail('/thrown', () => new Error('Database connection lost'));
    fail('/not-implemented', () => Boom.notImplemented('Coming soon'));
    fail('/gateway-timeout', () => Boom.gatewayTimeout());
    fail('/unavailable', () => {
      const error = Boom.serverUnavailable('Down for maintenance');
      error.output.headers['Retry-After'] = '300';
      return error;
    });
    fail('/data-code', () => Boom.badRequest('Coupon expired', { code: 'COUPON_EXPIRED' }));
    const schema = Joi.object({ name: Joi.string().required(), age: Joi.number().min(0) });
    server.route({
      method: 'POST',
      path: '/users',
      options: { validate: { payload: schema } },
      handler: () => ({ ok: true }),
    });
    server.route({
      method: 'POST',
      path: '/users-detailed',
      options: {
        validate: {
          payload: schema,
          failAction: (_request, _h, error) => {
            throw error;
          },
        },
      },
      handler: () => ({ ok: true }),
    });
    await server.start();
    return { url: server.info.uri, close: () => server.stop() };
  },
  cases: [
    {
      id: 'hapi-route-not-found',
      source: `${S} default 404`,
      path: '/nope',
      expected: expect(404, null, 'Not Found'),
    },
    {
      id: 'hapi-boom-bad-request',
      source: `${S} @hapi/boom badRequest(message)`,
      path: '/bad-request',
      expected: expect(400, null, 'Invalid id: abc'),
    },
    {
      id: 'hapi-boom-unauthorized-bearer',
      source: `${S} @hapi/boom unauthorized(message, 'Bearer', { error: 'invalid_token' })`,
      path: '/unauthorized',
      expected: expect(401, 'invalid_token', 'Token expired'),
    },
    {
      id: 'hapi-boom-unauthorized-challenge',
      source: `${S} @hapi/boom unauthorized(null, 'Bearer', { realm })`,
      path: '/unauthorized-bare',
      expected: expect(401, null, 'Unauthorized'),
    },
    {
      id: 'hapi-boom-forbidden',
      source: `${S} @hapi/boom forbidden(message)`,
      path: '/forbidden',
      expected: expect(403, null, 'Insufficient scope'),
    },
    {
      id: 'hapi-boom-not-found',
      source: `${S} @hapi/boom notFound(message)`,
      path: '/not-found',
      expected: expect(404, null, 'Order 42 not found'),
    },
    {
      id: 'hapi-boom-conflict',
      source: `${S} @hapi/boom conflict()`,
      path: '/conflict',
      expected: expect(409, null, 'Conflict'),
    },
    {
      id: 'hapi-boom-gone',
      source: `${S} @hapi/boom resourceGone(message)`,
      path: '/gone',
      expected: expect(410, null, 'Link expired'),
    },
    {
      id: 'hapi-boom-precondition-failed',
      source: `${S} @hapi/boom preconditionFailed(message)`,
      path: '/precondition',
      expected: expect(412, null, 'ETag mismatch'),
    },
    {
      id: 'hapi-boom-bad-data',
      source: `${S} @hapi/boom badData(message)`,
      path: '/bad-data',
      expected: expect(422, null, 'Quantity must be positive'),
    },
    {
      id: 'hapi-boom-too-many-requests',
      source: `${S} @hapi/boom tooManyRequests(message)`,
      path: '/too-many',
      expected: expect(429, null, 'Rate limit exceeded'),
    },
    {
      id: 'hapi-boom-bad-implementation',
      source: `${S} @hapi/boom badImplementation(message) (hidden)`,
      path: '/internal',
      expected: expect(500, null, 'An internal server error occurred'),
    },
    {
      id: 'hapi-thrown-error',
      source: `${S} thrown Error`,
      path: '/thrown',
      expected: expect(500, null, 'An internal server error occurred'),
    },
    {
      id: 'hapi-boom-not-implemented',
      source: `${S} @hapi/boom notImplemented(message)`,
      path: '/not-implemented',
      expected: expect(501, null, 'Coming soon'),
    },
    {
      id: 'hapi-boom-gateway-timeout',
      source: `${S} @hapi/boom gatewayTimeout()`,
      path: '/gateway-timeout',
      expected: expect(504, null, 'Gateway Time-out'),
    },
    {
      id: 'hapi-boom-server-unavailable',
      source: `${S} @hapi/boom serverUnavailable(message) with output.headers Retry-After`,
      path: '/unavailable',
      expected: expect(503, null, 'Down for maintenance', { retryAfter: 300 }),
    },
    {
      id: 'hapi-boom-data-hidden',
      source: `${S} @hapi/boom badRequest(message, data) (data not sent)`,
      path: '/data-code',
      expected: expect(400, null, 'Coupon expired'),
    },
    {
      id: 'hapi-joi-default',
      source: `${S} joi@18 payload validation, default failAction`,
      method: 'POST',
      path: '/users',
      headers: JSON_HEADERS,
      body: '{"age":-1}',
      expected: expect(400, null, 'Invalid request payload input'),
    },
    {
      id: 'hapi-joi-detailed',
      source: `${S} joi@18 payload validation, failAction rethrowing the details`,
      method: 'POST',
      path: '/users-detailed',
      headers: JSON_HEADERS,
      body: '{"age":-1}',
      expected: expect(400, null, '"name" is required'),
    },
    {
      id: 'hapi-invalid-json',
      source: `${S} payload parser, invalid JSON`,
      method: 'POST',
      path: '/users',
      headers: JSON_HEADERS,
      body: '{"name":',
      expected: expect(400, null, 'Invalid request payload JSON format'),
    },
    {
      id: 'hapi-payload-too-large',
      source: `${S} payload parser, maxBytes exceeded`,
      method: 'POST',
      path: '/users',
      headers: JSON_HEADERS,
      body: JSON.stringify({ name: 'x'.repeat(200) }),
      expected: expect(413, null, 'Payload content length greater than maximum allowed: 64'),
    },
    {
      id: 'hapi-unsupported-media-type',
      source: `${S} payload parser, unknown content type`,
      method: 'POST',
      path: '/users',
      headers: { 'content-type': 'application/x-yaml' },
      body: 'name: x',
      expected: expect(415, null, 'Unsupported Media Type'),
    },
  ],
};

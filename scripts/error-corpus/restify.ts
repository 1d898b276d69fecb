import restify from 'restify';
import errors from 'restify-errors';
import { type CaptureServer, expect } from './corpus-case.js';

const S = 'restify@11';

/** The part of restify's handler arguments the routes use (restify ships no types). */
type Next = (error?: Error) => void;
interface Response {
  send(body: unknown): void;
}

/**
 * restify 11 with restify-errors: its 404 and 405, the HTTP and REST error classes, the body
 * parser's errors, the throttle plugin and an unhandled error.
 *
 * @example
 * ```ts
 * const { url, close } = await restifyServer.start();
 * ```
 */
export const restifyServer: CaptureServer = {
  library: 'restify',
  start: async () => {
    const server = restify.createServer({ handleUncaughtExceptions: false });
    server.use(restify.plugins.bodyParser({ maxBodySize: 64 }));
    const fail = (path: string, error: () => Error) =>
      server.get(path, (_request: unknown, _response: unknown, next: Next) => next(error()));
    fail('/not-found', () => new errors.NotFoundError('User 42 not found'));
    fail('/bad-request', () => new errors.BadRequestError('Invalid id'));
    fail('/invalid-argument', () => new errors.InvalidArgumentError('limit must be positive'));
    fail('/missing-parameter', () => new errors.MissingParameterError('name is required'));
    fail('/unauthorized', () => new errors.UnauthorizedError('Token expired'));
    fail('/invalid-credentials', () => new errors.InvalidCredentialsError('Wrong password'));
    fail('/forbidden', () => new errors.ForbiddenError('Admins only'));
    fail('/conflict', () => new errors.ConflictError('Version mismatch'));
    fail('/unavailable', () => new errors.ServiceUnavailableError('Down for maintenance'));
    fail('/internal', () => new errors.InternalServerError('Something broke'));
    fail('/plain-error', () => new Error('Database connection lost'));
    server.post('/users', (_request: unknown, response: Response, next: Next) => {
      response.send({ ok: true });
      next();
    });
    server.get(
      '/throttled',
      restify.plugins.throttle({ burst: 1, rate: 0.5, ip: true }),
      (_request: unknown, response: Response, next: Next) => {
        response.send({ ok: true });
        next();
      },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const address = server.address();
    return {
      url: `http://127.0.0.1:${address.port}`,
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  },
  cases: [
    {
      id: 'restify-route-not-found',
      source: `${S} default 404`,
      path: '/nope',
      expected: expect(404, 'ResourceNotFound', '/nope does not exist'),
    },
    {
      id: 'restify-method-not-allowed',
      source: `${S} default 405`,
      method: 'DELETE',
      path: '/users',
      expected: expect(405, 'MethodNotAllowed', 'DELETE is not allowed'),
    },
    {
      id: 'restify-not-found-error',
      source: `${S} restify-errors NotFoundError`,
      path: '/not-found',
      expected: expect(404, 'NotFound', 'User 42 not found'),
    },
    {
      id: 'restify-bad-request-error',
      source: `${S} restify-errors BadRequestError`,
      path: '/bad-request',
      expected: expect(400, 'BadRequest', 'Invalid id'),
    },
    {
      id: 'restify-invalid-argument-error',
      source: `${S} restify-errors InvalidArgumentError`,
      path: '/invalid-argument',
      expected: expect(409, 'InvalidArgument', 'limit must be positive'),
    },
    {
      id: 'restify-missing-parameter-error',
      source: `${S} restify-errors MissingParameterError`,
      path: '/missing-parameter',
      expected: expect(409, 'MissingParameter', 'name is required'),
    },
    {
      id: 'restify-unauthorized-error',
      source: `${S} restify-errors UnauthorizedError`,
      path: '/unauthorized',
      expected: expect(401, 'Unauthorized', 'Token expired'),
    },
    {
      id: 'restify-invalid-credentials-error',
      source: `${S} restify-errors InvalidCredentialsError`,
      path: '/invalid-credentials',
      expected: expect(401, 'InvalidCredentials', 'Wrong password'),
    },
    {
      id: 'restify-forbidden-error',
      source: `${S} restify-errors ForbiddenError`,
      path: '/forbidden',
      expected: expect(403, 'Forbidden', 'Admins only'),
    },
    {
      id: 'restify-conflict-error',
      source: `${S} restify-errors ConflictError`,
      path: '/conflict',
      expected: expect(409, 'Conflict', 'Version mismatch'),
    },
    {
      id: 'restify-service-unavailable-error',
      source: `${S} restify-errors ServiceUnavailableError`,
      path: '/unavailable',
      expected: expect(503, 'ServiceUnavailable', 'Down for maintenance'),
    },
    {
      id: 'restify-internal-server-error',
      source: `${S} restify-errors InternalServerError`,
      path: '/internal',
      expected: expect(500, 'InternalServer', 'Something broke'),
    },
    {
      id: 'restify-plain-error',
      source: `${S} next(new Error())`,
      path: '/plain-error',
      expected: expect(500, 'Internal', 'Error: Database connection lost'),
    },
    {
      id: 'restify-invalid-json',
      source: `${S} bodyParser, invalid JSON`,
      method: 'POST',
      path: '/users',
      headers: { 'content-type': 'application/json' },
      body: '{"name":',
      expected: (response) => expect(400, 'InvalidContent', JSON.parse(response.body).message),
    },
    {
      id: 'restify-body-too-large',
      source: `${S} bodyParser, maxBodySize exceeded`,
      method: 'POST',
      path: '/users',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x'.repeat(200) }),
      expected: (response) => expect(413, 'PayloadTooLarge', JSON.parse(response.body).message),
    },
    {
      id: 'restify-throttle',
      source: `${S} plugins.throttle (burst 1), 429`,
      path: '/throttled',
      warmup: 1,
      expected: (response) => expect(429, 'TooManyRequests', JSON.parse(response.body).message),
    },
  ],
};

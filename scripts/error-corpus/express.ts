import { createServer } from 'node:http';
import express, { type ErrorRequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import createError from 'http-errors';
import { listenLocal } from '../../test-support/server/apps.js';
import { type CaptureServer, expect } from './corpus-case.js';

const S = 'express@5';

/** The JSON error handler most Express apps add: the error's message under `error`. */
const jsonErrors: ErrorRequestHandler = (error, _request, response, _next) => {
  response.status(error.status ?? 500).json({ error: error.message });
};

/**
 * Express 5 in production mode with http-errors and express-rate-limit: finalhandler's HTML
 * pages, body-parser's errors, a typical JSON error handler and the rate limiter's 429s.
 *
 * @example
 * ```ts
 * const { url, close } = await expressServer.start();
 * ```
 */
export const expressServer: CaptureServer = {
  library: 'express',
  start: async () => {
    const app = express();
    app.set('env', 'production');
    app.post('/users', express.json({ limit: 64 }), (_request, response) => {
      response.json({ ok: true });
    });
    app.get('/throw', () => {
      throw new Error('Database connection lost');
    });
    app.get('/http-errors/not-found', (_request, _response, next) => next(createError(404, 'No such user')));
    app.get('/http-errors/unauthorized', (_request, _response, next) => next(createError(401)));
    app.get('/http-errors/forbidden', (_request, _response, next) =>
      next(createError.Forbidden('Admins only')),
    );
    app.get('/http-errors/conflict', (_request, _response, next) =>
      next(createError(409, 'Order already paid')),
    );
    app.get('/http-errors/unavailable', (_request, _response, next) =>
      next(createError(503, 'Down for maintenance', { headers: { 'Retry-After': '30' } })),
    );
    app.get('/http-errors/internal', (_request, _response, next) => next(createError(500, 'secret detail')));
    app.get('/json/not-found', (_request, _response, next) => next(createError(404, 'No such user')));
    app.get('/json/bad-request', (_request, _response, next) => next(createError(400, 'Email is required')));
    app.get('/json/throw', () => {
      throw new Error('Database connection lost');
    });
    app.use('/json', jsonErrors);
    app.use('/limited', rateLimit({ windowMs: 60_000, limit: 1 }));
    app.use(
      '/limited-draft7',
      rateLimit({ windowMs: 60_000, limit: 1, legacyHeaders: false, standardHeaders: 'draft-7' }),
    );
    app.use(
      '/limited-json',
      rateLimit({
        windowMs: 15_000,
        limit: 1,
        standardHeaders: 'draft-8',
        message: { error: 'rate_limited', message: 'Slow down' },
      }),
    );
    app.get(['/limited', '/limited-draft7', '/limited-json'], (_request, response) => {
      response.json({ ok: true });
    });
    return listenLocal(createServer(app));
  },
  cases: [
    {
      id: 'express-route-not-found',
      source: `${S} finalhandler 404 page`,
      path: '/nope',
      expected: expect(404, null, 'Cannot GET /nope'),
    },
    {
      id: 'express-route-not-found-post',
      source: `${S} finalhandler 404 page`,
      method: 'POST',
      path: '/nope',
      expected: expect(404, null, 'Cannot POST /nope'),
    },
    {
      id: 'express-thrown-error',
      source: `${S} finalhandler, thrown Error (production: the status phrase, not the message)`,
      path: '/throw',
      expected: expect(500, null, 'Internal Server Error'),
    },
    {
      id: 'express-invalid-json',
      source: `${S} express.json() (body-parser), invalid JSON`,
      method: 'POST',
      path: '/users',
      headers: { 'content-type': 'application/json' },
      body: '{"name":',
      expected: expect(400, null, 'Bad Request'),
    },
    {
      id: 'express-body-too-large',
      source: `${S} express.json() (body-parser), limit exceeded`,
      method: 'POST',
      path: '/users',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x'.repeat(200) }),
      expected: expect(413, null, 'Payload Too Large'),
    },
    {
      id: 'express-http-errors-not-found',
      source: `${S} http-errors createError(404, message)`,
      path: '/http-errors/not-found',
      expected: expect(404, null, 'Not Found'),
    },
    {
      id: 'express-http-errors-unauthorized',
      source: `${S} http-errors createError(401)`,
      path: '/http-errors/unauthorized',
      expected: expect(401, null, 'Unauthorized'),
    },
    {
      id: 'express-http-errors-forbidden',
      source: `${S} http-errors createError.Forbidden(message)`,
      path: '/http-errors/forbidden',
      expected: expect(403, null, 'Forbidden'),
    },
    {
      id: 'express-http-errors-conflict',
      source: `${S} http-errors createError(409, message)`,
      path: '/http-errors/conflict',
      expected: expect(409, null, 'Conflict'),
    },
    {
      id: 'express-http-errors-unavailable',
      source: `${S} http-errors createError(503, message, { headers: Retry-After })`,
      path: '/http-errors/unavailable',
      expected: expect(503, null, 'Service Unavailable', { retryAfter: 30 }),
    },
    {
      id: 'express-http-errors-internal',
      source: `${S} http-errors createError(500, message) (not exposed)`,
      path: '/http-errors/internal',
      expected: expect(500, null, 'Internal Server Error'),
    },
    {
      id: 'express-json-handler-not-found',
      source: `${S} JSON error handler {error: message}, http-errors 404`,
      path: '/json/not-found',
      expected: expect(404, null, 'No such user'),
    },
    {
      id: 'express-json-handler-bad-request',
      source: `${S} JSON error handler {error: message}, http-errors 400`,
      path: '/json/bad-request',
      expected: expect(400, null, 'Email is required'),
    },
    {
      id: 'express-json-handler-throw',
      source: `${S} JSON error handler {error: message}, thrown Error`,
      path: '/json/throw',
      expected: expect(500, null, 'Database connection lost'),
    },
    {
      id: 'express-rate-limit',
      source: `${S} express-rate-limit@8 defaults (X-RateLimit-* headers), 429`,
      path: '/limited',
      warmup: 1,
      expected: (response) =>
        expect(429, null, 'Too many requests, please try again later.', {
          retryAfter: Number(response.headers['retry-after']),
        }),
    },
    {
      id: 'express-rate-limit-draft7',
      source: `${S} express-rate-limit@8 standardHeaders draft-7 (RateLimit-*), 429`,
      path: '/limited-draft7',
      warmup: 1,
      expected: (response) =>
        expect(429, null, 'Too many requests, please try again later.', {
          retryAfter: Number(response.headers['retry-after']),
        }),
    },
    {
      id: 'express-rate-limit-json',
      source: `${S} express-rate-limit@8 draft-8 headers and a JSON message, 429`,
      path: '/limited-json',
      warmup: 1,
      expected: (response) =>
        expect(429, 'rate_limited', 'Slow down', { retryAfter: Number(response.headers['retry-after']) }),
    },
  ],
};

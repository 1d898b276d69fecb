import { createServer } from 'node:http';
import Router from '@koa/router';
import Koa from 'koa';
import { listenLocal } from '../../test-support/server/apps.js';
import { type CaptureServer, expect } from './corpus-case.js';

const S = 'koa@3';

/** The part of Koa's context the routes use (koa ships no types). */
interface Context {
  throw(status: number, message?: string, properties?: object): never;
  body: unknown;
}

/**
 * Koa 3 with @koa/router: its default 404, `ctx.throw` with and without a message and headers,
 * a thrown error, and the router's 405 and 501.
 *
 * @example
 * ```ts
 * const { url, close } = await koaServer.start();
 * ```
 */
export const koaServer: CaptureServer = {
  library: 'koa',
  start: async () => {
    const app = new Koa();
    app.silent = true;
    const router = new Router();
    router.get('/bad-request', (ctx: Context) => ctx.throw(400, 'name is required'));
    router.get('/unauthorized', (ctx: Context) => ctx.throw(401));
    router.get('/forbidden', (ctx: Context) => ctx.throw(403, 'Not your order'));
    router.get('/conflict', (ctx: Context) => ctx.throw(409));
    router.get('/throw', () => {
      throw new Error('Database connection lost');
    });
    router.get('/unavailable', (ctx: Context) =>
      ctx.throw(503, 'Maintenance', { headers: { 'Retry-After': '120' } }),
    );
    router.get('/too-many', (ctx: Context) => {
      const at = new Date(Math.floor(Date.now() / 1000) * 1000 + 45_000).toUTCString();
      ctx.throw(429, 'Slow down', { headers: { 'Retry-After': at } });
    });
    router.get('/gateway', (ctx: Context) => ctx.throw(502));
    router.post('/items', (ctx: Context) => {
      ctx.body = { ok: true };
    });
    app.use(router.routes()).use(router.allowedMethods());
    return listenLocal(createServer(app.callback()));
  },
  cases: [
    {
      id: 'koa-not-found',
      source: `${S} default 404`,
      path: '/nope',
      expected: expect(404, null, 'Not Found'),
    },
    {
      id: 'koa-throw-bad-request',
      source: `${S} ctx.throw(400, message)`,
      path: '/bad-request',
      expected: expect(400, null, 'name is required'),
    },
    {
      id: 'koa-throw-unauthorized',
      source: `${S} ctx.throw(401)`,
      path: '/unauthorized',
      expected: expect(401, null, 'Unauthorized'),
    },
    {
      id: 'koa-throw-forbidden',
      source: `${S} ctx.throw(403, message)`,
      path: '/forbidden',
      expected: expect(403, null, 'Not your order'),
    },
    {
      id: 'koa-throw-conflict',
      source: `${S} ctx.throw(409)`,
      path: '/conflict',
      expected: expect(409, null, 'Conflict'),
    },
    {
      id: 'koa-thrown-error',
      source: `${S} thrown Error`,
      path: '/throw',
      expected: expect(500, null, 'Internal Server Error'),
    },
    {
      id: 'koa-throw-unavailable-retry-after',
      source: `${S} ctx.throw(503, message, { headers: Retry-After seconds }), 5xx message hidden`,
      path: '/unavailable',
      expected: expect(503, null, 'Service Unavailable', { retryAfter: 120 }),
    },
    {
      id: 'koa-throw-too-many-http-date',
      source: `${S} ctx.throw(429, message, { headers: Retry-After HTTP-date })`,
      path: '/too-many',
      expected: (response, now) =>
        expect(429, null, 'Slow down', {
          retryAfter: (Date.parse(response.headers['retry-after'] ?? '') - now) / 1000,
        }),
    },
    {
      id: 'koa-throw-bad-gateway',
      source: `${S} ctx.throw(502)`,
      path: '/gateway',
      expected: expect(502, null, 'Bad Gateway'),
    },
    {
      id: 'koa-router-method-not-allowed',
      source: `${S} @koa/router@15 allowedMethods() 405`,
      method: 'DELETE',
      path: '/items',
      expected: expect(405, null, 'Method Not Allowed'),
    },
    {
      id: 'koa-router-not-implemented',
      source: `${S} @koa/router@15 allowedMethods() 501`,
      method: 'PURGE',
      path: '/items',
      expected: expect(501, null, 'Not Implemented'),
    },
  ],
};

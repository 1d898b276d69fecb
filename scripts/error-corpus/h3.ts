import { createServer } from 'node:http';
import { H3, HTTPError, readValidatedBody, toNodeHandler } from 'h3';
import { z } from 'zod';
import { listenLocal } from '../../test-support/server/apps.js';
import { type CaptureServer, expect } from './corpus-case.js';

const S = 'h3@2';

/**
 * h3 2 (the server of Nitro and Nuxt): its 404, HTTPError with and without data, a thrown error and
 * readValidatedBody with a zod schema.
 *
 * @example
 * ```ts
 * const { url, close } = await h3Server.start();
 * ```
 */
export const h3Server: CaptureServer = {
  library: 'h3',
  start: async () => {
    const app = new H3();
    app.get('/http-error', () => {
      throw new HTTPError({ status: 400, message: 'Invalid id: abc' });
    });
    app.get('/http-error-data', () => {
      throw new HTTPError({ status: 409, message: 'Slug taken', data: { field: 'slug' } });
    });
    app.get('/http-error-status', () => {
      throw HTTPError.status(403);
    });
    app.get('/unavailable', () => {
      throw new HTTPError({ status: 503, message: 'Down for maintenance', headers: { 'retry-after': '60' } });
    });
    app.get('/thrown', () => {
      throw new Error('Database connection lost');
    });
    app.post('/users', async (event) => readValidatedBody(event, z.object({ name: z.string() })));
    return listenLocal(createServer(toNodeHandler(app)));
  },
  cases: [
    {
      id: 'h3-route-not-found',
      source: `${S} default 404`,
      path: '/nope',
      expected: (response) => expect(404, null, JSON.parse(response.body).message),
    },
    {
      id: 'h3-http-error',
      source: `${S} HTTPError({ status, message })`,
      path: '/http-error',
      expected: expect(400, null, 'Invalid id: abc'),
    },
    {
      id: 'h3-http-error-data',
      source: `${S} HTTPError({ status, message, data })`,
      path: '/http-error-data',
      expected: expect(409, null, 'Slug taken'),
    },
    {
      id: 'h3-http-error-status',
      source: `${S} HTTPError.status(403)`,
      path: '/http-error-status',
      expected: expect(403, null, 'HTTPError 403'),
    },
    {
      id: 'h3-http-error-headers',
      source: `${S} HTTPError({ status: 503, headers: Retry-After })`,
      path: '/unavailable',
      expected: expect(503, null, 'Down for maintenance', { retryAfter: 60 }),
    },
    {
      id: 'h3-thrown-error',
      source: `${S} thrown Error`,
      path: '/thrown',
      expected: (response) => expect(500, null, JSON.parse(response.body).message),
    },
    {
      id: 'h3-validated-body',
      source: `${S} readValidatedBody with zod 4`,
      method: 'POST',
      path: '/users',
      headers: { 'content-type': 'application/json' },
      body: '{"name":1}',
      expected: (response) => expect(400, null, JSON.parse(response.body).message),
    },
  ],
};

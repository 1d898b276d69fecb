import { serve } from '@hono/node-server';
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { z } from 'zod';
import { type CaptureServer, expect } from './corpus-case.js';

const S = 'hono@4';

/**
 * Hono 4 on @hono/node-server: its default 404 and error handler, HTTPException, bearer-auth's
 * RFC 6750 challenges, @hono/zod-validator, body-limit and the request-id middleware.
 *
 * @example
 * ```ts
 * const { url, close } = await honoServer.start();
 * ```
 */
export const honoServer: CaptureServer = {
  library: 'hono',
  start: async () => {
    const app = new Hono();
    app.use('/with-id/*', requestId());
    app.get('/with-id/missing', (c) => c.json({ error: 'not_found', message: 'No such order' }, 404));
    app.get('/throw', () => {
      throw new Error('Database connection lost');
    });
    app.get('/exception', () => {
      throw new HTTPException(401, { message: 'Session expired' });
    });
    app.get('/exception-bare', () => {
      throw new HTTPException(403);
    });
    app.get('/exception-response', () => {
      throw new HTTPException(429, {
        res: new Response('Too many requests', { status: 429, headers: { 'Retry-After': '15' } }),
      });
    });
    app.use('/secure/*', bearerAuth({ token: 'secret-token' }));
    app.get('/secure/data', (c) => c.json({ ok: true }));
    app.post(
      '/users',
      bodyLimit({ maxSize: 64 }),
      zValidator('json', z.object({ name: z.string(), email: z.email() })),
      (c) => c.json({ ok: true }),
    );
    app.post(
      '/users-hook',
      zValidator('json', z.object({ name: z.string() }), (result, c) => {
        if (!result.success)
          return c.json({ error: { code: 'VALIDATION_FAILED', message: 'name is required' } }, 422);
      }),
      (c) => c.json({ ok: true }),
    );
    let server!: ReturnType<typeof serve>;
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
    });
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    return {
      url: `http://127.0.0.1:${port}`,
      close: () => new Promise<void>((done) => server.close(() => done())),
    };
  },
  cases: [
    {
      id: 'hono-not-found',
      source: `${S} default 404`,
      path: '/nope',
      expected: expect(404, null, '404 Not Found'),
    },
    {
      id: 'hono-thrown-error',
      source: `${S} default onError, thrown Error`,
      path: '/throw',
      expected: expect(500, null, 'Internal Server Error'),
    },
    {
      id: 'hono-http-exception',
      source: `${S} HTTPException(401, { message })`,
      path: '/exception',
      expected: expect(401, null, 'Session expired'),
    },
    {
      id: 'hono-http-exception-bare',
      source: `${S} HTTPException(403)`,
      path: '/exception-bare',
      expected: expect(403, null, 'Forbidden'),
    },
    {
      id: 'hono-http-exception-response',
      source: `${S} HTTPException(429, { res }) with Retry-After`,
      path: '/exception-response',
      expected: expect(429, null, 'Too many requests', { retryAfter: 15 }),
    },
    {
      id: 'hono-bearer-auth-missing',
      source: `${S} hono/bearer-auth, no Authorization`,
      path: '/secure/data',
      expected: expect(401, null, 'Unauthorized'),
    },
    {
      id: 'hono-bearer-auth-invalid-token',
      source: `${S} hono/bearer-auth, wrong token`,
      path: '/secure/data',
      headers: { authorization: 'Bearer wrong' },
      expected: expect(401, 'invalid_token', 'Unauthorized'),
    },
    {
      id: 'hono-bearer-auth-invalid-request',
      source: `${S} hono/bearer-auth, malformed Authorization`,
      path: '/secure/data',
      headers: { authorization: 'Basic abc' },
      expected: expect(400, 'invalid_request', 'Bad Request'),
    },
    {
      id: 'hono-zod-validator',
      source: `${S} @hono/zod-validator@0.9 default hook (zod 4)`,
      method: 'POST',
      path: '/users',
      headers: { 'content-type': 'application/json' },
      body: '{"name":1}',
      expected: expect(400, null, 'Invalid input: expected string, received number'),
    },
    {
      id: 'hono-zod-validator-hook',
      source: `${S} @hono/zod-validator@0.9 custom hook answering {error:{code,message}}`,
      method: 'POST',
      path: '/users-hook',
      headers: { 'content-type': 'application/json' },
      body: '{}',
      expected: expect(422, 'VALIDATION_FAILED', 'name is required'),
    },
    {
      id: 'hono-body-limit',
      source: `${S} hono/body-limit exceeded`,
      method: 'POST',
      path: '/users',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x'.repeat(200) }),
      expected: expect(413, null, 'Payload Too Large'),
    },
    {
      id: 'hono-request-id',
      source: `${S} hono/request-id with c.json({error, message}, 404)`,
      path: '/with-id/missing',
      headers: { 'x-request-id': 'req-hono-1' },
      expected: expect(404, 'not_found', 'No such order', { requestId: 'req-hono-1' }),
    },
  ],
};

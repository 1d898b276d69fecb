import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errcat as expressErrcat, idempotency as expressIdempotency } from '@errcat/express';
import { errcat as fastifyErrcat, idempotency as fastifyIdempotency } from '@errcat/fastify';
import { errcat as honoErrcat, idempotency as honoIdempotency } from '@errcat/hono';
import { serve } from '@hono/node-server';
import { type ErrorResponderOptions, roleError } from 'errcat';
import { DEFAULT_MAX_RESPONSE_BYTES } from 'errcat/adapter';
import { createIdempotencyGuard } from 'errcat/idempotency';
import { withErrors, withIdempotency } from 'errcat/node';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { validator } from 'hono/validator';

/**
 * The same small API in each framework, for the adapter tests:
 *
 * - `GET /t/<anything>` throws `thrower('/t/<anything>')`;
 * - `POST /json` parses a JSON body of at most {@link BODY_LIMIT} bytes and echoes it;
 * - `PUT /json` reads the JSON body the framework's idiomatic way (Hono: `c.req.json()`) and echoes it;
 * - `POST /idem/small` and `POST /idem/large`, behind the adapter's idempotency guard, answer
 *   `ok` or {@link LARGE_RESPONSE}, with the number of the handler's run in `x-run`;
 * - `GET /partial` starts a response, then throws (not in Hono, which has no such state);
 * - any other path is unknown.
 */
export type Thrower = (path: string) => unknown;

/** A running test server on 127.0.0.1. */
export interface TestApp {
  /** The base URL, such as `http://127.0.0.1:40123`. */
  readonly url: string;
  /** Stops the server and drops its connections. */
  close(): Promise<void>;
}

/** The adapters under test. */
export const ADAPTERS = ['node', 'fastify', 'express', 'hono'] as const;
/** One of {@link ADAPTERS}. */
export type AdapterName = (typeof ADAPTERS)[number];

/** The body limit of `POST /json`, in bytes. */
export const BODY_LIMIT = 1024;

/** What `POST /idem/large` answers: one byte more than idempotency stores by default. */
export const LARGE_RESPONSE: string = 'x'.repeat(DEFAULT_MAX_RESPONSE_BYTES + 1);

/** The answer of `POST /idem/<size>`, numbered by a count of runs per app. */
function idempotentAnswers(): (size: string | undefined) => { run: string; body: string } {
  let runs = 0;
  return (size) => ({ run: String(++runs), body: size === 'large' ? LARGE_RESPONSE : 'ok' });
}

/**
 * Listens on a free port of 127.0.0.1 unless the server listens already; the app's `close` drops
 * the server's connections, then runs `close` (default: the server's own).
 *
 * @example
 * ```ts
 * const app = await listenLocal(createServer(handler));
 * await fetch(`${app.url}/`);
 * await app.close();
 * ```
 */
export async function listenLocal(server: Server, close?: () => Promise<unknown>): Promise<TestApp> {
  if (!server.listening) {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
  }
  return listenFrom(server, close ?? (() => new Promise((resolve) => server.close(resolve))));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      text += chunk;
    });
    request.on('end', () => resolve(text));
    request.on('error', reject);
  });
}

function startNode(options: ErrorResponderOptions, thrower: Thrower): Promise<TestApp> {
  const { catalog } = options;
  const answer = idempotentAnswers();
  const idempotent = withIdempotency(
    (req, res) => {
      const { run, body } = answer(req.url?.slice('/idem/'.length));
      res.writeHead(200, { 'content-type': 'text/plain', 'x-run': run }).end(body);
    },
    { guard: createIdempotencyGuard() },
  );
  const server = createServer(
    withErrors(async (req, res) => {
      const path = (req.url ?? '/').split('?')[0] as string;
      if (req.method === 'GET' && path.startsWith('/t/')) throw thrower(path);
      if (req.method === 'POST' && path.startsWith('/idem/')) return idempotent(req, res);
      if ((req.method === 'POST' || req.method === 'PUT') && path === '/json') {
        if (Number(req.headers['content-length'] ?? 0) > BODY_LIMIT)
          throw roleError(catalog, 'PAYLOAD_TOO_LARGE');
        if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) {
          throw roleError(catalog, 'UNSUPPORTED_MEDIA_TYPE');
        }
        let body: unknown;
        try {
          body = JSON.parse(await readBody(req));
        } catch (cause) {
          throw roleError(catalog, 'MALFORMED_JSON', {}, { cause });
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        return;
      }
      if (path === '/partial') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('partial');
        await new Promise((resolve) => setTimeout(resolve, 5));
        throw new Error('failed mid-stream');
      }
      throw roleError(catalog, 'ROUTE_NOT_FOUND');
    }, options),
  );
  return listenLocal(server);
}

async function startFastify(options: ErrorResponderOptions, thrower: Thrower): Promise<TestApp> {
  const app = Fastify({ bodyLimit: BODY_LIMIT });
  await app.register(fastifyErrcat, options);
  app.get('/t/*', async (request) => {
    throw thrower(request.url.split('?')[0] as string);
  });
  app.post('/json', async (request) => request.body);
  app.put('/json', async (request) => request.body);
  const answer = idempotentAnswers();
  await app.register(async (scope) => {
    await scope.register(fastifyIdempotency, { guard: createIdempotencyGuard() });
    scope.post<{ Params: { size: string } }>('/idem/:size', async (request, reply) => {
      const { run, body } = answer(request.params.size);
      return reply.type('text/plain').header('x-run', run).send(body);
    });
  });
  app.post(
    '/validated',
    { schema: { body: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } } },
    async (request) => request.body,
  );
  app.get('/partial', async (_request, reply) => {
    reply.raw.writeHead(200, { 'content-type': 'text/plain' });
    reply.raw.write('partial');
    await new Promise((resolve) => setTimeout(resolve, 5));
    throw new Error('failed mid-stream');
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return listenFrom(app.server, () => app.close());
}

function listenFrom(server: Server, close: () => Promise<unknown>): TestApp {
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await close();
    },
  };
}

function startExpress(options: ErrorResponderOptions, thrower: Thrower): Promise<TestApp> {
  const errcat = expressErrcat(options);
  const app = express();
  app.get('/t/*rest', async (request) => {
    throw thrower(request.path);
  });
  app.post('/json', express.json({ limit: BODY_LIMIT }), (request, response) => {
    if (!request.is('application/json')) throw roleError(options.catalog, 'UNSUPPORTED_MEDIA_TYPE');
    response.json(request.body);
  });
  app.put('/json', express.json({ limit: BODY_LIMIT }), (request, response) => {
    response.json(request.body);
  });
  const idempotent = expressIdempotency({ guard: createIdempotencyGuard() });
  const answer = idempotentAnswers();
  app.post('/idem/:size', idempotent.guard, (request, response) => {
    const { run, body } = answer(String(request.params.size));
    response.type('text/plain').set('x-run', run).send(body);
  });
  app.get('/partial', async (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.write('partial');
    await new Promise((resolve) => setTimeout(resolve, 5));
    throw new Error('failed mid-stream');
  });
  app.use(errcat.notFound);
  app.use(idempotent.errorHandler, errcat.errorHandler);
  return listenLocal(createServer(app));
}

async function startHono(options: ErrorResponderOptions, thrower: Thrower): Promise<TestApp> {
  const errcat = honoErrcat(options);
  const app = new Hono();
  app.use(errcat.catchAll);
  app.get('/t/*', (c) => {
    throw thrower(c.req.path);
  });
  app.post(
    '/json',
    bodyLimit({ maxSize: BODY_LIMIT }),
    async (c, next) => {
      if (!/^application\/json\b/.test(c.req.header('content-type') ?? '')) {
        throw roleError(options.catalog, 'UNSUPPORTED_MEDIA_TYPE');
      }
      await next();
    },
    validator('json', (value) => value),
    (c) => c.json(c.req.valid('json')),
  );
  app.put('/json', async (c) => c.json(await c.req.json()));
  const answer = idempotentAnswers();
  app.use('/idem/*', honoIdempotency({ guard: createIdempotencyGuard() }));
  app.post('/idem/:size', (c) => {
    const { run, body } = answer(c.req.param('size'));
    c.header('x-run', run);
    return c.text(body);
  });
  app.onError(errcat.onError);
  app.notFound(errcat.notFound);
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await once(server, 'listening');
  return listenFrom(server, () => new Promise((resolve) => server.close(resolve)));
}

/**
 * Starts the test API in one framework with errcat's adapter on 127.0.0.1, on a free port.
 *
 * @example
 * ```ts
 * const app = await startApp('express', { catalog }, () => catalog.ORDER_NOT_FOUND({ id: 'o1' }));
 * await fetch(`${app.url}/t/x`);
 * await app.close();
 * ```
 */
export function startApp(
  adapter: AdapterName,
  options: ErrorResponderOptions,
  thrower: Thrower,
): Promise<TestApp> {
  switch (adapter) {
    case 'node':
      return startNode(options, thrower);
    case 'fastify':
      return startFastify(options, thrower);
    case 'express':
      return startExpress(options, thrower);
    case 'hono':
      return startHono(options, thrower);
  }
}

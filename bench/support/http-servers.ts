/**
 * The servers of the HTTP benchmark, one per case, each answering `GET /fail` with an error. Forked
 * with `ERRCAT_BENCH_CASE=<case>`, this module starts that case on 127.0.0.1, reports its port over
 * IPC and exits when the parent disconnects, so the load generator runs in another process.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errcat as expressErrcat } from '@errcat/express';
import { errcat as fastifyErrcat } from '@errcat/fastify';
import { errcat as honoErrcat } from '@errcat/hono';
import sensible from '@fastify/sensible';
import { serve } from '@hono/node-server';
import { createErrorResponder } from 'errcat';
import { withErrors } from 'errcat/node';
import express, { type ErrorRequestHandler } from 'express';
import Fastify, { type FastifyInstance } from 'fastify';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import createError from 'http-errors';
import { orderCatalog } from './order-catalog.js';

const catalog = orderCatalog;

const errcatOptions = { catalog, logger: false } as const;

/**
 * The response errcat sends for the error, with a fixed request id of the length of the UUIDs it
 * makes: every case sends this body, so all move the same bytes, and the "same headers" cases send
 * its headers too, so a ratio against them measures errcat's work rather than its header count.
 */
const sample = createErrorResponder(errcatOptions).respond(catalog.ORDER_NOT_FOUND({ id: 'o-1' }), {
  method: 'GET',
  url: '/fail',
  headers: { 'x-request-id': '6f1c2a4e-0b7d-4e53-9a8f-3c5d7e9b1a20' },
});
const BODY = sample.body;
const BODY_OBJECT = JSON.parse(BODY) as Record<string, unknown>;
const CONTENT_TYPE = 'application/problem+json';
/** errcat's headers (content type, error code, request id), without the length frameworks add. */
const ERRCAT_HEADERS: HeaderMap = sample.headers;
const MESSAGE = "Order 'o-1' not found";

type HeaderMap = Readonly<Record<string, string>>;

/** The JSON error handler an Express app with http-errors typically has. */
const httpErrorsHandler: ErrorRequestHandler = (error, _req, res, _next) => {
  res.status(error.status ?? 500).json({ error: error.message, status: error.status });
};

function fastifyServer(setup: (app: FastifyInstance) => unknown): () => Promise<Server> {
  return async () => {
    const app = Fastify({ logger: false });
    await setup(app);
    await app.listen({ port: 0, host: '127.0.0.1' });
    return app.server;
  };
}

function honoServer(setup: (app: Hono) => void): () => Promise<Server> {
  return async () => {
    const app = new Hono();
    setup(app);
    return serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  };
}

const throwOrderNotFound = (): never => {
  throw catalog.ORDER_NOT_FOUND({ id: 'o-1' });
};

/**
 * What a throw costs in each framework with no error library: the route throws the errcat error
 * and an error handler sends the precomputed body with `headers` (the content type alone, or all
 * of errcat's).
 */
const throwToConstantHandler = {
  node: (headers: HeaderMap) => async () =>
    createServer((_req, res) => {
      try {
        throwOrderNotFound();
      } catch {
        res.writeHead(404, { ...headers, 'content-length': Buffer.byteLength(BODY) });
        res.end(BODY);
      }
    }),
  fastify: (headers: HeaderMap) =>
    fastifyServer((app) => {
      app.setErrorHandler((_error, _request, reply) => {
        reply.code(404).headers(headers).send(BODY);
      });
      app.get('/fail', async () => throwOrderNotFound());
    }),
  express: (headers: HeaderMap) => async () => {
    const app = express();
    app.get('/fail', throwOrderNotFound);
    app.use(((_error, _req, res, _next) => {
      res.status(404).set(headers).send(BODY);
    }) satisfies ErrorRequestHandler);
    return createServer(app);
  },
  hono: (headers: HeaderMap) =>
    honoServer((app) => {
      app.get('/fail', throwOrderNotFound);
      app.onError((_error, c) => c.body(BODY, 404, headers));
    }),
};
/** The constant handlers' headers: the content type alone. */
const CONTENT_TYPE_ONLY: HeaderMap = { 'content-type': CONTENT_TYPE };

/** Every case, by name: what serves `GET /fail`. */
export const HTTP_CASES: Record<string, () => Promise<Server>> = {
  'node:http, precomputed body': async () =>
    createServer((_req, res) => {
      res.writeHead(404, { 'content-type': CONTENT_TYPE, 'content-length': Buffer.byteLength(BODY) });
      res.end(BODY);
    }),
  'node:http, JSON.stringify': async () =>
    createServer((_req, res) => {
      const body = JSON.stringify(BODY_OBJECT);
      res.writeHead(404, { 'content-type': CONTENT_TYPE, 'content-length': Buffer.byteLength(body) });
      res.end(body);
    }),
  'node:http, throw to a constant handler': throwToConstantHandler.node(CONTENT_TYPE_ONLY),
  'node:http, throw to a constant handler, same headers': throwToConstantHandler.node(ERRCAT_HEADERS),
  'errcat/node, thrown errcat error': async () => createServer(withErrors(throwOrderNotFound, errcatOptions)),
  'fastify, direct send': fastifyServer((app) => {
    app.get('/fail', (_request, reply) => {
      reply.code(404).header('content-type', CONTENT_TYPE).send(BODY);
    });
  }),
  'fastify, @fastify/sensible throw': fastifyServer(async (app) => {
    await app.register(sensible);
    app.get('/fail', async () => {
      throw app.httpErrors.notFound(MESSAGE);
    });
  }),
  'fastify, throw to a constant handler': throwToConstantHandler.fastify(CONTENT_TYPE_ONLY),
  'fastify, throw to a constant handler, same headers': throwToConstantHandler.fastify(ERRCAT_HEADERS),
  'fastify, thrown errcat error': fastifyServer(async (app) => {
    await app.register(fastifyErrcat, errcatOptions);
    app.get('/fail', async () => throwOrderNotFound());
  }),
  'express, direct send': async () => {
    const app = express();
    app.get('/fail', (_req, res) => {
      res.status(404).set('content-type', CONTENT_TYPE).send(BODY);
    });
    return createServer(app);
  },
  'express, http-errors throw': async () => {
    const app = express();
    app.get('/fail', () => {
      throw createError(404, MESSAGE);
    });
    app.use(httpErrorsHandler);
    return createServer(app);
  },
  'express, throw to a constant handler': throwToConstantHandler.express(CONTENT_TYPE_ONLY),
  'express, throw to a constant handler, same headers': throwToConstantHandler.express(ERRCAT_HEADERS),
  'express, thrown errcat error': async () => {
    const errcat = expressErrcat(errcatOptions);
    const app = express();
    app.get('/fail', throwOrderNotFound);
    app.use(errcat.notFound);
    app.use(errcat.errorHandler);
    return createServer(app);
  },
  'hono, direct send': honoServer((app) => {
    app.get('/fail', (c) => c.body(BODY, 404, { 'content-type': CONTENT_TYPE }));
  }),
  'hono, HTTPException throw': honoServer((app) => {
    app.get('/fail', () => {
      throw new HTTPException(404, { message: MESSAGE });
    });
    app.onError((error, c) =>
      error instanceof HTTPException
        ? c.json({ error: error.message, status: error.status }, error.status)
        : c.json({ error: 'Internal Server Error' }, 500),
    );
  }),
  'hono, throw to a constant handler': throwToConstantHandler.hono(CONTENT_TYPE_ONLY),
  'hono, throw to a constant handler, same headers': throwToConstantHandler.hono(ERRCAT_HEADERS),
  'hono, thrown errcat error': honoServer((app) => {
    const errcat = honoErrcat(errcatOptions);
    app.get('/fail', throwOrderNotFound);
    app.onError(errcat.onError);
  }),
};

async function main(name: string): Promise<void> {
  const start = HTTP_CASES[name];
  if (!start || !process.send) throw new Error(`unknown case '${name}', or not started with an IPC channel`);
  const server = await start();
  if (!server.listening) server.listen(0, '127.0.0.1');
  if (!server.listening) await new Promise((resolve) => server.once('listening', resolve));
  process.send({ port: (server.address() as AddressInfo).port });
  // The parent asks for this process's CPU time around each measurement: CPU per request is far
  // less disturbed by other load on the machine than requests per second.
  process.on('message', (message) => {
    if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() });
  });
  // The parent ends the case by disconnecting; never outlive it.
  process.on('disconnect', () => process.exit(0));
}

if (process.env.ERRCAT_BENCH_CASE !== undefined) await main(process.env.ERRCAT_BENCH_CASE);

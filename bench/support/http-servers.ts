/**
 * The servers of the HTTP benchmark, one per case, each answering `GET /fail` with an error. Forked
 * with `ERRCAT_BENCH_CASE=<case>`, this module starts that case on 127.0.0.1, reports its port over
 * IPC and exits when the parent disconnects, so the load generator runs in another process.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errcatMiddleware } from '@errcat/express';
import { errcatPlugin } from '@errcat/fastify';
import { errcatHandlers } from '@errcat/hono';
import sensible from '@fastify/sensible';
import { serve } from '@hono/node-server';
import { renderError } from 'errcat';
import { withErrors } from 'errcat/node';
import express, { type ErrorRequestHandler } from 'express';
import Fastify, { type FastifyInstance } from 'fastify';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import createError from 'http-errors';
import { orderCatalog } from './order-catalog.js';

const catalog = orderCatalog;

/** The body every case sends: what errcat renders for the error, so all cases move the same bytes. */
const rendered = renderError(catalog.ORDER_NOT_FOUND({ id: 'o-1' }), { context: { requestId: 'bench' } });
const BODY = rendered.body;
const BODY_OBJECT = JSON.parse(BODY) as Record<string, unknown>;
const CONTENT_TYPE = 'application/problem+json';
const MESSAGE = "Order 'o-1' not found";
const errcatOptions = { catalog, logger: false } as const;

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
  // What a throw costs by itself: a handler that throws to a catch that sends the precomputed body.
  'node:http, throw to a constant catch': async () => {
    const handler = (): never => {
      throw catalog.ORDER_NOT_FOUND({ id: 'o-1' });
    };
    return createServer((_req, res) => {
      try {
        handler();
      } catch {
        res.writeHead(404, { 'content-type': CONTENT_TYPE, 'content-length': Buffer.byteLength(BODY) });
        res.end(BODY);
      }
    });
  },
  'errcat/node, thrown errcat error': async () =>
    createServer(
      withErrors(() => {
        throw catalog.ORDER_NOT_FOUND({ id: 'o-1' });
      }, errcatOptions),
    ),
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
  // What a throw costs in the framework itself: an error handler that only sends the precomputed body.
  'fastify, throw to a constant error handler': fastifyServer((app) => {
    app.setErrorHandler((_error, _request, reply) => {
      reply.code(404).header('content-type', CONTENT_TYPE).send(BODY);
    });
    app.get('/fail', async () => {
      throw catalog.ORDER_NOT_FOUND({ id: 'o-1' });
    });
  }),
  'fastify, thrown errcat error': fastifyServer(async (app) => {
    await app.register(errcatPlugin, errcatOptions);
    app.get('/fail', async () => {
      throw catalog.ORDER_NOT_FOUND({ id: 'o-1' });
    });
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
  'express, throw to a constant error handler': async () => {
    const app = express();
    app.get('/fail', () => {
      throw catalog.ORDER_NOT_FOUND({ id: 'o-1' });
    });
    app.use(((_error, _req, res, _next) => {
      res.status(404).set('content-type', CONTENT_TYPE).send(BODY);
    }) satisfies ErrorRequestHandler);
    return createServer(app);
  },
  'express, thrown errcat error': async () => {
    const errcat = errcatMiddleware(errcatOptions);
    const app = express();
    app.get('/fail', () => {
      throw catalog.ORDER_NOT_FOUND({ id: 'o-1' });
    });
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
  'hono, throw to a constant onError': honoServer((app) => {
    app.get('/fail', () => {
      throw catalog.ORDER_NOT_FOUND({ id: 'o-1' });
    });
    app.onError((_error, c) => c.body(BODY, 404, { 'content-type': CONTENT_TYPE }));
  }),
  'hono, thrown errcat error': honoServer((app) => {
    const errcat = errcatHandlers(errcatOptions);
    app.get('/fail', () => {
      throw catalog.ORDER_NOT_FOUND({ id: 'o-1' });
    });
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

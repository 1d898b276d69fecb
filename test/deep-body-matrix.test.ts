/**
 * A 20 KB JSON body nested 10,000 deep, sent to real Fastify, Express, Hono and node:http servers
 * on 127.0.0.1, each behind its adapter's error handler and idempotency guard: with an
 * `Idempotency-Key` the guard's fingerprint refuses it; without one, the route echoes the parsed
 * body (`JSON.stringify` overflows the stack) and the error handler answers for the client's body.
 * Every adapter answers 400 `BODY_TOO_DEEP`, logged below error level; none answers 500.
 */
import { createServer, type Server } from 'node:http';
import { errcat as expressErrcat, idempotency as expressIdempotency } from '@errcat/express';
import { errcat as fastifyErrcat, idempotency as fastifyIdempotency } from '@errcat/fastify';
import { errcat as honoErrcat, idempotency } from '@errcat/hono';
import { serve } from '@hono/node-server';
import type { ErrorLogger } from 'errcat';
import { createIdempotencyGuard } from 'errcat/idempotency';
import { withErrors, withIdempotency } from 'errcat/node';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADAPTERS, type AdapterName, listenLocal, type TestApp } from '../test-support/server/apps.js';

/** The levels of everything the servers logged. */
const levels: string[] = [];
const logger = Object.fromEntries(
  ['trace', 'debug', 'info', 'warn', 'error', 'fatal'].map((level) => [level, () => levels.push(level)]),
) as unknown as ErrorLogger;

/** Every app echoes the parsed body on POST /echo and POST /orders (the latter behind the guard). */
async function start(adapter: AdapterName): Promise<TestApp> {
  const guard = createIdempotencyGuard();
  if (adapter === 'node') {
    const server = createServer(
      withErrors(
        withIdempotency(
          async (_req, res, { body }) => {
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ echo: JSON.parse(body.toString('utf8')) }));
          },
          { guard },
        ),
        { logger },
      ),
    );
    return listenLocal(server);
  }
  if (adapter === 'fastify') {
    const app = Fastify({ bodyLimit: 1_048_576 });
    await app.register(fastifyErrcat, { logger });
    await app.register(fastifyIdempotency, { guard });
    app.post('/*', async (request) => ({ echo: request.body }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    return listenLocal(app.server, () => app.close());
  }
  if (adapter === 'express') {
    const errcat = expressErrcat({ logger });
    const guarded = expressIdempotency({ guard });
    const app = express();
    app.use(express.json({ limit: '1mb' }));
    app.post('/*rest', guarded.guard, (req, res) => {
      res.json({ echo: req.body });
    });
    app.use(guarded.errorHandler, errcat.errorHandler);
    return listenLocal(createServer(app));
  }
  const errcat = honoErrcat({ logger });
  const app = new Hono();
  app.use('*', idempotency({ guard }));
  app.post('*', async (c) => c.json({ echo: await c.req.json() }));
  app.onError(errcat.onError);
  return listenLocal(serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server);
}

const apps = new Map<AdapterName, TestApp>();

beforeAll(async () => {
  for (const adapter of ADAPTERS) apps.set(adapter, await start(adapter));
});

afterAll(async () => {
  for (const app of apps.values()) await app.close();
});

const DEEP = `{"sku":"A1","tags":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;

describe('a body nested 10,000 deep × adapters (Fastify, Express, Hono, node:http)', () => {
  it('is 400 BODY_TOO_DEEP with an Idempotency-Key and without, never a 500', async () => {
    const answers: [AdapterName, string, number, unknown][] = [];
    for (const adapter of ADAPTERS) {
      const app = apps.get(adapter) as TestApp;
      for (const key of [undefined, `"${crypto.randomUUID()}"`]) {
        const response = await fetch(`${app.url}/orders`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
          body: DEEP,
        });
        const body = (await response.json()) as { code?: unknown };
        answers.push([adapter, key ? 'key' : 'no key', response.status, body.code]);
      }
    }
    expect(answers).toEqual(
      ADAPTERS.flatMap((adapter) => [
        [adapter, 'no key', 400, 'BODY_TOO_DEEP'],
        [adapter, 'key', 400, 'BODY_TOO_DEEP'],
      ]),
    );
    expect(levels.filter((level) => level === 'error' || level === 'fatal')).toEqual([]);
  });

  it('still echoes a body as deep as allowed (64 levels)', async () => {
    const body = `{"tags":${'['.repeat(63)}${']'.repeat(63)}}`;
    for (const adapter of ADAPTERS) {
      const app = apps.get(adapter) as TestApp;
      const response = await fetch(`${app.url}/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `"${crypto.randomUUID()}"` },
        body,
      });
      expect([adapter, response.status, await response.json()]).toEqual([
        adapter,
        200,
        { echo: JSON.parse(body) },
      ]);
    }
  });
});

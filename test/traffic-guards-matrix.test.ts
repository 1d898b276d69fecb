/**
 * The traffic guards (rate limiter, load shedder) inside real Fastify, Express, Hono and node:http
 * servers on 127.0.0.1, through each adapter's own export (`trafficGuards` of @errcat/fastify,
 * @errcat/express and @errcat/hono, `withTrafficGuards` of errcat/node): every adapter admits the
 * same requests, refuses the others with the catalog's own codes, the same headers and
 * byte-identical bodies, and gives every shedder slot back, also when a queued client leaves.
 */
import { createServer, type Server } from 'node:http';
import { errcat as expressErrcat, trafficGuards as expressTrafficGuards } from '@errcat/express';
import { errcat as fastifyErrcat, trafficGuards as fastifyTrafficGuards } from '@errcat/fastify';
import { errcat as honoErrcat, trafficGuards as honoTrafficGuards } from '@errcat/hono';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { defineCatalog, type ErrorResponderOptions } from 'errcat';
import { gracefulShutdown, withErrors, withTrafficGuards } from 'errcat/node';
import { createRateLimiter, parseRateLimit, type RateLimiter } from 'errcat/rate-limit';
import { createLoadShedder, type LoadShedder } from 'errcat/shed';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadUntilClosed, send } from '../test-support/keep-alive-load.js';
import { ADAPTERS, type AdapterName, listenLocal, type TestApp } from '../test-support/server/apps.js';

// The catalog of the docs: seed 000's codes for the roles the guards raise.
const catalog = defineCatalog({
  domain: 'queue.example.com',
  errors: {
    SLOW_DOWN: { code: 4290, status: 429, message: 'Too many requests', role: 'RATE_LIMITED' },
    API_QUEUE_FULL: {
      code: 5031,
      status: 503,
      message: 'The API submission queue is full',
      role: 'QUEUE_FULL',
    },
  },
});
const options: ErrorResponderOptions = { catalog, logger: false };

/** The guards one server runs, each built per server so that no count leaks between them. */
interface Guards {
  readonly shedder: LoadShedder;
  readonly limiter: RateLimiter<'general'>;
}

/** A running server and its guards. */
interface GuardedApp extends TestApp {
  readonly guards: Guards;
  /** The `node:http` server under the framework. */
  readonly server: Server;
  /** Responses the server saw close, answered or not (a client that left). */
  readonly closed: () => number;
}

function guarded(app: TestApp, server: Server, guards: Guards): GuardedApp {
  let closed = 0;
  server.on('request', (_request, response) => response.once('close', () => closed++));
  return { ...app, guards, server, closed: () => closed };
}

/** `/slow` requests count themselves in, then wait until the test opens the gate. */
const gate = { entered: 0, open: () => {}, opened: Promise.resolve() };

function closeGate(): void {
  gate.entered = 0;
  gate.opened = new Promise((resolve) => {
    gate.open = resolve;
  });
}

/** The API, once, for every framework. */
async function work(path: string): Promise<string> {
  if (path === '/slow') {
    gate.entered++;
    await gate.opened;
  }
  return '{"ok":true}';
}

/** Starts the API in one framework behind its adapter's traffic guards. */
async function start(adapter: AdapterName, guards: Guards): Promise<GuardedApp> {
  const { shedder, limiter } = guards;
  if (adapter === 'node') {
    const server = createServer(
      withErrors(
        withTrafficGuards(
          async (req, res) => {
            res.writeHead(200, { 'content-type': 'application/json' }).end(await work(req.url ?? '/'));
          },
          { shedder, limiter, policies: 'general', catalog },
        ),
        options,
      ),
    );
    return guarded(await listenLocal(server), server, guards);
  }
  if (adapter === 'fastify') {
    const app = Fastify();
    await app.register(fastifyErrcat, options);
    await app.register(fastifyTrafficGuards, { shedder, limiter, policies: 'general' });
    app.get('/*', async (request, reply) => reply.type('application/json').send(await work(request.url)));
    await app.listen({ port: 0, host: '127.0.0.1' });
    return guarded(await listenLocal(app.server, () => app.close()), app.server, guards);
  }
  if (adapter === 'express') {
    const errcat = expressErrcat(options);
    const app = express();
    app.use(expressTrafficGuards({ shedder, limiter, policies: 'general' }));
    app.get('/*rest', async (req, res) => {
      res.type('application/json').send(await work(req.path));
    });
    app.use(errcat.errorHandler);
    const server = createServer(app);
    return guarded(await listenLocal(server), server, guards);
  }
  const errcat = honoErrcat(options);
  const app = new Hono();
  app.use(errcat.catchAll);
  app.use(
    honoTrafficGuards({
      shedder,
      limiter,
      policies: 'general',
      facts: (c) => ({ ip: getConnInfo(c).remote.address, method: c.req.method }),
    }),
  );
  app.get('*', async (c) => c.body(await work(c.req.path), 200, { 'content-type': 'application/json' }));
  app.onError(errcat.onError);
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  return guarded(await listenLocal(server), server, guards);
}

/** Rate-limited servers: 3 per hour, so the burst of 3 is all a fresh client gets in the test. */
const limited = new Map<AdapterName, GuardedApp>();
/** Shedding servers: 1 slot and a queue of 1; the queue timeout never fires within a test. */
const shedding = new Map<AdapterName, GuardedApp>();

beforeAll(async () => {
  for (const adapter of ADAPTERS) {
    limited.set(
      adapter,
      await start(adapter, {
        shedder: createLoadShedder({ catalog, maxConcurrent: 64, maxQueue: 64 }),
        limiter: createRateLimiter({ catalog, policies: { general: { limit: 3, window: 3600 } } }),
      }),
    );
    shedding.set(
      adapter,
      await start(adapter, {
        shedder: createLoadShedder({ catalog, maxConcurrent: 1, maxQueue: 1, queueTimeout: 60_000 }),
        limiter: createRateLimiter({ catalog, policies: { general: { limit: 100, window: 60 } } }),
      }),
    );
  }
});

afterAll(async () => {
  gate.open();
  for (const app of [...limited.values(), ...shedding.values()]) {
    await app.close();
    await app.guards.limiter.close();
  }
});

const get = (app: GuardedApp, path: string, signal?: AbortSignal): Promise<Response> =>
  fetch(`${app.url}${path}`, { headers: { 'x-request-id': 'req-traffic' }, ...(signal ? { signal } : {}) });

/**
 * Fills a shedding server: a first `/slow` request holds its one slot (it has reached the handler),
 * a second waits in its queue of one. Both wait until the gate opens.
 */
async function occupy(
  app: GuardedApp,
  signal?: AbortSignal,
): Promise<[Promise<Response>, Promise<Response>]> {
  closeGate();
  const first = get(app, '/slow');
  await vi.waitFor(() => expect(gate.entered).toBe(1));
  const second = get(app, '/slow', signal);
  // An aborted fetch is checked by the caller; until then, keep its rejection handled.
  second.catch(() => {});
  await vi.waitFor(() => expect(app.guards.shedder.queued).toBe(1));
  return [first, second];
}

/** Expects the same value of every named header and a byte-identical body from every adapter. */
function expectIdentical(
  refusals: readonly [AdapterName, Response, string][],
  names: readonly string[],
): void {
  const [, first, firstText] = refusals[0] as [AdapterName, Response, string];
  for (const [adapter, response, text] of refusals) {
    expect([adapter, response.status, text]).toEqual([adapter, first.status, firstText]);
    for (const name of names) {
      expect([adapter, name, response.headers.get(name)]).toEqual([adapter, name, first.headers.get(name)]);
    }
  }
}

describe('traffic guards × adapters (Fastify, Express, Hono, node:http)', () => {
  it('rate limit: exactly the burst passes with its remaining quota; the rest get 429 SLOW_DOWN', async () => {
    const refusals: [AdapterName, Response, string][] = [];
    for (const adapter of ADAPTERS) {
      const app = limited.get(adapter) as GuardedApp;
      const answers: Response[] = [];
      for (let i = 0; i < 5; i++) answers.push(await get(app, '/fast'));
      expect([adapter, answers.map((answer) => answer.status)]).toEqual([adapter, [200, 200, 200, 429, 429]]);
      for (const [i, answer] of answers.entries()) {
        expect([adapter, answer.headers.get('ratelimit-policy')]).toEqual([adapter, '"general";q=3;w=3600']);
        const [state, ...others] = parseRateLimit(answer.headers.get('ratelimit')) ?? [];
        // The first admission's unit comes back when it leaves its hour: `t` is at most 3600 s.
        expect([adapter, i, others, state?.name, state?.remaining]).toEqual([
          adapter,
          i,
          [],
          'general',
          Math.max(0, 2 - i),
        ]);
        expect(state?.reset).toBeGreaterThanOrEqual(1);
        expect(state?.reset).toBeLessThanOrEqual(3600);
        const text = await answer.text();
        if (answer.status === 200) {
          expect(text).toBe('{"ok":true}');
          continue;
        }
        expect([adapter, answer.headers.get('retry-after'), answer.headers.get('cache-control')]).toEqual([
          adapter,
          String(state?.reset),
          'no-store',
        ]);
        expect(JSON.parse(text)).toMatchObject({ code: 4290, status: 429, details: { policy: 'general' } });
        refusals.push([adapter, answer, text]);
      }
    }
    expectIdentical(refusals, ['content-type', 'cache-control', 'ratelimit-policy']);
  });

  it('load shedding: with the slot busy and the queue full, 503 API_QUEUE_FULL at once; then all complete', async () => {
    const refusals: [AdapterName, Response, string][] = [];
    for (const adapter of ADAPTERS) {
      const app = shedding.get(adapter) as GuardedApp;
      const { shedder } = app.guards;
      const [first, second] = await occupy(app);
      const third = await get(app, '/slow');
      const text = await third.text();
      // Refused while the first request still holds the slot and the second still waits.
      expect([adapter, third.status, gate.entered, shedder.inFlight, shedder.queued]).toEqual([
        adapter,
        503,
        1,
        1,
        1,
      ]);
      expect([adapter, third.headers.get('retry-after')]).toEqual([adapter, '10']);
      expect(JSON.parse(text)).toMatchObject({ code: 5031, status: 503 });
      refusals.push([adapter, third, text]);
      gate.open();
      const done = await Promise.all([first, second]);
      expect([adapter, ...done.map((answer) => answer.status)]).toEqual([adapter, 200, 200]);
      expect(await Promise.all(done.map((answer) => answer.text()))).toEqual(['{"ok":true}', '{"ok":true}']);
      await vi.waitFor(() => expect([adapter, shedder.inFlight, shedder.queued]).toEqual([adapter, 0, 0]));
    }
    expectIdentical(refusals, ['content-type', 'retry-after', 'cache-control']);
  });

  it('load shedding: a client that leaves while queued leaves the queue at once, and no slot leaks', async () => {
    for (const adapter of ADAPTERS) {
      const app = shedding.get(adapter) as GuardedApp;
      const { shedder } = app.guards;
      const leaving = new AbortController();
      const [first, second] = await occupy(app, leaving.signal);
      const closed = app.closed();
      leaving.abort();
      await expect(second).rejects.toBeInstanceOf(DOMException);
      // Out of the queue while the first request still holds the only slot.
      await vi.waitFor(() => expect(app.closed()).toBe(closed + 1));
      await vi.waitFor(() => expect([adapter, shedder.inFlight, shedder.queued]).toEqual([adapter, 1, 0]));
      expect(gate.entered).toBe(1);
      gate.open();
      expect((await first).status).toBe(200);
      await vi.waitFor(() => expect([adapter, shedder.inFlight, shedder.queued]).toEqual([adapter, 0, 0]));
      expect((await get(app, '/fast')).status).toBe(200);
    }
  });

  it('graceful shutdown: 20 busy keep-alive connections, none reset, each ends on Connection: close', async () => {
    for (const adapter of ADAPTERS) {
      const shedder = createLoadShedder({ catalog });
      const limiter = createRateLimiter({ catalog, policies: { general: { limit: 10_000, window: 60 } } });
      const app = await start(adapter, { shedder, limiter });
      const shutdown = gracefulShutdown(app.server, { shedder, exit: false, signals: [] });
      let drained: Promise<unknown> = Promise.resolve();
      const connections = await loadUntilClosed({
        connections: 20,
        request: (agent) => send(`${app.url}/fast`, { agent }),
        signalAfter: 5,
        signal: () => {
          drained = shutdown.shutdown();
        },
      });
      expect(await drained).toEqual({ drained: true, inFlight: 0 });
      await limiter.close();
      const answers = connections.flat();
      expect([adapter, answers.filter((answer) => answer.error !== undefined)]).toEqual([adapter, []]);
      const last = connections.map((answers) => answers.at(-1));
      expect([adapter, last.filter((answer) => answer?.connection !== 'close')]).toEqual([adapter, []]);
      for (const answer of last) {
        if (answer?.status === 503) expect(JSON.parse(answer.body ?? '')).toMatchObject({ status: 503 });
        else expect([adapter, answer?.status, answer?.body]).toEqual([adapter, 200, '{"ok":true}']);
      }
    }
  });
});

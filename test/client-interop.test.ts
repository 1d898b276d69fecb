// errcat/client against real servers on 127.0.0.1: the defaults of Fastify, Express, Hono and
// @hapi/boom, and errcat's own adapters in every built-in profile. Each response is decoded by the
// client to the code, message, retryable flag and request id the server meant.
import { once } from 'node:events';
import { createServer, get, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sensible from '@fastify/sensible';
import Boom from '@hapi/boom';
import { serve } from '@hono/node-server';
import axios, { AxiosHeaders } from 'axios';
import { builtinProfiles } from 'errcat';
import { type ClientError, createClient, decodeErrorSync } from 'errcat/client';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADAPTERS, listenLocal, startApp, type TestApp } from '../test-support/server/apps.js';
import { shopCatalog } from '../test-support/server/shop-catalog.js';

/**
 * One request and what it must decode to: path, code (the server's own, `null` when it sent
 * none), message, retryable, then extras.
 */
type Case = readonly [
  path: string,
  code: string | number | null,
  message: string | RegExp,
  retryable: boolean,
  extra?: { readonly retryAfter?: number; readonly format?: string; readonly init?: RequestInit },
];

/** Sends each case through the client (no retries) and checks the decoded facts. */
async function expectDecoded(baseUrl: string, cases: readonly Case[]): Promise<void> {
  const api = createClient({ baseUrl, retry: false, headers: { 'x-request-id': 'req-42' } });
  for (const [path, code, message, retryable, extra = {}] of cases) {
    const init = extra.init ?? {};
    const result = await api.safe.request(init.method ?? 'GET', path, {
      body: init.body ?? null,
      headers: init.headers ?? {},
    });
    if (result.ok) throw new Error(`${path}: expected an error`);
    const error = result.error as ClientError<undefined> & Record<string, unknown>;
    expect({ code: error.code, retryable: error.retryable, requestId: error.requestId }, path).toEqual({
      code,
      retryable,
      requestId: 'req-42',
    });
    expect(error.message, path).toMatch(
      typeof message === 'string' ? new RegExp(`^${escapeRegExp(message)}$`) : message,
    );
    if (extra.retryAfter !== undefined) expect(error.retryAfter, path).toBe(extra.retryAfter);
    if (extra.format !== undefined) expect(error.format, path).toBe(extra.format);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('Fastify defaults', () => {
  let server: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    const app = Fastify({ requestIdHeader: 'x-request-id' });
    await app.register(sensible);
    app.addHook('onSend', async (request, reply) => {
      reply.header('x-request-id', request.id);
    });
    app.get('/boom', async () => {
      throw new Error('boom');
    });
    app.get('/maintenance', async () => {
      throw app.httpErrors.serviceUnavailable('Down for maintenance');
    });
    app.post('/validated', { schema: { body: { type: 'object', required: ['name'] } } }, async () => 'ok');
    await app.listen({ port: 0, host: '127.0.0.1' });
    server = {
      url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
      close: async () => {
        app.server.closeAllConnections();
        await app.close();
      },
    };
  });
  afterAll(() => server.close());

  it('decodes not found, thrown errors, sensible errors, validation and media-type errors', async () => {
    const post = (body: string, type: string): RequestInit => ({
      method: 'POST',
      body,
      headers: { 'content-type': type },
    });
    await expectDecoded(server.url, [
      ['nope', null, 'Route GET:/nope not found', false, { format: 'boom' }],
      ['boom', null, 'boom', true],
      ['maintenance', null, 'Down for maintenance', true],
      [
        'validated',
        'FST_ERR_VALIDATION',
        "body must have required property 'name'",
        false,
        { init: post('{}', 'application/json') },
      ],
      [
        'validated',
        'FST_ERR_CTP_INVALID_MEDIA_TYPE',
        /Unsupported Media Type/,
        false,
        { init: post('x', 'text/x-nope') },
      ],
      [
        'validated',
        'FST_ERR_CTP_INVALID_JSON_BODY',
        /JSON/,
        false,
        { init: post('{"a":', 'application/json') },
      ],
    ]);
  });
});

describe('Express 5 defaults', () => {
  let server: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    const app = express();
    app.use((request, response, next) => {
      response.setHeader('x-request-id', request.get('x-request-id') ?? 'none');
      next();
    });
    app.get('/boom', () => {
      throw new Error('boom');
    });
    app.get('/maintenance', () => {
      throw Object.assign(new Error('Down for maintenance'), { status: 503 });
    });
    app.post('/json', express.json(), (_request, response) => {
      response.send('ok');
    });
    server = await listenLocal(createServer(app));
  });
  afterAll(() => server.close());

  it('decodes its HTML error pages', async () => {
    const badJson: RequestInit = {
      method: 'POST',
      body: '{"a":',
      headers: { 'content-type': 'application/json' },
    };
    // In development Express shows the stack's first line, in production the status phrase.
    await expectDecoded(server.url, [
      ['nope', null, 'Cannot GET /nope', false, { format: 'html' }],
      ['boom', null, /^(Error: boom|Internal Server Error)$/, true],
      ['maintenance', null, /^(Error: Down for maintenance|Service Unavailable)$/, true],
      ['json', null, /JSON|Bad Request/, false, { init: badJson }],
    ]);
  });
});

describe('Hono defaults', () => {
  let server: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    const app = new Hono();
    app.use(requestId());
    app.get('/boom', () => {
      throw new Error('boom');
    });
    app.get('/maintenance', () => {
      throw new HTTPException(503, { message: 'Down for maintenance' });
    });
    app.get('/limited', (c) =>
      c.json({ error: { code: 'RATE_LIMITED', message: 'Slow down' } }, 429, { 'retry-after': '3' }),
    );
    const node = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
    await once(node, 'listening');
    server = {
      url: `http://127.0.0.1:${(node.address() as AddressInfo).port}`,
      close: async () => {
        node.closeAllConnections();
        await new Promise((resolve) => node.close(resolve));
      },
    };
  });
  afterAll(() => server.close());

  it('decodes its text answers, HTTPException and JSON errors', async () => {
    await expectDecoded(server.url, [
      ['nope', null, '404 Not Found', false, { format: 'text' }],
      ['boom', null, 'Internal Server Error', true],
      ['maintenance', null, 'Down for maintenance', true],
      ['limited', 'RATE_LIMITED', 'Slow down', true, { retryAfter: 3, format: 'simple' }],
    ]);
  });
});

describe('@hapi/boom payloads sent by node:http', () => {
  let server: { url: string; close: () => Promise<void> };
  const errors: Record<string, () => Boom.Boom> = {
    '/missing': () => Boom.notFound('No such order'),
    '/secret': () => Boom.badImplementation('password=hunter2'),
    '/maintenance': () => Boom.serverUnavailable('Down for maintenance'),
    '/limited': () => {
      const error = Boom.tooManyRequests('Slow down');
      error.output.headers['Retry-After'] = '3';
      return error;
    },
    '/login': () => Boom.unauthorized('Bad token', 'Bearer'),
  };
  beforeAll(async () => {
    server = await listenLocal(
      createServer((request, response) => {
        const { output } = (errors[request.url ?? ''] ?? (() => Boom.notFound()))();
        response.writeHead(output.statusCode, {
          ...output.headers,
          'content-type': 'application/json',
          'x-request-id': request.headers['x-request-id'] ?? '',
        });
        response.end(JSON.stringify(output.payload));
      }),
    );
  });
  afterAll(() => server.close());

  it('decodes statusCode, error and message, and the headers boom sets', async () => {
    await expectDecoded(server.url, [
      ['missing', null, 'No such order', false, { format: 'boom' }],
      ['secret', null, 'An internal server error occurred', true],
      ['maintenance', null, 'Down for maintenance', true],
      ['limited', null, 'Slow down', true, { retryAfter: 3 }],
      ['login', null, 'Bad token', false],
    ]);
  });
});

/** What the throttling server's `/json` answer decodes to, whichever client read it. */
const THROTTLED = {
  ok: false,
  httpStatus: 429,
  code: 'RATE_LIMITED',
  message: 'Slow down',
  retryable: true,
  retryAfter: 7,
  requestId: 'ax-1',
};

describe('a throttling node:http server, read by node:http and by axios, decoded with decodeErrorSync', () => {
  let server: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    server = await listenLocal(
      createServer((request, response) => {
        const headers: Record<string, string | string[]> = {
          'Retry-After': '7',
          'X-Request-Id': 'ax-1',
          'Set-Cookie': ['a=1', 'b=2'],
          'ErrCat-Code': 'SLOW_DOWN',
        };
        if (request.url === '/json') {
          response.writeHead(429, { ...headers, 'Content-Type': 'application/json' });
          response.end(JSON.stringify({ error: { code: 'RATE_LIMITED', message: 'Slow down' } }));
        } else {
          response.writeHead(503, headers);
          response.end();
        }
      }),
    );
  });
  afterAll(() => server.close());

  it("reads Node's own header object (lower-case names, set-cookie as an array) in place", async () => {
    const [message, body] = await new Promise<[IncomingMessage, Buffer]>((resolve, reject) => {
      get(`${server.url}/json`, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve([response, Buffer.concat(chunks)]));
      }).on('error', reject);
    });
    expect(message.headers['set-cookie']).toEqual(['a=1', 'b=2']);
    expect(decodeErrorSync(message.statusCode, message.headers, body)).toMatchObject(THROTTLED);
  });

  it('reads the AxiosHeaders and the body axios already parsed', async () => {
    const response = await axios.get(`${server.url}/json`, { validateStatus: () => true });
    expect(response.headers).toBeInstanceOf(AxiosHeaders);
    expect(decodeErrorSync(response.status, response.headers, response.data)).toMatchObject(THROTTLED);
  });

  it('takes the code and delay from the headers alone when the body is empty', async () => {
    const response = await axios.get(`${server.url}/empty`, { validateStatus: () => true });
    expect(decodeErrorSync(response.status, response.headers, response.data)).toMatchObject({
      httpStatus: 503,
      code: 'SLOW_DOWN',
      retryAfter: 7,
      requestId: 'ax-1',
    });
  });
});

/** What each scenario of the shop catalog decodes to: the key it must come back as, and its facts. */
const SCENARIOS = {
  'order-not-found': {
    key: 'ORDER_NOT_FOUND',
    code: 4040,
    status: 404,
    message: "Order 'o-7' not found",
    retryable: false,
  },
  'slow-down': {
    key: 'SLOW_DOWN',
    code: 4290,
    status: 429,
    message: 'Too many orders',
    retryable: true,
    retryAfter: 30,
  },
  'shop-down': {
    key: 'SHOP_DOWN',
    code: 5030,
    status: 503,
    // A 5xx entry is not exposed unless it says so: its title stands in for the message.
    message: 'Shop down',
    retryable: true,
    retryAfter: 5,
  },
  declined: {
    key: 'PAYMENT_DECLINED',
    code: 4020,
    status: 402,
    message: 'Payment declined',
    retryable: false,
  },
  unexpected: {
    key: 'SERVER_ERROR',
    code: 5000,
    status: 500,
    message: 'Something went wrong on our side',
    retryable: true,
  },
  'invalid-order': {
    key: 'INVALID_ORDER',
    code: 4220,
    status: 422,
    message: 'The order is invalid',
    retryable: false,
  },
} as const;

const THROWN: Record<string, () => unknown> = {
  'order-not-found': () => shopCatalog.ORDER_NOT_FOUND({ id: 'o-7' }),
  'slow-down': () => shopCatalog.SLOW_DOWN(),
  'shop-down': () => shopCatalog.SHOP_DOWN(),
  declined: () => shopCatalog.PAYMENT_DECLINED({ card: '4111111111111111', reason: 'fraud' }),
  unexpected: () => new TypeError('password=hunter2'),
  'invalid-order': () =>
    shopCatalog.INVALID_ORDER({
      errors: [{ in: 'body', pointer: '/qty', type: 'minimum', message: 'too small' }],
    }),
};

describe.each(ADAPTERS)("errcat's %s adapter in every profile", (adapter) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp(
      adapter,
      { catalog: shopCatalog, profiles: Object.keys(builtinProfiles), logger: false },
      (path) => (THROWN[path.slice(path.lastIndexOf('/') + 1)] ?? (() => new Error(path)))(),
    );
  });
  afterAll(() => app.close());

  it.each(Object.keys(builtinProfiles))(
    '%s: typed catalog errors with code, message, retryable and request id',
    async (profile) => {
      const api = createClient({
        baseUrl: app.url,
        catalog: shopCatalog,
        retry: false,
        headers: { accept: `application/json; profile="${profile}"`, 'x-request-id': 'req-42' },
      });
      for (const [scenario, expected] of Object.entries(SCENARIOS)) {
        const result = await api.safe.get(`t/${scenario}`);
        if (result.ok) throw new Error(`${scenario}: expected an error`);
        const error = result.error as ClientError<typeof shopCatalog> & Record<string, unknown>;
        // The facts of catalog errors are getters: read them one by one. The resonate envelope has
        // no code of its own; the errcat-code header gives it, so it decodes to the entry too.
        const facts = {
          key: error.key,
          code: error.code,
          message: error.message,
          retryable: error.retryable,
          requestId: error.requestId,
          httpStatus: error.httpStatus,
          retryAfter: error.retryAfter,
        };
        expect(facts, `${profile} ${scenario}`).toEqual({
          key: expected.key,
          code: expected.code,
          // The resonate envelope's `data` is the violations' text when there are some (seed 001).
          message: profile === 'resonate' && scenario === 'invalid-order' ? 'too small' : expected.message,
          retryable: expected.retryable,
          requestId: 'req-42',
          httpStatus: expected.status,
          retryAfter: 'retryAfter' in expected ? expected.retryAfter : undefined,
        });
        if (scenario === 'invalid-order' && profile !== 'resonate') {
          // resonate-legacy words each violation as the Go server does, naming the Go field.
          const message = profile === 'resonate-legacy' ? 'The field Qty is invalid: too small' : 'too small';
          expect(error.violations, profile).toEqual([expect.objectContaining({ message })]);
        }
      }
      const missing = await api.safe.get('no/such/route');
      expect(missing).toMatchObject({
        ok: false,
        error: { httpStatus: 404, retryable: false, requestId: 'req-42' },
      });
    },
  );
});

/**
 * The request guards (validation, auth, data layer, batch, lifecycle) inside real Fastify, Express,
 * Hono and node:http servers on 127.0.0.1: every guard × every adapter answers with the same status,
 * headers and byte-identical body, and no response carries a token, SQL, or a unique value.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errcat as expressErrcat } from '@errcat/express';
import { errcat as fastifyErrcat } from '@errcat/fastify';
import { errcat as honoErrcat } from '@errcat/hono';
import { createJwtAuth } from '@errcat/jwt';
import { serve } from '@hono/node-server';
import { defineCatalog, type ErrorResponderOptions, type HeadersLike } from 'errcat';
import { createApiKeyAuth } from 'errcat/auth';
import { renderBatch, runBatch } from 'errcat/batch';
import { fromDatabaseError } from 'errcat/database';
import { alreadyCompleted, expectVersion, notFound } from 'errcat/lifecycle';
import { withErrors } from 'errcat/node';
import { validateRequest } from 'errcat/validation';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { SignJWT } from 'jose';
import pg from 'pg';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startPostgres, type TestPostgres } from '../test-support/postgres.js';

const ADAPTERS = ['node', 'fastify', 'express', 'hono'] as const;
type Adapter = (typeof ADAPTERS)[number];

const SECRET = 'matrix-shared-secret-of-32-bytes-or-more';
const API_KEY = 'ak_live_0123456789abcdef0123456789abcdef';
const TAKEN_EMAIL = 'taken.person@example.com';

// Seed 004's codes for the roles the guards raise; the rest fall back to the base catalog.
const catalog = defineCatalog({
  domain: 'api.example.com',
  docs: 'https://api.example.com/errors',
  errors: {
    VALIDATION: {
      code: 'validation_error',
      status: 422,
      message: 'Validation failed',
      role: 'VALIDATION_FAILED',
    },
    UNAUTHORIZED: {
      code: 'unauthorized',
      status: 401,
      message: 'No authentication provided',
      role: 'UNAUTHENTICATED',
    },
    INVALID_TOKEN: {
      code: 'invalid_token',
      status: 401,
      message: 'Token is malformed or invalid',
      role: 'INVALID_TOKEN',
    },
    TOKEN_EXPIRED: {
      code: 'token_expired',
      status: 401,
      message: 'Authentication token has expired',
      role: 'TOKEN_EXPIRED',
    },
    INVALID_CREDENTIALS: {
      code: 'invalid_credentials',
      status: 401,
      message: 'Wrong credentials',
      role: 'INVALID_CREDENTIALS',
    },
    UNIQUE: {
      code: 'unique',
      status: 409,
      message: 'Value already exists (duplicate)',
      role: 'UNIQUE_VIOLATION',
    },
  },
});
const options: ErrorResponderOptions = { catalog, logger: false };

/** A request as the neutral handler sees it; each framework fills it from its own request object. */
interface Incoming {
  readonly method: string;
  readonly path: string;
  readonly query: unknown;
  readonly headers: HeadersLike;
  readonly body: unknown;
}

/** What the neutral handler answers on success; errors are thrown to the framework's errcat adapter. */
interface Outgoing {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

const json = (status: number, data: unknown): Outgoing => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(data),
});

let database: TestPostgres;
let pool: pg.Pool;

const jwt = createJwtAuth({ secret: SECRET, audience: 'shop-api', realm: 'shop', catalog });
const apiKeys = createApiKeyAuth({ keys: { reports: API_KEY }, catalog });
const userSchemas = {
  body: z.strictObject({ email: z.email(), name: z.string().min(2).max(40) }),
  query: v.object({ notify: v.optional(v.picklist(['yes', 'no'])) }),
  headers: z.object({ 'x-tenant': z.string().regex(/^[a-z]+$/) }),
};

/** The API, once, for every framework: each route uses one guard. */
async function handle(request: Incoming): Promise<Outgoing> {
  const route = `${request.method} ${request.path}`;
  if (route === 'POST /users') {
    const { body } = await validateRequest(userSchemas, request, { catalog });
    try {
      await pool.query('INSERT INTO users (email, name) VALUES ($1, $2)', [body.email, body.name]);
    } catch (error) {
      throw fromDatabaseError(error, { catalog }) ?? error;
    }
    return json(201, { email: body.email });
  }
  if (route === 'GET /me') {
    const claims = await jwt.authenticate(request.headers, ['profile:read']);
    return json(200, { sub: claims.sub });
  }
  if (route === 'GET /reports') return json(200, { caller: await apiKeys.authenticate(request.headers) });
  if (route === 'POST /batch') {
    const { items, mode } = request.body as { items: string[]; mode: 'atomic' | 'best_effort' };
    const result = await runBatch(
      items,
      async (id) => {
        if (id === 'ghost') throw notFound({ resource: 'machine', id }, { catalog });
        return { instance_id: id };
      },
      { mode, catalog, transaction: (work) => work() },
    );
    // A failed atomic batch is the failing item's error: thrown, so the adapter renders it.
    if (result.failure) throw result.failure.error;
    const rendered = renderBatch(result, { context: { requestId: 'batch' } });
    return { status: rendered.status, headers: { ...rendered.headers }, body: rendered.body };
  }
  const resolve = /^\/promises\/([^/]+)\/resolve$/.exec(request.path);
  if (request.method === 'POST' && resolve) {
    const id = resolve[1] as string;
    if (id === 'p-done') throw alreadyCompleted('resolved', { resource: 'promise', id }, { catalog });
    if (id !== 'p-open') throw notFound({ resource: 'promise', id }, { catalog });
    expectVersion((request.body as { version?: number }).version, 3, { catalog });
    return json(200, { id, state: 'resolved' });
  }
  throw notFound({}, { catalog });
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function listen(server: Server): Promise<string> {
  if (!server.listening) {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
  }
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Starts the API in one framework with its errcat adapter; returns its URL and a stop function. */
async function start(adapter: Adapter): Promise<{ url: string; close: () => Promise<unknown> }> {
  if (adapter === 'node') {
    const server = createServer(
      withErrors(async (req, res) => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const text = req.method === 'POST' ? await readBody(req) : '';
        const out = await handle({
          method: req.method ?? 'GET',
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          body: text === '' ? undefined : JSON.parse(text),
        });
        res.writeHead(out.status, out.headers).end(out.body);
      }, options),
    );
    return { url: await listen(server), close: () => new Promise((done) => server.close(done)) };
  }
  if (adapter === 'fastify') {
    const app = Fastify();
    await app.register(fastifyErrcat, options);
    // Fastify's own JSON Schema validation, mapped by the adapter through violationsFromJsonSchema.
    app.post(
      '/schema-users',
      {
        schema: {
          body: {
            type: 'object',
            required: ['email'],
            properties: { email: { type: 'string', format: 'email' } },
          },
        },
      },
      async () => ({ ok: true }),
    );
    app.all('/*', async (request, reply) => {
      const out = await handle({
        method: request.method,
        path: request.url.split('?')[0] as string,
        query: request.query,
        headers: request.headers,
        body: request.body,
      });
      return reply.code(out.status).headers(out.headers).send(out.body);
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    return { url: await listen(app.server), close: () => app.close() };
  }
  if (adapter === 'express') {
    const errcat = expressErrcat(options);
    const app = express();
    app.use(express.json());
    app.all('/*rest', async (req, res) => {
      const out = await handle({
        method: req.method,
        path: req.path,
        query: req.query,
        headers: req.headers,
        body: req.body,
      });
      res.status(out.status).set(out.headers).send(out.body);
    });
    app.use(errcat.errorHandler);
    const server = createServer(app);
    return { url: await listen(server), close: () => new Promise((done) => server.close(done)) };
  }
  const errcat = honoErrcat(options);
  const app = new Hono();
  app.use(errcat.catchAll);
  app.all('*', async (c) => {
    const out = await handle({
      method: c.req.method,
      path: c.req.path,
      query: new URL(c.req.url).searchParams,
      headers: c.req.raw.headers,
      body: c.req.method === 'POST' ? await c.req.json() : undefined,
    });
    return c.body(out.body, out.status as 200, out.headers);
  });
  app.onError(errcat.onError);
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  return { url: await listen(server), close: () => new Promise((done) => server.close(done)) };
}

const apps = new Map<Adapter, { url: string; close: () => Promise<unknown> }>();

beforeAll(async () => {
  database = await startPostgres();
  pool = new pg.Pool({ connectionString: database.url, max: 4 });
  await pool.query(
    'CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL UNIQUE, name text NOT NULL)',
  );
  await pool.query("INSERT INTO users (email, name) VALUES ($1, 'Taken')", [TAKEN_EMAIL]);
  for (const adapter of ADAPTERS) apps.set(adapter, await start(adapter));
});

afterAll(async () => {
  for (const app of apps.values()) await app.close();
  await pool?.end();
  await database?.stop();
});

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly body: Record<string, unknown>;
}

/**
 * Sends one request to every adapter with a fixed request id, checks that all four answer with
 * the same status and byte-identical body (and, for errors, the same headers), and returns that answer.
 */
async function everywhere(
  path: string,
  init: RequestInit & { headers?: Record<string, string> } = {},
): Promise<Answer> {
  const answers: [Adapter, Answer][] = [];
  for (const adapter of ADAPTERS) {
    const app = apps.get(adapter) as { url: string };
    const headers = {
      'x-request-id': 'req-matrix',
      ...(init.body ? { 'content-type': 'application/json' } : {}),
      ...init.headers,
    };
    const response = await fetch(`${app.url}${path}`, { ...init, headers });
    const text = await response.text();
    answers.push([
      adapter,
      { status: response.status, headers: response.headers, text, body: JSON.parse(text) },
    ]);
  }
  const [, first] = answers[0] as [Adapter, Answer];
  for (const [adapter, answer] of answers) {
    expect([adapter, answer.status, answer.text]).toEqual([adapter, first.status, first.text]);
    // Success bodies are each framework's own send (charset parameters differ); error responses are errcat's.
    const names = first.status >= 400 ? ['www-authenticate', 'retry-after', 'content-type'] : [];
    for (const name of names) {
      expect([adapter, name, answer.headers.get(name)]).toEqual([adapter, name, first.headers.get(name)]);
    }
  }
  return first;
}

/** Claims signed with the shared secret; `exp` and `aud` can be overridden. */
function token(claims: Record<string, unknown> = {}, secret = SECRET): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ sub: 'user-4711', aud: 'shop-api', scope: 'profile:read', exp: now + 300, ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .sign(new TextEncoder().encode(secret));
}

describe('request guards × adapters (Fastify, Express, Hono, node:http)', () => {
  it('validation: one 422 listing every violation of body, query and headers', async () => {
    const answer = await everywhere('/users?notify=maybe', {
      method: 'POST',
      body: JSON.stringify({ email: 'not-an-email', name: 'x', admin: true }),
    });
    expect([answer.status, answer.body.code]).toEqual([422, 'validation_error']);
    const errors = (answer.body.details as { errors: { in: string; pointer: string; type: string }[] })
      .errors;
    expect(errors.map((error) => `${error.in}:${error.pointer}:${error.type}`)).toEqual([
      'body:/email:email',
      'body:/name:min_length',
      'body:/admin:unknown_field',
      'query:/notify:enum',
      'headers:/x-tenant:required',
    ]);
  });

  it('data layer: a real unique violation is a 409 naming the field, not the value or the SQL', async () => {
    const answer = await everywhere('/users', {
      method: 'POST',
      headers: { 'x-tenant': 'acme' },
      body: JSON.stringify({ email: TAKEN_EMAIL, name: 'Someone' }),
    });
    expect([answer.status, answer.body.code, answer.body.details]).toEqual([
      409,
      'unique',
      { field: 'email' },
    ]);
    for (const secret of [TAKEN_EMAIL, 'INSERT', 'users_email_key', 'Key ('])
      expect(answer.text).not.toContain(secret);
  });

  it('auth: each bearer failure gets its code and RFC 6750 challenge, never the token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const cases: [string, string | undefined, number, string, string][] = [
      ['missing', undefined, 401, 'unauthorized', 'Bearer realm="shop"'],
      [
        'malformed header',
        'Bearer',
        400,
        'INVALID_AUTH_REQUEST',
        'Bearer realm="shop", error="invalid_request"',
      ],
      [
        'expired',
        `Bearer ${await token({ exp: now - 120 })}`,
        401,
        'token_expired',
        'Bearer realm="shop", error="invalid_token", error_description="The access token expired"',
      ],
      [
        'wrong audience',
        `Bearer ${await token({ aud: 'billing-api' })}`,
        401,
        'invalid_token',
        'Bearer realm="shop", error="invalid_token", error_description="The access token is invalid"',
      ],
      [
        'wrong signature',
        `Bearer ${await token({}, 'some-other-secret-of-32-bytes-or-more')}`,
        401,
        'invalid_token',
        'Bearer realm="shop", error="invalid_token", error_description="The access token is invalid"',
      ],
      [
        'missing scope',
        `Bearer ${await token({ scope: 'orders:read' })}`,
        403,
        'INSUFFICIENT_SCOPE',
        'Bearer realm="shop", error="insufficient_scope", scope="profile:read"',
      ],
    ];
    for (const [name, authorization, status, code, challenge] of cases) {
      const answer = await everywhere('/me', authorization ? { headers: { authorization } } : {});
      expect([name, answer.status, answer.body.code, answer.headers.get('www-authenticate')]).toEqual([
        name,
        status,
        code,
        challenge,
      ]);
      if (authorization) expect(answer.text).not.toContain(authorization.slice(7, 40) || 'never');
      expect(answer.text).not.toContain('user-4711');
    }
    const scoped = await everywhere('/me', { headers: { authorization: `Bearer ${await token()}` } });
    expect([scoped.status, scoped.body]).toEqual([200, { sub: 'user-4711' }]);
  });

  it('auth: API keys compared in constant time, wrong ones never echoed', async () => {
    const missing = await everywhere('/reports');
    expect([missing.status, missing.body.code, missing.headers.get('www-authenticate')]).toEqual([
      401,
      'unauthorized',
      'ApiKey header="x-api-key"',
    ]);
    const wrong = await everywhere('/reports', { headers: { 'x-api-key': `${API_KEY}x` } });
    expect([wrong.status, wrong.body.code]).toEqual([401, 'invalid_credentials']);
    expect(wrong.text).not.toContain(API_KEY);
    const right = await everywhere('/reports', { headers: { 'x-api-key': API_KEY } });
    expect(right.body).toEqual({ caller: 'reports' });
  });

  it('batch: best_effort answers 200 per item; a failed atomic batch answers as its failing item', async () => {
    const best = await everywhere('/batch', {
      method: 'POST',
      body: JSON.stringify({ mode: 'best_effort', items: ['m1', 'ghost', 'm2'] }),
    });
    expect(best.status).toBe(200);
    expect((best.body.results as { status: string }[]).map((item) => item.status)).toEqual([
      'ok',
      'error',
      'ok',
    ]);
    expect((best.body.results as { error?: { code: string } }[])[1]?.error?.code).toBe('NOT_FOUND');
    const atomic = await everywhere('/batch', {
      method: 'POST',
      body: JSON.stringify({ mode: 'atomic', items: ['m1', 'ghost'] }),
    });
    expect([atomic.status, atomic.body.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('lifecycle: not found, already resolved, and a version conflict with expected and actual', async () => {
    const missing = await everywhere('/promises/p-nope/resolve', { method: 'POST', body: '{}' });
    expect([missing.status, missing.body.code, missing.body.detail]).toEqual([
      404,
      'NOT_FOUND',
      'Resource not found: promise p-nope',
    ]);
    const done = await everywhere('/promises/p-done/resolve', { method: 'POST', body: '{}' });
    expect([done.status, done.body.code]).toEqual([409, 'ALREADY_RESOLVED']);
    const stale = await everywhere('/promises/p-open/resolve', { method: 'POST', body: '{"version":2}' });
    expect([stale.status, stale.body.code, stale.body.details]).toEqual([
      409,
      'VERSION_CONFLICT',
      { expected: 2, actual: 3 },
    ]);
  });

  it('Fastify’s own JSON Schema validation reports violations in the same shape', async () => {
    const app = apps.get('fastify') as { url: string };
    const response = await fetch(`${app.url}/schema-users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x' }),
    });
    const body = await response.json();
    expect([response.status, body.code, body.details.errors]).toEqual([
      422,
      'validation_error',
      [
        {
          in: 'body',
          pointer: '/email',
          type: 'required',
          message: "email: must have required property 'email'",
        },
      ],
    ]);
  });
});

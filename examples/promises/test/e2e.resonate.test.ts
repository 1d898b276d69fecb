import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signToken } from '../src/tokens.js';
import { SECRET, startTestService, type TestService } from './support.js';

/** A timeout far in the future (2100-01-01), for promises that must stay pending. */
const LATER = 4_102_444_800_000;
const VERSION = '2026-04-01';

/** A response as the test reads it: the HTTP status and the parsed body. */
interface Answer {
  readonly status: number;
  // biome-ignore lint/suspicious/noExplicitAny: a parsed JSON envelope, read by the test
  readonly body: any;
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
}

/** Asserts seed 001's envelope: `{kind, head: {corrId, status, version}, data}`, head.status the HTTP status. */
function expectEnvelope(reply: Answer, kind: string, corrId: string, status: number): unknown {
  expect(reply.status).toBe(status);
  expect(Object.keys(reply.body)).toEqual(['kind', 'head', 'data']);
  expect(reply.body.kind).toBe(kind);
  expect(reply.body.head).toEqual({ corrId, status, version: VERSION });
  return reply.body.data;
}

// Seed 001: every response of Resonate Server v0.9.5, success or error, carries the envelope; its
// one endpoint, POST /, takes every operation as an envelope too.
describe('promises service, resonate profile', () => {
  let main: TestService;
  let token: string;
  let requests = 0;

  /** A request to a REST route with its own X-Request-Id, which the envelope echoes as corrId. */
  const rest = async (method: string, path: string, json?: unknown, headers: Record<string, string> = {}) => {
    const corrId = `req-${++requests}`;
    const response = await fetch(`${main.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        'x-request-id': corrId,
        ...(json === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
    return { corrId, reply: await answer(response) };
  };

  /** An envelope sent to POST /, as Resonate's SDKs send it (the token in head.auth). */
  const rpc = async (kind: string, data: unknown, head: Record<string, unknown> = {}) =>
    answer(
      await fetch(`${main.url}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind, head: { corrId: 'c-7', version: VERSION, auth: token, ...head }, data }),
      }),
    );

  beforeAll(async () => {
    main = await startTestService({ profile: 'resonate' });
    token = await signToken({ secret: SECRET, subject: 'resonate' });
  });
  afterAll(() => main.stop());

  test('REST routes answer in the envelope, head.status the HTTP status, kind the operation as the server names it', async () => {
    const created = await rest('POST', '/promises', { id: 'r-1', timeout: LATER });
    expect(expectEnvelope(created.reply, 'promise.create', created.corrId, 201)).toMatchObject({
      id: 'r-1',
      state: 'PENDING',
    });
    const read = await rest('GET', '/promises/r-1');
    expect(expectEnvelope(read.reply, 'promise.get', read.corrId, 200)).toMatchObject({ id: 'r-1' });
    const missing = await rest('GET', '/promises/nope');
    expect(expectEnvelope(missing.reply, 'promise.get', missing.corrId, 404)).toBe(
      "The specified promise 'nope' could not be found",
    );
    const settled = await rest('POST', '/promises/r-1/resolve', { value: 1 });
    expect(expectEnvelope(settled.reply, 'promise.settle', settled.corrId, 200)).toMatchObject({
      state: 'RESOLVED',
    });
    // 4032 is a 403 in the seed-000 catalog the showcase serves (seed 001 lists a 409).
    const again = await rest('POST', '/promises/r-1/cancel', {});
    expect(again.reply.status).toBeGreaterThanOrEqual(400);
    expectEnvelope(again.reply, 'promise.settle', again.corrId, again.reply.status);
    const unauthenticated = await rest('GET', '/promises/r-1', undefined, { authorization: '' });
    expectEnvelope(unauthenticated.reply, 'promise.get', unauthenticated.corrId, 401);
    const invalid = await rest('POST', '/promises', { id: '' });
    expect(expectEnvelope(invalid.reply, 'promise.create', invalid.corrId, 400)).toEqual(expect.any(String));
  });

  test('a delete, 204 in other profiles, is 200 with the envelope and data {}, as the server answers one', async () => {
    await rest('POST', '/promises', { id: 'r-2', timeout: LATER });
    const subscribed = await rest('POST', '/subscriptions', {
      id: 's1',
      promiseId: 'r-2',
      url: 'https://listener.example.com/hook',
    });
    expectEnvelope(subscribed.reply, 'subscription.create', subscribed.corrId, 201);
    const deleted = await rest('DELETE', '/subscriptions/s1');
    expect(expectEnvelope(deleted.reply, 'subscription.delete', deleted.corrId, 200)).toEqual({});
    const gone = await rest('DELETE', '/subscriptions/s1');
    expectEnvelope(gone.reply, 'subscription.delete', gone.corrId, 404);
  });

  test('POST / runs the operation its envelope names and echoes kind and head.corrId; every success is 200', async () => {
    const created = await rpc('promise.create', { id: 'e-1', timeout: LATER, param: { sku: 'A1' } });
    expect(expectEnvelope(created, 'promise.create', 'c-7', 200)).toMatchObject({
      id: 'e-1',
      state: 'PENDING',
    });
    expect(expectEnvelope(await rpc('promise.get', { id: 'e-1' }), 'promise.get', 'c-7', 200)).toMatchObject({
      param: { sku: 'A1' },
    });
    const settled = await rpc('promise.settle', { id: 'e-1', state: 'rejected_canceled' }, { corrId: 'c-8' });
    expect(expectEnvelope(settled, 'promise.settle', 'c-8', 200)).toMatchObject({
      state: 'REJECTED_CANCELED',
    });
    const settledTwice = await rpc('promise.settle', { id: 'e-1', state: 'resolved' });
    expect(settledTwice.status).toBeGreaterThanOrEqual(400);
    expectEnvelope(settledTwice, 'promise.settle', 'c-7', settledTwice.status);
    expect(expectEnvelope(await rpc('promise.get', { id: 'nope' }), 'promise.get', 'c-7', 404)).toBe(
      "The specified promise 'nope' could not be found",
    );
    const page = expectEnvelope(
      await rpc('promise.search', { id: 'e-*', limit: 10 }),
      'promise.search',
      'c-7',
      200,
    );
    expect(page).toMatchObject({ promises: [{ id: 'e-1' }] });
    await rpc('subscription.create', {
      id: 's2',
      promiseId: 'e-1',
      url: 'https://listener.example.com/hook',
    });
    expect(
      expectEnvelope(await rpc('subscription.delete', { id: 's2' }), 'subscription.delete', 'c-7', 200),
    ).toEqual({});
  });

  test('POST / authenticates head.auth or the Authorization header; no token is 401 in the envelope', async () => {
    expectEnvelope(
      await rpc('promise.get', { id: 'e-1' }, { auth: undefined, corrId: 'c-9' }),
      'promise.get',
      'c-9',
      401,
    );
    expectEnvelope(await rpc('promise.get', { id: 'e-1' }, { auth: 'not-a-jwt' }), 'promise.get', 'c-7', 401);
    const bearer = await fetch(`${main.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        kind: 'promise.get',
        head: { corrId: 'c-10', version: VERSION },
        data: { id: 'e-1' },
      }),
    });
    expectEnvelope(await answer(bearer), 'promise.get', 'c-10', 200);
  });

  test('POST / refuses what is not an envelope of an operation with 400, echoing what it could read', async () => {
    const unknown = await rpc('promises.get', { id: 'e-1' });
    expect(expectEnvelope(unknown, 'promises.get', 'c-7', 400)).toContain('kind');
    const version = await rpc('promise.get', { id: 'e-1' }, { version: '2025-01-01' });
    expect(expectEnvelope(version, 'promise.get', 'c-7', 400)).toContain('2026-04-01');
    expectEnvelope(await rpc('promise.get', 'e-1'), 'promise.get', 'c-7', 400);
    expectEnvelope(await rpc('promise.settle', { id: 'e-1', state: 'done' }), 'promise.settle', 'c-7', 400);
    const garbage = await fetch(`${main.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"kind":',
    });
    expectEnvelope(await answer(garbage), 'unknown', '0', 400);
  });

  test('the OpenAPI document describes the success envelopes the service sends', async () => {
    const document = await (await fetch(`${main.url}/openapi.json`)).json();
    const created = document.paths['/promises'].post.responses['201'].content['application/json'].schema;
    expect(created.properties).toEqual({
      kind: { const: 'promise.create' },
      head: expect.objectContaining({
        properties: { corrId: { type: 'string' }, status: { const: 201 }, version: { type: 'string' } },
      }),
      data: { $ref: '#/components/schemas/Promise' },
    });
    const deleted = document.paths['/subscriptions/{id}'].delete.responses;
    expect(deleted['204']).toBeUndefined();
    expect(deleted['200'].content['application/json'].schema.properties.data).toEqual({
      type: 'object',
      maxProperties: 0,
    });
  });

  test('only the resonate profile has the envelope endpoint: elsewhere POST / is no route', async () => {
    const problem = await startTestService({ profile: 'problem' });
    try {
      const response = await fetch(`${problem.url}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          kind: 'promise.get',
          head: { corrId: 'c1', version: VERSION },
          data: { id: 'x' },
        }),
      });
      expect(response.status).toBe(404);
    } finally {
      await problem.stop();
    }
  });
});

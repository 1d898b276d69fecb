import { baseCatalog } from 'errcat';
import { createIdempotencyGuard } from 'errcat/idempotency';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { errcat, idempotency } from './index.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function orderApp() {
  let runs = 0;
  let release = () => {};
  let held: Promise<void> = Promise.resolve();
  const instance = Fastify();
  await instance.register(errcat, { logger: false });
  await instance.register(async (orders) => {
    await orders.register(idempotency, {
      guard: createIdempotencyGuard(),
      required: (request) => !request.url.includes('optional'),
    });
    orders.post('/orders', async (request, reply) => {
      const run = ++runs;
      await held;
      const fail = (request.query as { fail?: string }).fail;
      if (fail === 'validation') throw baseCatalog.VALIDATION_FAILED({ errors: [] });
      if (fail === 'crash') throw new Error('the handler crashed');
      return reply.code(201).header('location', `/orders/${run}`).send({ order: run, body: request.body });
    });
  });
  instance.post('/unguarded', async () => ({ ok: true }));
  app = instance;
  return {
    app: instance,
    runs: () => runs,
    hold: () => {
      held = new Promise((resolve) => {
        release = resolve;
      });
    },
    release: () => release(),
  };
}

const key = () => `"${crypto.randomUUID()}"`;
const post = (target: FastifyInstance, k: string | undefined, payload: string, url = '/orders') =>
  target.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json', ...(k === undefined ? {} : { 'idempotency-key': k }) },
    payload,
  });

describe('idempotency (Fastify)', () => {
  it('runs the first request, replays status, Location and body, and compares JSON by value', async () => {
    const { app, runs } = await orderApp();
    const k = key();
    const first = await post(app, k, '{"sku":"A1","qty":2}');
    expect(first.statusCode).toBe(201);
    const again = await post(app, k, '{ "qty": 2, "sku": "A1" }');
    expect([again.statusCode, again.body, again.headers.location]).toEqual([201, first.body, '/orders/1']);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers['content-type']).toBe(first.headers['content-type']);
    expect(runs()).toBe(1);
  });

  it('answers 422 for another body and 400 for a missing key; routes outside its scope are untouched', async () => {
    const { app, runs } = await orderApp();
    const k = key();
    await post(app, k, '{"sku":"A1"}');
    const reused = await post(app, k, '{"sku":"B2"}');
    expect([reused.statusCode, reused.json().code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    const missing = await post(app, undefined, '{"sku":"A1"}');
    expect([missing.statusCode, missing.json().code]).toEqual([400, 'IDEMPOTENCY_KEY_MISSING']);
    expect((await post(app, undefined, '{}', '/orders?optional')).statusCode).toBe(201);
    expect((await post(app, undefined, '{}', '/unguarded')).statusCode).toBe(200);
    expect(runs()).toBe(2);
  });

  it('answers 409 while the first runs, and runs the handler once for 50 concurrent requests', async () => {
    const { app, runs, hold, release } = await orderApp();
    hold();
    const k = key();
    const answers = Array.from({ length: 50 }, () => post(app, k, '{"sku":"A1"}'));
    while (runs() === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    release();
    const statuses = (await Promise.all(answers)).map((answer) => answer.statusCode);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409).length + 1).toBe(
      statuses.filter((status) => status === 201 || status === 409).length,
    );
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    expect(runs()).toBe(1);
  });

  it('replays a crash (500) and stores nothing for a validation failure', async () => {
    const { app, runs } = await orderApp();
    const crashed = key();
    const first = await post(app, crashed, '{}', '/orders?fail=crash');
    const again = await post(app, crashed, '{}', '/orders?fail=crash');
    expect([first.statusCode, again.statusCode, again.headers['idempotent-replayed']]).toEqual([
      500,
      500,
      'true',
    ]);
    expect(again.body).toBe(first.body);
    const invalid = key();
    await post(app, invalid, '{}', '/orders?fail=validation');
    const retried = await post(app, invalid, '{}', '/orders?fail=validation');
    expect([retried.statusCode, retried.headers['idempotent-replayed']]).toEqual([422, undefined]);
    expect(runs()).toBe(3);
  });
});

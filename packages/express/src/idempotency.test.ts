import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { baseCatalog } from 'errcat';
import { createIdempotencyGuard } from 'errcat/idempotency';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { burst, postOrder } from '../../../test-support/idempotency-app.js';
import { errcat, idempotency } from './index.js';

let server: Server | undefined;
afterEach(async () => {
  if (server?.listening) {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  }
});

async function orderApp(delayMs = 0) {
  let runs = 0;
  const app = express();
  const handlers = errcat({ logger: false });
  const idempotent = idempotency({
    guard: createIdempotencyGuard(),
    required: (req) => !req.originalUrl.includes('optional'),
  });
  app.use(express.json());
  app.post('/orders', idempotent.guard, async (req, res) => {
    const run = ++runs;
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (req.query.fail === 'validation') throw baseCatalog.VALIDATION_FAILED({ errors: [] });
    if (req.query.fail === 'crash') throw new Error('the handler crashed');
    res.status(201).location(`/orders/${run}`).json({ order: run, body: req.body });
  });
  app.use(idempotent.errorHandler, handlers.errorHandler);
  server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, runs: () => runs };
}

const key = () => `"${crypto.randomUUID()}"`;

describe('idempotency (Express)', () => {
  it('runs the first request, replays status, Location and body, and compares JSON by value', async () => {
    const { url, runs } = await orderApp();
    const k = key();
    const first = await postOrder(url, k, { sku: 'A1', qty: 2 });
    expect(first.status).toBe(201);
    const again = await postOrder(url, k, { qty: 2, sku: 'A1' });
    expect([again.status, again.body, again.headers.get('location')]).toEqual([201, first.body, '/orders/1']);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(runs()).toBe(1);
  });

  it('answers 422 for another body and 400 for a missing key, through errcat', async () => {
    const { url, runs } = await orderApp();
    const k = key();
    await postOrder(url, k, { sku: 'A1' });
    const reused = await postOrder(url, k, { sku: 'B2' });
    expect([reused.status, JSON.parse(reused.body).code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    const missing = await postOrder(url, undefined, { sku: 'A1' });
    expect([missing.status, JSON.parse(missing.body).code]).toEqual([400, 'IDEMPOTENCY_KEY_MISSING']);
    expect((await postOrder(url, undefined, {}, '/orders?optional')).status).toBe(201);
    expect(runs()).toBe(2);
  });

  it('runs the handler once for 200 concurrent requests with one key', async () => {
    const { url, runs } = await orderApp(50);
    const tally = await burst(url, 200, key(), { sku: 'A1' });
    expect(tally.other).toEqual([]);
    expect(tally.created).toBe(1);
    expect(tally.created + tally.replayed + tally.inProgress).toBe(200);
    expect(runs()).toBe(1);
  });

  it('replays a crash (500) and stores nothing for a validation failure', async () => {
    const { url, runs } = await orderApp();
    const crashed = key();
    const first = await postOrder(url, crashed, {}, '/orders?fail=crash');
    const again = await postOrder(url, crashed, {}, '/orders?fail=crash');
    expect([first.status, again.status, again.headers.get('idempotent-replayed')]).toEqual([
      500,
      500,
      'true',
    ]);
    expect(again.body).toBe(first.body);
    const invalid = key();
    await postOrder(url, invalid, {}, '/orders?fail=validation');
    const retried = await postOrder(url, invalid, {}, '/orders?fail=validation');
    expect([retried.status, retried.headers.get('idempotent-replayed')]).toEqual([422, null]);
    expect(runs()).toBe(3);
  });
});

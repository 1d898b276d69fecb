import { baseCatalog } from 'errcat';
import { createIdempotencyGuard } from 'errcat/idempotency';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { errcat, idempotency } from './index.js';

function orderApp() {
  let runs = 0;
  let release = () => {};
  let held: Promise<void> = Promise.resolve();
  const app = new Hono();
  const handlers = errcat({ logger: false });
  app.use(
    '/orders',
    idempotency({ guard: createIdempotencyGuard(), required: (c) => c.req.query('optional') === undefined }),
  );
  app.post('/orders', async (c) => {
    const run = ++runs;
    const body = await c.req.json();
    await held;
    if (c.req.query('fail') === 'validation') throw baseCatalog.VALIDATION_FAILED({ errors: [] });
    if (c.req.query('fail') === 'crash') throw new Error('the handler crashed');
    c.header('set-cookie', 'a=1');
    c.header('set-cookie', 'b=2', { append: true });
    return c.json({ order: run, body }, 201, { location: `/orders/${run}` });
  });
  app.onError(handlers.onError);
  return {
    app,
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
const post = (app: Hono, k: string | undefined, body: string, query = '') =>
  app.request(`/orders${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(k === undefined ? {} : { 'idempotency-key': k }) },
    body,
  });

describe('idempotency (Hono middleware)', () => {
  it('runs the first request, replays its status, headers and body, and compares JSON by value', async () => {
    const { app, runs } = orderApp();
    const k = key();
    const first = await post(app, k, '{"sku":"A1","qty":2}');
    const firstBody = await first.text();
    expect(first.status).toBe(201);
    const again = await post(app, k, '{ "qty": 2, "sku": "A1" }');
    expect([again.status, await again.text(), again.headers.get('location')]).toEqual([
      201,
      firstBody,
      '/orders/1',
    ]);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(runs()).toBe(1);
  });

  it('answers 422 for another body, 400 for a missing or malformed key, through onError', async () => {
    const { app, runs } = orderApp();
    const k = key();
    await post(app, k, '{"sku":"A1"}');
    const reused = await post(app, k, '{"sku":"B2"}');
    expect([reused.status, (await reused.json()).code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    const missing = await post(app, undefined, '{"sku":"A1"}');
    expect([missing.status, (await missing.json()).code]).toEqual([400, 'IDEMPOTENCY_KEY_MISSING']);
    const invalid = await post(app, '""', '{"sku":"A1"}');
    expect([invalid.status, (await invalid.json()).code]).toEqual([400, 'IDEMPOTENCY_KEY_INVALID']);
    expect((await post(app, undefined, '{"sku":"A1"}', '?optional')).status).toBe(201);
    expect(runs()).toBe(2);
  });

  it('answers a retry while the first runs with 409, and 50 concurrent requests run the handler once', async () => {
    const { app, runs, hold, release } = orderApp();
    hold();
    const k = key();
    const answers = Array.from({ length: 50 }, () => post(app, k, '{"sku":"A1"}'));
    const settled = await Promise.race([
      Promise.all(answers),
      new Promise((resolve) => setTimeout(resolve, 50)),
    ]);
    expect(settled).toBeUndefined();
    release();
    const statuses = (await Promise.all(answers)).map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(49);
    expect(runs()).toBe(1);
    expect((await post(app, k, '{"sku":"A1"}')).headers.get('idempotent-replayed')).toBe('true');
  });

  it('replays a crash (500) and stores nothing for a validation failure', async () => {
    const { app, runs } = orderApp();
    const crashed = key();
    const first = await post(app, crashed, '{}', '?fail=crash');
    const again = await post(app, crashed, '{}', '?fail=crash');
    expect([first.status, again.status, again.headers.get('idempotent-replayed')]).toEqual([
      500,
      500,
      'true',
    ]);
    expect(await again.text()).toBe(await first.text());
    const invalid = key();
    await post(app, invalid, '{}', '?fail=validation');
    const retried = await post(app, invalid, '{}', '?fail=validation');
    expect([retried.status, retried.headers.get('idempotent-replayed')]).toEqual([422, null]);
    expect(runs()).toBe(3);
  });
});

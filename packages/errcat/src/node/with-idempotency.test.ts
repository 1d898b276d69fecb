import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { burst, type OrderApp, postOrder, startOrderApp } from '../../../../test-support/idempotency-app.js';
import { createIdempotencyGuard } from '../guards/idempotency/idempotency-guard.js';
import { withErrors } from './middleware.js';
import { withIdempotency } from './with-idempotency.js';

const key = () => `"${crypto.randomUUID()}"`;
const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
};
let app: OrderApp | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('withIdempotency (node:http)', () => {
  it('runs the first POST, then replays its status, Location and body, marked as a replay', async () => {
    app = await startOrderApp();
    const k = key();
    const first = await postOrder(app.url, k, { sku: 'A1', qty: 2 });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    // The same JSON with its keys in another order is the same request.
    for (const body of [
      { sku: 'A1', qty: 2 },
      { qty: 2, sku: 'A1' },
    ]) {
      const again = await postOrder(app.url, k, body);
      expect([again.status, again.body, again.headers.get('location')]).toEqual([
        201,
        first.body,
        first.headers.get('location'),
      ]);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.headers.get('content-length')).toBe(String(Buffer.byteLength(first.body)));
    }
    expect(app.runs()).toBe(1);
  });

  it('answers a different body under the same key with 422 problem+json, without running', async () => {
    app = await startOrderApp();
    const k = key();
    await postOrder(app.url, k, { sku: 'A1' });
    const reused = await postOrder(app.url, k, { sku: 'B2' });
    expect(reused.status).toBe(422);
    expect(reused.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.parse(reused.body)).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', status: 422 });
    expect(app.runs()).toBe(1);
  });

  it('runs the handler once for 200 concurrent requests with one key; the rest replay or get 409', async () => {
    app = await startOrderApp({ delayMs: 50 });
    const tally = await burst(app.url, 200, key(), { sku: 'A1' });
    expect(tally.other).toEqual([]);
    expect(tally.created).toBe(1);
    expect(tally.created + tally.replayed + tally.inProgress).toBe(200);
    expect(app.runs()).toBe(1);
  });

  it('stores a crash (500) as the final answer and replays it, as Stripe does', async () => {
    app = await startOrderApp();
    const k = key();
    const first = await postOrder(app.url, k, { sku: 'A1' }, '/orders?fail=crash');
    expect(first.status).toBe(500);
    const again = await postOrder(app.url, k, { sku: 'A1' }, '/orders?fail=crash');
    expect([again.status, again.body, again.headers.get('idempotent-replayed')]).toEqual([
      500,
      first.body,
      'true',
    ]);
    expect(app.runs()).toBe(1);
  });

  it('stores nothing for a request that failed validation: the key stays usable', async () => {
    app = await startOrderApp();
    const k = key();
    const invalid = await postOrder(app.url, k, { sku: 'A1' }, '/orders?fail=validation');
    expect(invalid.status).toBe(422);
    expect(JSON.parse(invalid.body)).toMatchObject({ code: 'VALIDATION_FAILED' });
    const retried = await postOrder(app.url, k, { sku: 'A1' }, '/orders?fail=validation');
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect(app.runs()).toBe(2);
  });

  it('refuses a missing key on a route that requires one, and malformed keys, with 400', async () => {
    app = await startOrderApp({ node: { required: (request) => request.url === '/orders' } });
    const missing = await postOrder(app.url, undefined, { sku: 'A1' });
    expect([missing.status, JSON.parse(missing.body).code]).toEqual([400, 'IDEMPOTENCY_KEY_MISSING']);
    expect((await postOrder(app.url, undefined, { sku: 'A1' }, '/orders?optional')).status).toBe(201);
    for (const bad of ['""', `"${'k'.repeat(256)}"`, 'two words here, and more']) {
      const answer = await postOrder(app.url, bad, { sku: 'A1' });
      expect([answer.status, JSON.parse(answer.body).code]).toEqual([400, 'IDEMPOTENCY_KEY_INVALID']);
      expect(answer.body).not.toContain('kkkk');
    }
    expect(app.runs()).toBe(1);
  });

  it('refuses a body over maxBodyBytes with 413, and does not store a response over maxResponseBytes', async () => {
    app = await startOrderApp({ node: { maxBodyBytes: 64, maxResponseBytes: 50 } });
    const large = await postOrder(app.url, key(), { text: 'x'.repeat(100) });
    expect([large.status, JSON.parse(large.body).code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const k = key();
    // The answer repeats the body, so it is over 50 bytes: sent, not stored, so a retry runs again.
    const first = await postOrder(app.url, k, { text: 'y'.repeat(30) });
    const second = await postOrder(app.url, k, { text: 'y'.repeat(30) });
    expect([first.status, second.status, second.headers.get('idempotent-replayed')]).toEqual([
      201,
      201,
      null,
    ]);
    expect(app.runs()).toBe(2);
  });

  it('keeps the key while a handler runs after its client left, and stores the response it ends with', async () => {
    app = await startOrderApp({ hold: true });
    const k = key();
    const leaving = new AbortController();
    const abandoned = fetch(`${app.url}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': k },
      body: JSON.stringify({ sku: 'A1' }),
      signal: leaving.signal,
    }).catch(() => 'aborted');
    await until(() => app?.runs() === 1);
    leaving.abort();
    expect(await abandoned).toBe('aborted');
    const duringRun = await postOrder(app.url, k, { sku: 'A1' });
    expect(duringRun.status).toBe(409);
    app.release();
    let replay = await postOrder(app.url, k, { sku: 'A1' });
    while (replay.status === 409) replay = await postOrder(app.url, k, { sku: 'A1' });
    expect([replay.status, JSON.parse(replay.body).order, replay.headers.get('idempotent-replayed')]).toEqual(
      [201, 1, 'true'],
    );
    expect(app.runs()).toBe(1);
  });

  it('frees the key once a handler whose client left finishes without a response', async () => {
    const guard = createIdempotencyGuard();
    let runs = 0;
    let finish = () => {};
    const held = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const server = createServer(
      withErrors(
        withIdempotency(
          async (_request, response) => {
            runs++;
            // The first run outlives its client and never answers; a later run answers.
            if (runs === 1) await held;
            else response.end('second run');
          },
          { guard },
        ),
      ),
    );
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const k = key();
      const leaving = new AbortController();
      const left = fetch(url, {
        method: 'POST',
        headers: { 'idempotency-key': k },
        signal: leaving.signal,
      }).catch(() => 'aborted');
      await until(() => runs === 1);
      leaving.abort();
      await left;
      expect((await postOrder(url, k, null, '/')).status).toBe(409);
      finish();
      let retry = await postOrder(url, k, null, '/');
      while (retry.status === 409) retry = await postOrder(url, k, null, '/');
      expect([retry.status, retry.body, retry.headers.get('idempotent-replayed')]).toEqual([
        200,
        'second run',
        null,
      ]);
      expect(runs).toBe(2);
    } finally {
      finish();
      server.closeAllConnections();
      server.close();
    }
  });

  it('answers a 20 KB body nested 10,000 deep with 400 BODY_TOO_DEEP, with a key or without, never running', async () => {
    app = await startOrderApp();
    const deep = `{"sku":"A1","tags":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    for (const k of [undefined, key()]) {
      const response = await fetch(`${app.url}/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(k ? { 'idempotency-key': k } : {}) },
        body: deep,
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'BODY_TOO_DEEP', details: { maxDepth: 64 } });
    }
    expect(app.runs()).toBe(0);
    // As deep as allowed, the body reaches the handler and its fingerprint.
    const flat = `{"tags":${'['.repeat(63)}${']'.repeat(63)}}`;
    const ok = await fetch(`${app.url}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key() },
      body: flat,
    });
    expect(ok.status).toBe(201);
    expect(app.runs()).toBe(1);
  });

  it("replays the stored response under the replaying request's own request id", async () => {
    const create = withIdempotency(
      (_request, created) => {
        created.writeHead(201, { 'content-type': 'application/json', 'x-order': 'o-1' });
        created.end('{"id":"o-1"}');
      },
      { guard: createIdempotencyGuard() },
    );
    const server = createServer(
      withErrors(async (request, response) => {
        // As a server that echoes request ids does: before the guard, on every response.
        response.setHeader('x-request-id', String(request.headers['x-request-id']));
        await create(request, response);
      }),
    );
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const k = key();
      const send = (id: string) =>
        fetch(url, { method: 'POST', headers: { 'idempotency-key': k, 'x-request-id': id }, body: '{}' });
      const first = await send('req-first');
      const again = await send('req-again');
      expect([first.status, first.headers.get('x-request-id')]).toEqual([201, 'req-first']);
      expect([again.status, again.headers.get('idempotent-replayed'), again.headers.get('x-order')]).toEqual([
        201,
        'true',
        'o-1',
      ]);
      expect(again.headers.get('x-request-id')).toBe('req-again');
      expect(await again.text()).toBe('{"id":"o-1"}');
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

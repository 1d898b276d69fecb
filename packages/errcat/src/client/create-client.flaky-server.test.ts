import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errcatErrors } from '../errcat-catalog.js';
import { createClient } from './create-client.js';
import { createRetryBudget } from './retry-budget.js';

/**
 * A real flaky server on 127.0.0.1. Each path is a behaviour; every request is counted, with its
 * method and Idempotency-Key, so the tests assert what reached the wire.
 *
 * - `/dead`: always 503 (a server failing 100% of requests);
 * - `/ok`: 200 JSON;
 * - `/bad`: 400 problem;
 * - `/flaky/<n>/<id>`: 503 for the first n requests of <id>, then 201;
 * - `/after/<id>`: 503 with `Retry-After: 1` once, then 200;
 * - `/hang`: never answers (until the client goes away);
 * - `/huge`: a 500 with a 20 MB body.
 */
interface Hit {
  readonly method: string;
  readonly path: string;
  readonly key: string | undefined;
  readonly at: number;
}

let server: Server;
let base: string;
const hits: Hit[] = [];
const counts = new Map<string, number>();
const closed: string[] = [];

function handle(request: IncomingMessage, response: ServerResponse): unknown {
  const path = request.url ?? '/';
  const key = request.headers['idempotency-key'] as string | undefined;
  hits.push({ method: request.method ?? 'GET', path, key, at: performance.now() });
  request.resume();
  const problem = (status: number, headers: Record<string, string> = {}) =>
    response
      .writeHead(status, {
        'content-type': 'application/problem+json',
        'x-request-id': `req-${hits.length}`,
        ...headers,
      })
      .end(JSON.stringify({ title: 'failed', status, detail: `failed with ${status}` }));
  const seen = (id: string) => {
    const count = (counts.get(id) ?? 0) + 1;
    counts.set(id, count);
    return count;
  };
  if (path === '/ok')
    return response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  if (path === '/dead') return problem(503);
  if (path === '/bad') return problem(400);
  if (path === '/hang') {
    request.socket.on('close', () => closed.push(path));
    return;
  }
  if (path === '/huge') {
    response.writeHead(500, { 'content-type': 'text/plain' });
    const chunk = 'x'.repeat(1 << 20);
    let sent = 0;
    const pump = () => {
      while (sent < 20 && response.write(chunk)) sent++;
      if (sent >= 20) response.end();
    };
    response.on('drain', () => {
      sent++;
      pump();
    });
    response.on('close', () => closed.push(path));
    return pump();
  }
  const flaky = /^\/flaky\/(\d+)\/(\w+)$/.exec(path);
  if (flaky) {
    if (seen(flaky[2] as string) <= Number(flaky[1])) return problem(503);
    return response.writeHead(201, { 'content-type': 'application/json' }).end('{"created":true}');
  }
  const after = /^\/after\/(\w+)$/.exec(path);
  if (after) {
    if (seen(after[1] as string) === 1) return problem(503, { 'retry-after': '1' });
    return response.writeHead(200, { 'content-type': 'text/plain' }).end('done');
  }
  problem(404);
}

beforeAll(async () => {
  server = createServer(handle);
  // 1,000 concurrent calls open 1,000 connections: a backlog that holds them all.
  server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 });
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const hitsOf = (path: string) => hits.filter((hit) => hit.path === path);
/** Fast backoff for the tests: the logic is timed on fake timers in create-client.test.ts. */
const fast = { baseDelay: 1, throttlingBaseDelay: 1 };

describe('the client against a real flaky server', () => {
  it('does not retry a 400, nor a POST without an Idempotency-Key', async () => {
    const api = createClient({ baseUrl: base, retry: fast });
    expect(await api.safe.get('bad')).toMatchObject({
      ok: false,
      error: { httpStatus: 400, requestId: expect.any(String) },
    });
    expect(hitsOf('/bad')).toHaveLength(1);
    await api.safe.post('flaky/5/nokey');
    expect(hitsOf('/flaky/5/nokey')).toHaveLength(1);
  });

  it('retries a keyed POST with one key for every attempt', async () => {
    const api = createClient({ baseUrl: base, retry: fast });
    expect(await api.post('flaky/2/keyed', { json: { sku: 'A1' }, idempotencyKey: true })).toEqual({
      created: true,
    });
    const attempts = hitsOf('/flaky/2/keyed');
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((hit) => hit.key)).size).toBe(1);
  });

  it('respects Retry-After: 1 on real timers', async () => {
    const api = createClient({ baseUrl: base });
    expect(await api.get('after/real')).toBe('done');
    const [first, second] = hitsOf('/after/real');
    const gap = (second?.at ?? 0) - (first?.at ?? 0);
    expect(gap).toBeGreaterThanOrEqual(990);
    expect(gap).toBeLessThan(1500);
  });

  it('C9: against a dead server, calls × 1.1 requests at most from 50 calls on (4 retries in all)', async () => {
    const figures: string[] = [];
    let api = createClient({ baseUrl: base, retry: fast });
    for (const calls of [10, 50, 100, 500, 1000]) {
      // A fresh client per count: the amplification a client sees from its first call on.
      api = createClient({ baseUrl: base, retry: fast });
      const before = hitsOf('/dead').length;
      const results = await Promise.all(Array.from({ length: calls }, () => api.safe.get('dead')));
      const sent = hitsOf('/dead').length - before;
      expect(
        results.filter(
          (result) => result.ok || !('httpStatus' in result.error) || result.error.httpStatus !== 503,
        ),
      ).toEqual([]);
      // Retries are bounded by the budget, not by the calls: 4 at most, then none.
      expect([calls, sent - calls]).toEqual([calls, 4]);
      if (calls >= 50) expect(sent / calls).toBeLessThanOrEqual(1.1);
      figures.push(`${calls} calls: ${sent} requests (${(sent / calls).toFixed(3)})`);
    }
    console.info(`C9 retry.amplification against an always-503 server: ${figures.join('; ')}`);

    // C10: retries come back once successes refill the budget: 0.1 each, and a failure takes 1
    // before the check that more than half of 10 is left, so 61 successes after the storm.
    for (let i = 0; i < 61; i++) await api.get('ok');
    expect(await api.get('flaky/1/recovered')).toEqual({ created: true });
    expect(hitsOf('/flaky/1/recovered')).toHaveLength(2);
  });

  it('without a budget every call of the storm makes all 3 attempts', async () => {
    const api = createClient({ baseUrl: base, retry: { ...fast, budget: false } });
    const before = hitsOf('/dead').length;
    await Promise.all(Array.from({ length: 200 }, () => api.safe.get('dead')));
    expect(hitsOf('/dead').length - before).toBe(600);
  });

  it('an aborted request stops at once: it rejects and the connection is closed', async () => {
    const api = createClient({ baseUrl: base, retry: fast });
    const controller = new AbortController();
    const pending = api.get('hang', { signal: controller.signal }).catch((error: unknown) => error);
    while (hitsOf('/hang').length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const abortedAt = performance.now();
    controller.abort(new Error('user cancelled'));
    const error = await pending;
    expect(errcatErrors.is(error, 'ERRCAT_ABORTED')).toBe(true);
    expect((error as Error).cause).toEqual(new Error('user cancelled'));
    expect(performance.now() - abortedAt).toBeLessThan(100);
    expect(hitsOf('/hang')).toHaveLength(1);
    while (!closed.includes('/hang')) await new Promise((resolve) => setTimeout(resolve, 5));
  });

  it('times out a hung attempt, retries it, then fails with ERRCAT_TIMEOUT', async () => {
    const budget = createRetryBudget({ mode: 'bucket' });
    const api = createClient({ baseUrl: base, timeout: 150, retry: { ...fast, attempts: 2, budget } });
    const before = hitsOf('/hang').length;
    const result = await api.safe.get('hang');
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'ERRCAT_TIMEOUT', details: { scope: 'attempt' } },
    });
    expect(hitsOf('/hang').length - before).toBe(2);
    expect(budget.tokens).toBe(490);
  });

  it('C11: a total deadline ends a hung request on time and leaves no timer behind', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const before = timers();
    const api = createClient({ baseUrl: base, timeout: 5000, retry: { ...fast, totalTimeout: 300 } });
    const started = performance.now();
    const result = await api.safe.get('hang');
    const elapsed = performance.now() - started;
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'ERRCAT_TIMEOUT', details: { scope: 'total' } },
    });
    expect(elapsed).toBeGreaterThanOrEqual(295);
    expect(elapsed).toBeLessThan(1000);
    expect(timers()).toBeLessThanOrEqual(before);
    console.info(`C11: total deadline 300 ms, request ended after ${Math.round(elapsed)} ms`);
  });

  it('retries even a POST when the connection was refused (the server never saw it)', async () => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    let retries = 0;
    const api = createClient({
      baseUrl: `http://127.0.0.1:${port}`,
      retry: { ...fast, onRetry: () => void retries++ },
    });
    const result = await api.safe.post('x');
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'ERRCAT_NETWORK_ERROR', details: { reason: 'ECONNREFUSED', notApplied: true } },
    });
    expect(retries).toBe(2);
  });

  it('reads a bounded part of a huge error body and frees the connection', async () => {
    const api = createClient({ baseUrl: base, maxErrorBytes: 64 * 1024, retry: false });
    const result = await api.safe.get('huge');
    expect(result).toMatchObject({ ok: false, error: { httpStatus: 500, format: 'text' } });
    expect(String(result.ok === false && 'raw' in result.error ? result.error.raw : '')).toHaveLength(
      64 * 1024,
    );
    while (!closed.includes('/huge')) await new Promise((resolve) => setTimeout(resolve, 5));
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineCatalog } from '../define-catalog.js';
import { errcatErrors } from '../errcat-catalog.js';
import { createClient } from './create-client.js';
import { RemoteCatalogError } from './remote-catalog-error.js';
import { RemoteError } from './remote-error.js';
import { createRetryBudget } from './retry-budget.js';
import type { RetryEvent } from './retry-options.js';

/** One scripted answer: a status with headers and body, a network failure, or a hang until aborted. */
type Step = { status: number; headers?: Record<string, string>; body?: string } | 'network' | 'hang';

interface Sent {
  readonly at: number;
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
}

/**
 * A fetch that answers from a script (the last step repeats) and records what was sent and when.
 * The logic tests run on fake timers; real servers are in client-server.test.ts.
 */
function scriptedFetch(steps: Step[]) {
  const sent: Sent[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    sent.push({
      at: Date.now(),
      method: init?.method ?? 'GET',
      url: String(input),
      headers: new Headers(init?.headers),
    });
    const step = steps[Math.min(sent.length - 1, steps.length - 1)] as Step;
    if (step === 'network')
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }),
      });
    if (step === 'hang') {
      return new Promise((_, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    }
    const body = [204, 205, 304].includes(step.status) ? null : (step.body ?? '');
    return new Response(body, { status: step.status, headers: step.headers ?? {} });
  };
  return { fetch: fetch as typeof globalThis.fetch, sent };
}

const BASE = 'https://api.example.com/v1';

/** Runs a request to the end on fake timers and returns its settled outcome. */
async function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  const outcome = promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  await vi.runAllTimersAsync();
  return outcome;
}

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 0, 1) });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('createClient: requests', () => {
  it('joins the base URL and path, appends the query, sends JSON and parses a JSON answer', async () => {
    const { fetch, sent } = scriptedFetch([
      { status: 201, headers: { 'content-type': 'application/json' }, body: '{"id":7}' },
    ]);
    const api = createClient({ baseUrl: `${BASE}/`, fetch, headers: { authorization: 'Bearer t' } });
    const response = await api.request<{ id: number }>('post', '/orders', {
      query: { expand: ['items', 'customer'], dry: false, skip: undefined },
      json: { sku: 'A1' },
      headers: { 'x-trace': '1' },
    });
    expect(response).toMatchObject({ ok: true, status: 201, data: { id: 7 } });
    expect(sent[0]).toMatchObject({
      method: 'POST',
      url: `${BASE}/orders?expand=items&expand=customer&dry=false`,
    });
    expect(Object.fromEntries(sent[0]?.headers ?? [])).toEqual({
      accept: 'application/json',
      authorization: 'Bearer t',
      'content-type': 'application/json',
      'x-trace': '1',
    });
  });

  it('calls fetch unbound, as browsers require (a bound this other than the global throws there)', async () => {
    const calls: unknown[] = [];
    const fetch = function (this: unknown) {
      calls.push(this);
      return Promise.resolve(new Response('ok'));
    } as unknown as typeof globalThis.fetch;
    await createClient({ baseUrl: BASE, fetch }).get('x');
    expect(calls).toEqual([undefined]);
  });

  it('returns text for other content types and undefined for 204 and HEAD', async () => {
    const { fetch } = scriptedFetch([
      { status: 200, headers: { 'content-type': 'text/plain' }, body: 'pong' },
    ]);
    expect(await createClient({ baseUrl: BASE, fetch }).get('ping')).toBe('pong');
    const empty = scriptedFetch([{ status: 204 }]);
    expect(await createClient({ baseUrl: BASE, fetch: empty.fetch }).delete('x')).toBeUndefined();
  });

  it('throws typed errors, and the safe form returns them', async () => {
    const catalog = defineCatalog({
      domain: 'shop.example.com',
      errors: {
        ORDER_NOT_FOUND: {
          code: 'ORDER_NOT_FOUND',
          status: 404,
          message: "Order '{id}' not found",
          details: { id: 'string' },
        },
      },
    });
    const { fetch } = scriptedFetch([
      {
        status: 404,
        headers: { 'content-type': 'application/problem+json' },
        body: '{"title":"Not found","status":404,"code":"ORDER_NOT_FOUND","detail":"Order \'o1\' not found","details":{"id":"o1"}}',
      },
    ]);
    const api = createClient({ baseUrl: BASE, fetch, catalog });
    const thrown = await api.get('orders/o1').catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(RemoteCatalogError);
    expect(catalog.is(thrown, 'ORDER_NOT_FOUND')).toBe(true);
    const result = await api.safe.get('orders/o1');
    if (result.ok) throw new Error('expected an error');
    if (result.error.key === 'ORDER_NOT_FOUND') expect(result.error.details.id).toBe('o1');
    else throw new Error('expected ORDER_NOT_FOUND');
    const plain = await createClient({ baseUrl: BASE, fetch }).safe.get('orders/o1');
    expect(plain.ok === false && plain.error).toBeInstanceOf(RemoteError);
  });

  it('reports misuse as ERRCAT_BAD_ARGUMENT: a bad base URL, an unserialisable body, a bad key or header', async () => {
    expect(() => createClient({ baseUrl: 'not a url' })).toThrow(
      expect.objectContaining({ code: 'ERRCAT_BAD_ARGUMENT' }),
    );
    const { fetch, sent } = scriptedFetch([{ status: 200 }]);
    const api = createClient({ baseUrl: BASE, fetch });
    for (const options of [
      { json: { n: 1n } },
      { idempotencyKey: 'bad\nkey' },
      { headers: { 'bad header': 'x' } },
    ]) {
      const result = await api.safe.post('x', options);
      expect(result.ok === false && errcatErrors.is(result.error, 'ERRCAT_BAD_ARGUMENT')).toBe(true);
    }
    expect(sent).toHaveLength(0);
  });

  it('fails with ERRCAT_DECODE_FAILED, never retried, when a success body is not the JSON it claims', async () => {
    const { fetch, sent } = scriptedFetch([
      { status: 200, headers: { 'content-type': 'application/json' }, body: '{"trunc' },
    ]);
    const { error } = await settle(createClient({ baseUrl: BASE, fetch }).get('x'));
    expect(errcatErrors.is(error, 'ERRCAT_DECODE_FAILED')).toBe(true);
    expect(sent).toHaveLength(1);
  });
});

describe('createClient: retry policy (fake timers)', () => {
  it('C1: a GET against an always-503 server makes 3 attempts with full-jitter waits within their caps', async () => {
    const { fetch, sent } = scriptedFetch([{ status: 503 }]);
    const events: RetryEvent[] = [];
    const { error } = await settle(
      createClient({ baseUrl: BASE, fetch, retry: { onRetry: (event) => void events.push(event) } }).get('x'),
    );
    expect(error).toMatchObject({ httpStatus: 503, code: null, statusName: 'SERVICE_UNAVAILABLE' });
    expect(sent).toHaveLength(3);
    expect(events.map((event) => event.attempt)).toEqual([2, 3]);
    expect(events[0]?.delay).toBeLessThan(100);
    expect(events[1]?.delay).toBeLessThan(200);
    expect((sent[2]?.at ?? 0) - (sent[0]?.at ?? 0)).toBeLessThan(300);
  });

  it('C3/C4: POST is not retried without a key; with one, every attempt carries the same quoted key', async () => {
    const plain = scriptedFetch([{ status: 503 }]);
    await settle(createClient({ baseUrl: BASE, fetch: plain.fetch }).post('orders', { json: {} }));
    expect(plain.sent).toHaveLength(1);
    const keyed = scriptedFetch([{ status: 503 }, { status: 503 }, { status: 201 }]);
    const { error } = await settle(
      createClient({ baseUrl: BASE, fetch: keyed.fetch }).post('orders', { idempotencyKey: true }),
    );
    expect(error).toBeUndefined();
    const keys = new Set(keyed.sent.map((request) => request.headers.get('idempotency-key')));
    expect(keyed.sent).toHaveLength(3);
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/^"[0-9a-f-]{36}"$/);
  });

  it('adds keys automatically to POST and PATCH only when asked, and keeps a key the caller set', async () => {
    const { fetch, sent } = scriptedFetch([{ status: 200 }]);
    const api = createClient({ baseUrl: BASE, fetch, retry: { idempotencyKey: true } });
    await api.post('a');
    await api.patch('a');
    await api.get('a');
    await api.post('a', { idempotencyKey: false });
    await api.post('a', { idempotencyKey: 'order-42' });
    await api.post('a', { headers: { 'idempotency-key': 'mine' } });
    expect(sent.map((request) => request.headers.get('idempotency-key'))).toEqual([
      expect.stringMatching(/^"/),
      expect.stringMatching(/^"/),
      null,
      null,
      '"order-42"',
      'mine',
    ]);
  });

  it('C5: Retry-After: 2 is honoured exactly, with no jitter below it', async () => {
    const { fetch, sent } = scriptedFetch([
      { status: 429, headers: { 'retry-after': '2' } },
      { status: 200 },
    ]);
    const promise = createClient({ baseUrl: BASE, fetch }).get('x');
    await vi.advanceTimersByTimeAsync(1999);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await promise;
    expect(sent).toHaveLength(2);
    expect((sent[1]?.at ?? 0) - (sent[0]?.at ?? 0)).toBe(2000);
  });

  it('C6: a Retry-After beyond maxRetryAfter fails at once with the error carrying retryAfter', async () => {
    const { fetch, sent } = scriptedFetch([{ status: 429, headers: { 'retry-after': '100000' } }]);
    const started = Date.now();
    const error = await createClient({ baseUrl: BASE, fetch })
      .get('x')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ retryAfter: 100_000, throttling: true });
    expect(sent).toHaveLength(1);
    expect(Date.now() - started).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('C7: an HTTP-date Retry-After waits until the date; garbage, -1 and 1. fall back to the backoff', async () => {
    const date = new Date(Date.now() + 3000).toUTCString();
    const dated = scriptedFetch([{ status: 503, headers: { 'retry-after': date } }, { status: 200 }]);
    await settle(createClient({ baseUrl: BASE, fetch: dated.fetch }).get('x'));
    expect((dated.sent[1]?.at ?? 0) - (dated.sent[0]?.at ?? 0)).toBe(3000);
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    for (const value of ['abc', '-1', '1.']) {
      const odd = scriptedFetch([{ status: 503, headers: { 'retry-after': value } }, { status: 200 }]);
      await settle(createClient({ baseUrl: BASE, fetch: odd.fetch }).get('x'));
      expect((odd.sent[1]?.at ?? 0) - (odd.sent[0]?.at ?? 0), value).toBe(50);
    }
  });

  it("follows the server's word on retrying: x-should-retry and Stripe-Should-Retry override the status", async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const refused = scriptedFetch([{ status: 503, headers: { 'x-should-retry': 'false' } }, { status: 200 }]);
    await settle(createClient({ baseUrl: BASE, fetch: refused.fetch }).get('x'));
    expect(refused.sent).toHaveLength(1);
    const invited = scriptedFetch([
      { status: 400, headers: { 'stripe-should-retry': 'true' } },
      { status: 200 },
    ]);
    await settle(createClient({ baseUrl: BASE, fetch: invited.fetch }).get('x'));
    expect(invited.sent).toHaveLength(2);
    // The method still decides: a POST without an Idempotency-Key is never re-sent.
    const post = scriptedFetch([{ status: 503, headers: { 'x-should-retry': 'true' } }, { status: 200 }]);
    await settle(createClient({ baseUrl: BASE, fetch: post.fetch }).post('x', { json: {} }));
    expect(post.sent).toHaveLength(1);
  });

  it('C8: deterministic errors are never retried', async () => {
    for (const status of [400, 401, 403, 404, 409, 410, 412, 422]) {
      const { fetch, sent } = scriptedFetch([{ status }]);
      await settle(createClient({ baseUrl: BASE, fetch }).get('x'));
      expect(sent, String(status)).toHaveLength(1);
    }
  });

  it('backs off from the slower base after a throttling error', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999);
    const { fetch, sent } = scriptedFetch([{ status: 429 }, { status: 503 }, { status: 200 }]);
    await settle(createClient({ baseUrl: BASE, fetch }).get('x'));
    expect((sent[1]?.at ?? 0) - (sent[0]?.at ?? 0)).toBe(Math.floor(500 * 0.999));
    expect((sent[2]?.at ?? 0) - (sent[1]?.at ?? 0)).toBe(Math.floor(200 * 0.999));
  });

  it("decides by the catalog's flags first: retryable, and notApplied for a POST without a key (C12)", async () => {
    const catalog = defineCatalog({
      domain: 'x.example.com',
      errors: {
        MAINTENANCE: { code: 'MAINTENANCE', status: 503, message: 'Down for maintenance', retryable: false },
        IN_PROGRESS: {
          code: 'IDEMPOTENCY_IN_PROGRESS',
          status: 409,
          message: 'In progress',
          retryable: true,
          notApplied: true,
        },
      },
    });
    const maintenance = scriptedFetch([
      { status: 503, body: '{"error":{"code":"MAINTENANCE","message":"m"}}' },
    ]);
    await settle(createClient({ baseUrl: BASE, fetch: maintenance.fetch, catalog }).get('x'));
    expect(maintenance.sent).toHaveLength(1);
    const inProgress = scriptedFetch([
      {
        status: 409,
        headers: { 'retry-after': '1' },
        body: '{"error":{"code":"IDEMPOTENCY_IN_PROGRESS","message":"m"}}',
      },
      { status: 200, body: 'done' },
    ]);
    const { value } = await settle(
      createClient({ baseUrl: BASE, fetch: inProgress.fetch, catalog }).post('x'),
    );
    expect(value).toBe('done');
    expect(inProgress.sent).toHaveLength(2);
  });

  it('retries network errors of idempotent requests only, and stops at the configured attempts (capped at 10)', async () => {
    const get = scriptedFetch(['network']);
    const { error } = await settle(
      createClient({ baseUrl: BASE, fetch: get.fetch, retry: { attempts: 50, budget: false } }).get('x'),
    );
    expect(errcatErrors.is(error, 'ERRCAT_NETWORK_ERROR')).toBe(true);
    expect(get.sent).toHaveLength(10);
    const post = scriptedFetch(['network']);
    await settle(createClient({ baseUrl: BASE, fetch: post.fetch }).post('x'));
    expect(post.sent).toHaveLength(1);
  });

  it('never retries a streamed body, and honours retry: false and shouldRetry', async () => {
    const stream = scriptedFetch([{ status: 503 }]);
    await settle(
      createClient({ baseUrl: BASE, fetch: stream.fetch }).put('x', { body: new ReadableStream() }),
    );
    expect(stream.sent).toHaveLength(1);
    const off = scriptedFetch([{ status: 503 }]);
    await settle(createClient({ baseUrl: BASE, fetch: off.fetch }).get('x', { retry: false }));
    expect(off.sent).toHaveLength(1);
    const forced = scriptedFetch([{ status: 400 }, { status: 200 }]);
    await settle(
      createClient({
        baseUrl: BASE,
        fetch: forced.fetch,
        retry: { shouldRetry: (e) => (e as RemoteError).httpStatus === 400 },
      }).get('x'),
    );
    expect(forced.sent).toHaveLength(2);
  });

  it('times out an attempt, retries it at the timeout price, and ends with ERRCAT_TIMEOUT', async () => {
    const budget = createRetryBudget({ mode: 'bucket' });
    const { fetch, sent } = scriptedFetch(['hang']);
    const { error } = await settle(
      createClient({ baseUrl: BASE, fetch, timeout: 1000, retry: { budget } }).get('x'),
    );
    expect(error).toMatchObject({ code: 'ERRCAT_TIMEOUT', details: { scope: 'attempt', timeout: 1000 } });
    expect(sent).toHaveLength(3);
    expect(budget.tokens).toBe(480);
  });

  it('stops at the total deadline: it never sleeps past it, and an attempt cut by it ends the request', async () => {
    const { fetch, sent } = scriptedFetch([{ status: 503, headers: { 'retry-after': '4' } }]);
    const started = Date.now();
    const { error } = await settle(
      createClient({ baseUrl: BASE, fetch, retry: { totalTimeout: 10_000 } }).get('x'),
    );
    expect(error).toMatchObject({ httpStatus: 503 });
    expect(sent.map((request) => request.at - started)).toEqual([0, 4000, 8000]);
    const hung = scriptedFetch(['hang']);
    const { error: total } = await settle(
      createClient({ baseUrl: BASE, fetch: hung.fetch, timeout: 5000, retry: { totalTimeout: 3000 } }).get(
        'x',
      ),
    );
    expect(total).toMatchObject({ code: 'ERRCAT_TIMEOUT', details: { scope: 'total' } });
    expect(hung.sent).toHaveLength(1);
  });

  it('an abort during a backoff wait ends the request at once and leaves no timer behind', async () => {
    const { fetch, sent } = scriptedFetch([{ status: 503, headers: { 'retry-after': '30' } }]);
    const controller = new AbortController();
    const promise = createClient({ baseUrl: BASE, fetch })
      .get('x', { signal: controller.signal })
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    expect(await promise).toMatchObject({ code: 'ERRCAT_ABORTED' });
    expect(sent).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('the budget stops retries once spent and refunds them on success', async () => {
    const budget = createRetryBudget({ mode: 'bucket', capacity: 10 });
    const dead = scriptedFetch([{ status: 503 }]);
    const api = createClient({ baseUrl: BASE, fetch: dead.fetch, retry: { budget } });
    await settle(Promise.all([api.safe.get('a'), api.safe.get('b'), api.safe.get('c')]));
    expect(dead.sent).toHaveLength(5);
    expect(budget.tokens).toBe(0);
    const flaky = scriptedFetch([{ status: 503 }, { status: 200 }]);
    const healthy = createClient({ baseUrl: BASE, fetch: flaky.fetch, retry: { budget } });
    await settle(healthy.get('a'));
    expect(flaky.sent).toHaveLength(1);
    for (let i = 0; i < 5; i++) await settle(healthy.get('a'));
    expect(budget.tokens).toBe(5);
  });
});

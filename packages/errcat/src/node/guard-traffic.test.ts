import { once } from 'node:events';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRateLimiter } from '../guards/rate-limit/rate-limiter.js';
import { createLoadShedder } from '../guards/shed/load-shedder.js';
import { guardTraffic } from './guard-traffic.js';
import { withErrors } from './middleware.js';

let server: Server | undefined;

afterEach(async () => {
  if (server?.listening) {
    server.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  }
});

async function serve(listener: RequestListener): Promise<string> {
  server = createServer(listener).listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('guardTraffic', () => {
  it('lets two guards on one request take one slot and list both policies in counting order', async () => {
    const shedder = createLoadShedder({ maxConcurrent: 1, maxQueue: 0 });
    const limiter = createRateLimiter({
      policies: { general: { limit: 10, window: 60 }, auth: { limit: 2, window: 60 } },
    });
    let inFlight = -1;
    const url = await serve(
      withErrors(
        async (req, res) => {
          await guardTraffic(req, res, { shedder, limiter, policies: 'general' });
          await guardTraffic(req, res, { shedder, limiter, policies: () => 'auth' });
          inFlight = shedder.inFlight;
          res.end('ok');
        },
        { logger: false },
      ),
    );
    const answer = await fetch(url);
    expect([answer.status, await answer.text(), inFlight]).toEqual([200, 'ok', 1]);
    expect(answer.headers.get('ratelimit-policy')).toBe('"general";q=10;w=60, "auth";q=2;w=60');
    expect(answer.headers.get('ratelimit')).toMatch(/^"general";r=9;t=\d+, "auth";r=1;t=\d+$/);
    await vi.waitFor(() => expect(shedder.inFlight).toBe(0));
  });

  it('resolves with a signal that aborts when the client leaves, and the slot comes back', async () => {
    const shedder = createLoadShedder({ maxConcurrent: 1 });
    let signal: AbortSignal | undefined;
    const url = await serve((req, res) => {
      void guardTraffic(req, res, { shedder }).then((left) => {
        signal = left;
      });
    });
    const leaving = new AbortController();
    const request = fetch(url, { signal: leaving.signal });
    await vi.waitFor(() => expect(signal?.aborted).toBe(false));
    expect(shedder.inFlight).toBe(1);
    leaving.abort();
    await expect(request).rejects.toBeInstanceOf(DOMException);
    await vi.waitFor(() => expect([signal?.aborted, shedder.inFlight]).toEqual([true, 0]));
  });

  it('aborts the signal with the same reason once the answer is sent, and leaves the stack limit alone', async () => {
    const limit = Error.stackTraceLimit;
    let signal: AbortSignal | undefined;
    const url = await serve(async (req, res) => {
      signal = await guardTraffic(req, res, {});
      res.end('ok');
    });
    expect(await (await fetch(url)).text()).toBe('ok');
    await vi.waitFor(() => expect(signal?.aborted).toBe(true));
    expect(signal?.reason).toEqual(new Error('the client closed the connection'));
    expect(Error.stackTraceLimit).toBe(limit);
  });

  it('rejects with the catalog error and sets Connection: close while the shedder drains', async () => {
    const shedder = createLoadShedder();
    await shedder.drain();
    let refusal: unknown;
    const url = await serve(async (req, res) => {
      refusal = await guardTraffic(req, res, { shedder }).catch((error: unknown) => error);
      res.end(String(res.getHeader('connection')));
    });
    expect(await (await fetch(url)).text()).toBe('close');
    expect(refusal).toMatchObject({ code: 'SHUTTING_DOWN', status: 503 });
  });
});

import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineCatalog } from '../define-catalog.js';
import { isCatalogError } from '../is-catalog-error.js';
import { createClient } from './create-client.js';
import { decodeErrorSync } from './decode-error-sync.js';

/** 5030 as seed 000 and its catalog define it: a default delay of its own. */
const catalog = defineCatalog({
  domain: 'resonatehq.io',
  errors: {
    SYSTEM_SHUTTING_DOWN: { code: 5030, status: 503, message: 'The system is shutting down', retryAfter: 5 },
    SLOW_RESTART: { code: 5039, status: 503, message: 'Restarting', retryAfter: 120 },
  },
});

/** What the legacy Go server sends for 5030: no Retry-After header, no delay in the body. */
const GO_SERVER_5030 = JSON.stringify({
  error: {
    code: 5030,
    message: 'The system is shutting down',
    details: [
      {
        '@type': 'ServerError',
        domain: 'server',
        metadata: { url: 'https://docs.resonatehq.io/reference/error-codes#5030' },
      },
    ],
  },
});

describe('RemoteCatalogError: retryAfter is what the response says', () => {
  it('a response without a delay has none; the catalog default is catalogRetryAfter', () => {
    const decoded = decodeErrorSync(503, { 'content-type': 'application/json' }, GO_SERVER_5030, { catalog });
    expect(decoded).toMatchObject({ ok: false, key: 'SYSTEM_SHUTTING_DOWN', retryable: true });
    if (decoded.ok) return;
    expect(decoded.retryAfter).toBeUndefined();
    expect(decoded.catalogRetryAfter).toBe(5);
  });

  it("a Retry-After header is the response's delay, whatever the catalog's default", () => {
    const decoded = decodeErrorSync(503, { 'retry-after': '2' }, GO_SERVER_5030, { catalog });
    if (decoded.ok || !isCatalogError(decoded)) throw new Error('expected a catalog error');
    expect([decoded.retryAfter, decoded.catalogRetryAfter]).toEqual([2, 5]);
    // A decoded error rendered again (a gateway passing it on) sends the response's delay only.
    expect(decoded.headers['retry-after']).toBe('2');
  });

  it('without a catalog entry there is no catalog default', () => {
    const decoded = decodeErrorSync(503, {}, GO_SERVER_5030);
    if (decoded.ok) throw new Error('expected an error');
    expect([decoded.key, decoded.retryAfter, decoded.catalogRetryAfter]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('createClient: the catalog default delay, when the response gives none', () => {
  let hits = 0;
  const server = createServer((_request, response) => {
    hits++;
    response.writeHead(503, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ error: { code: 5039, message: 'Restarting' } }));
  });
  let baseUrl = '';
  beforeAll(async () => {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('waits the catalog default: 120 s is beyond maxRetryAfter, so the error surfaces at once', async () => {
    hits = 0;
    const api = createClient({ baseUrl, catalog, retry: { attempts: 3, maxRetryAfter: 60_000 } });
    const error = await api.get('status').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ key: 'SLOW_RESTART', retryAfter: undefined, catalogRetryAfter: 120 });
    // A backoff in place of the catalog's delay would have sent the request again.
    expect(hits).toBe(1);
  });
});

// errcat/client in a real browser: the package is bundled for the browser platform, served from
// 127.0.0.1 next to a small API, and driven in headless Chromium. It proves the client needs
// nothing but fetch: decoding, typed errors and a retry that honours Retry-After all run there.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchBrowser, type TestBrowser } from '../test-support/browser.js';

const skip = browserSkipReason();
if (skip) console.warn(skip);
const src = join(dirname(fileURLToPath(import.meta.url)), '../packages/errcat/src');
/** The page's module: errcat/client, plus defineCatalog from the core to type the errors. */
const ENTRY = `export * from '${src}/client/index.ts'; export { defineCatalog } from '${src}/index.ts';`;

/** Runs in the page (as a string, so the test runner does not rewrite its dynamic import). */
const SCENARIO = `(async () => {
  const errcat = await import('/errcat.js');
  const catalog = errcat.defineCatalog({
    domain: 'shop.example.com',
    errors: { ORDER_NOT_FOUND: { code: 4040, status: 404, message: "Order '{id}' not found", details: { id: 'string' } } },
  });
  const api = errcat.createClient({ baseUrl: location.origin + '/api', catalog });
  const flaky = await api.get('flaky');
  const missing = await api.safe.get('orders/o-7');
  const error = missing.ok ? undefined : missing.error;
  return {
    flaky,
    typed: catalog.is(error, 'ORDER_NOT_FOUND'),
    facts: { key: error.key, code: error.code, message: error.message, requestId: error.requestId, id: error.details.id },
    remote: errcat.isRemoteError(error),
  };
})()`;

describe.skipIf(skip !== undefined)('errcat/client in headless Chromium', () => {
  let server: Server;
  let origin: string;
  let browser: TestBrowser;
  let flakyCalls = 0;

  beforeAll(async () => {
    const bundle = await build({
      stdin: { contents: ENTRY, resolveDir: src, loader: 'ts' },
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'esm',
    });
    const script = bundle.outputFiles[0]?.text ?? '';
    server = createServer((request, response) => {
      const send = (status: number, type: string, body: string, headers: Record<string, string> = {}) =>
        response.writeHead(status, { 'content-type': type, ...headers }).end(body);
      switch (request.url) {
        case '/':
          return send(200, 'text/html', '<!doctype html><title>client</title>');
        case '/errcat.js':
          return send(200, 'text/javascript', script);
        case '/api/flaky':
          flakyCalls++;
          return flakyCalls === 1
            ? send(503, 'text/html', '<h1>503 Service Unavailable</h1>', { 'retry-after': '0' })
            : send(200, 'application/json', '{"ok":true}');
        case '/api/orders/o-7':
          return send(
            404,
            'application/problem+json',
            '{"title":"Order not found","status":404,"detail":"Order \'o-7\' not found","code":4040,"details":{"id":"o-7"}}',
            { 'x-request-id': 'req-b1' },
          );
        default:
          return send(404, 'text/plain', 'nope');
      }
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    if (server) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('retries a 503, decodes a problem into a typed catalog error, and reads a request id', async () => {
    const page = await browser.newPage();
    await page.goto(origin);
    const result = await page.evaluate(SCENARIO);
    expect(result).toEqual({
      flaky: { ok: true },
      typed: true,
      facts: {
        key: 'ORDER_NOT_FOUND',
        code: 4040,
        message: "Order 'o-7' not found",
        requestId: 'req-b1',
        id: 'o-7',
      },
      remote: true,
    });
    expect(flakyCalls).toBe(2);
  });
});

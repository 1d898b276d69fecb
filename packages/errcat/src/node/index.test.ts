import { once } from 'node:events';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeAdapter } from '../../../../test-support/server/adapter-suite.js';
import { captureLogger } from '../../../../test-support/server/capture-logger.js';
import { shopCatalog } from '../../../../test-support/server/shop-catalog.js';
import { withErrors } from './index.js';

describeAdapter('node');

const logger = captureLogger();
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer(
    withErrors(
      async (req, res) => {
        const url = req.url ?? '/';
        if (url.startsWith('/orders/'))
          throw shopCatalog.ORDER_NOT_FOUND({ id: url.slice('/orders/'.length) });
        if (url === '/sync') throw shopCatalog.LOGIN_REQUIRED();
        if (url === '/boom') throw new Error('password=hunter2 at /home/app/src/db.ts:12:3');
        if (url === '/partial') {
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.write('partial');
          await new Promise((resolve) => setTimeout(resolve, 10));
          throw new Error('failed mid-stream');
        }
        if (url === '/stale') {
          res.setHeader('content-encoding', 'gzip');
          res.setHeader('access-control-allow-origin', '*');
          throw shopCatalog.SLOW_DOWN();
        }
        res.end('ok');
      },
      { catalog: shopCatalog, logger },
    ),
  );
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('errcat/node withErrors', () => {
  it('answers a rejected promise with the catalog error', async () => {
    const response = await fetch(`${base}/orders/o1`, { headers: { 'x-request-id': 'n-1' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('errcat-code')).toBe('4040');
    expect(response.headers.get('x-request-id')).toBe('n-1');
    expect(await response.json()).toMatchObject({
      code: 4040,
      detail: "Order 'o1' not found",
      requestId: 'n-1',
    });
  });

  it('answers a synchronous throw too, with WWW-Authenticate', async () => {
    const response = await fetch(`${base}/sync`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="shop"');
  });

  it('answers an unexpected exception with a generic 500 and logs the cause', async () => {
    const response = await fetch(`${base}/boom`);
    const body = await response.text();
    expect(response.status).toBe(500);
    expect(body).not.toMatch(/hunter2|\/home|db\.ts/);
    expect(JSON.parse(body)).toMatchObject({ code: 5000, detail: 'Something went wrong on our side' });
    expect(JSON.stringify(logger.events.at(-1)?.object)).toContain('hunter2');
  });

  it('drops headers about the content the handler meant to send, keeps the others', async () => {
    const response = await fetch(`${base}/stale`);
    expect(response.status).toBe(429);
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('retry-after')).toBe('30');
    expect((await response.json()).code).toBe(4290);
  });

  it('closes the connection when the response had already started', async () => {
    const outcome = await new Promise<string>((resolve) => {
      const req = httpRequest(`${base}/partial`, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        res.on('end', () => resolve(`ended:${text}`));
        res.on('error', () => resolve(`aborted:${text}`));
      });
      req.on('error', () => resolve('request-error'));
      req.end();
    });
    expect(outcome).toBe('aborted:partial');
    expect(logger.events.at(-1)?.object.code).toBe(5000);
  });

  it('leaves successful responses alone', async () => {
    const response = await fetch(`${base}/fine`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('ok');
  });
});

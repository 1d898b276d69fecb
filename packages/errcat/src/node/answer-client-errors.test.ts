import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { exchange, parseRawResponse as parse } from '../../../../test-support/server/raw-exchange.js';
import { shopCatalog } from '../../../../test-support/server/shop-catalog.js';
import { answerClientErrors } from './answer-client-errors.js';
import { withErrors } from './middleware.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function listen(options: { maxHeaderSize?: number; requestTimeout?: number } = {}): Promise<number> {
  server = createServer(
    { ...options, connectionsCheckingInterval: 50 },
    withErrors((_request, response) => response.end('ok'), { catalog: shopCatalog, logger: false }),
  );
  server.on('clientError', answerClientErrors({ catalog: shopCatalog, profile: 'google', logger: false }));
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server?.once('listening', resolve));
  return (server.address() as AddressInfo).port;
}

describe('answerClientErrors', () => {
  it('answers bad header bytes and a request line that is not HTTP in the wire profile, then closes', async () => {
    const port = await listen();
    for (const bytes of ['GET / HTTP/1.1\r\nHost: a\r\nX-Bad: a\x01b\r\n\r\n', 'HELLO THERE\r\n\r\n']) {
      const answer = parse(await exchange(port, bytes));
      expect(answer.status).toBe(400);
      expect(answer.headers).toMatchObject({
        'content-type': 'application/json; charset=UTF-8',
        'errcat-code': 'BAD_REQUEST',
        connection: 'close',
      });
      expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(answer.body).toMatchObject({ error: { code: 400, status: 'INVALID_ARGUMENT' } });
    }
  });

  it('answers oversized headers with 431 REQUEST_HEADERS_TOO_LARGE', async () => {
    const port = await listen({ maxHeaderSize: 1024 });
    const answer = parse(
      await exchange(port, `GET / HTTP/1.1\r\nHost: a\r\nCookie: ${'c'.repeat(4096)}\r\n\r\n`),
    );
    expect([answer.status, answer.headers['errcat-code']]).toEqual([431, 'REQUEST_HEADERS_TOO_LARGE']);
  });

  it('answers a request that outlasts requestTimeout with 408 REQUEST_TIMEOUT', async () => {
    const port = await listen({ requestTimeout: 200 });
    const answer = parse(await exchange(port, 'GET / HTTP/1.1\r\nHost: a\r\n'));
    expect([answer.status, answer.headers['errcat-code'], answer.headers.connection]).toEqual([
      408,
      'REQUEST_TIMEOUT',
      'close',
    ]);
  });

  it('leaves a well-formed request alone', async () => {
    const port = await listen();
    const raw = await exchange(port, 'GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n');
    expect(raw.startsWith('HTTP/1.1 200 OK')).toBe(true);
  });
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseRawResponse as answer, exchange } from '../../../test-support/server/raw-exchange.js';
import { startTestService, type TestService } from './support.js';

/** Sends raw bytes to the service and returns what it wrote before closing the connection. */
const send = (url: string, bytes: string) => exchange(Number(new URL(url).port), bytes);

describe('requests that are not well-formed HTTP get the service’s own 4004, never a 500', () => {
  let main: TestService;
  beforeAll(async () => {
    main = await startTestService({ profile: 'resonate-legacy' });
  });
  afterAll(() => main.stop());

  test('a target that is not a path or URL: 400 4004 in the legacy profile, before authentication', async () => {
    const request = (target: string) => `GET ${target} HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n`;
    for (const target of ['http://a:99999/promises', 'http://[::1/', '*']) {
      const { status, headers, body } = answer(await send(main.url, request(target)));
      expect([target, status, headers['errcat-code'], headers['content-type']]).toEqual([
        target,
        400,
        '4004',
        'application/json; charset=utf-8',
      ]);
      expect(body).toMatchObject({ error: { code: 4004, message: 'The request could not be parsed' } });
    }
    // `//a:99999/` is a well-formed path (its first segment is empty), which no route has.
    const path = answer(await send(main.url, request('//a:99999/')));
    expect([path.status, path.headers['errcat-code']]).toEqual([404, '4044']);
    expect(main.logs.filter((log) => log.level === 'error')).toEqual([]);
  });

  test('bytes Node’s parser refuses and oversized headers: 4004 and 4310 in the profile', async () => {
    const bad = answer(await send(main.url, 'GET /promises/p HTTP/1.1\r\nHost: a\r\nX-Bad: a\x01b\r\n\r\n'));
    expect([bad.status, bad.headers['errcat-code'], bad.headers.connection]).toEqual([400, '4004', 'close']);
    const cookie = 'c'.repeat(20_000);
    const big = answer(
      await send(main.url, `GET /promises/p HTTP/1.1\r\nHost: a\r\nCookie: ${cookie}\r\n\r\n`),
    );
    expect([big.status, big.headers['errcat-code']]).toEqual([431, '4310']);
    expect(big.body).toMatchObject({ error: { code: 4310 } });
  });
});

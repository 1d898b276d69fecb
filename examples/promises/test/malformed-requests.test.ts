import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestService, type TestService } from './support.js';

/** Sends raw bytes to the service and returns what it wrote before closing the connection. */
function exchange(url: string, bytes: string): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(received));
    socket.write(bytes, 'latin1');
  });
}

function answer(raw: string): { status: number; headers: Record<string, string>; body: unknown } {
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  const [statusLine = '', ...fields] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const field of fields) {
    const colon = field.indexOf(':');
    headers[field.slice(0, colon).toLowerCase()] = field.slice(colon + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body: JSON.parse(body) };
}

describe('requests that are not well-formed HTTP get the service’s own 4004, never a 500', () => {
  let main: TestService;
  beforeAll(async () => {
    main = await startTestService({ profile: 'resonate-legacy' });
  });
  afterAll(() => main.stop());

  test('a target that is not a path or URL: 400 4004 in the legacy profile, before authentication', async () => {
    const request = (target: string) => `GET ${target} HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n`;
    for (const target of ['http://a:99999/promises', 'http://[::1/', '*']) {
      const { status, headers, body } = answer(await exchange(main.url, request(target)));
      expect([target, status, headers['errcat-code'], headers['content-type']]).toEqual([
        target,
        400,
        '4004',
        'application/json; charset=utf-8',
      ]);
      expect(body).toMatchObject({ error: { code: 4004, message: 'The request could not be parsed' } });
    }
    // `//a:99999/` is a well-formed path (its first segment is empty), which no route has.
    const path = answer(await exchange(main.url, request('//a:99999/')));
    expect([path.status, path.headers['errcat-code']]).toEqual([404, '4044']);
    expect(main.logs.filter((log) => log.level === 'error')).toEqual([]);
  });

  test('bytes Node’s parser refuses and oversized headers: 4004 and 4310 in the profile', async () => {
    const bad = answer(
      await exchange(main.url, 'GET /promises/p HTTP/1.1\r\nHost: a\r\nX-Bad: a\x01b\r\n\r\n'),
    );
    expect([bad.status, bad.headers['errcat-code'], bad.headers.connection]).toEqual([400, '4004', 'close']);
    const cookie = 'c'.repeat(20_000);
    const big = answer(
      await exchange(main.url, `GET /promises/p HTTP/1.1\r\nHost: a\r\nCookie: ${cookie}\r\n\r\n`),
    );
    expect([big.status, big.headers['errcat-code']]).toEqual([431, '4310']);
    expect(big.body).toMatchObject({ error: { code: 4310 } });
  });
});

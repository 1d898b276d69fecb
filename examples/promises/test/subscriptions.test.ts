import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PromiseRecord } from '../src/domain/records.js';
import { createNotifier } from '../src/notifier.js';
import { failure, startTestService, type TestService, waitFor } from './support.js';

/** A listener on 127.0.0.1 that counts what reaches it and answers as told. */
async function listener(answer: (request: IncomingMessage) => [number, Record<string, string>?]) {
  const hits: string[] = [];
  const server: Server = createServer((request, response) => {
    hits.push(`${request.method} ${request.url}`);
    request.resume();
    const [status, headers] = answer(request);
    response.writeHead(status, headers).end();
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const port = (server.address() as AddressInfo).port;
  return { hits, port, close: () => new Promise((resolve) => server.close(resolve)) };
}

const completed = { id: 'p1', state: 'RESOLVED' } as unknown as PromiseRecord;
const LATER = Date.now() + 3_600_000;

describe('subscriptions cannot reach into the service’s own network', () => {
  let main: TestService;
  beforeAll(async () => {
    main = await startTestService({ profile: 'problem' });
  });
  afterAll(() => main.stop());

  test('a listener URL whose host is a non-public address, in any notation, is refused with 4222', async () => {
    const api = await main.client('ssrf');
    await api.createPromise({ id: 'watched', timeout: LATER });
    const urls = [
      'http://localhost:8080/hook',
      'http://LOCALHOST./hook',
      'http://api.localhost/hook',
      'http://127.0.0.1:8080/hook',
      'http://127.1/hook',
      'http://2130706433:8080/hook',
      'http://0x7f000001/hook',
      'http://[::1]/hook',
      'http://[::ffff:127.0.0.1]:8080/hook',
      'http://[::ffff:7f00:1]/hook',
      'http://0.0.0.0/hook',
      'http://[::]/hook',
      'http://10.0.0.7/hook',
      'http://192.168.1.1/hook',
      'http://172.20.0.1/hook',
      'http://169.254.169.254/latest/meta-data/',
      'http://[fe80::1]/hook',
      'http://[fd00::1]/hook',
      'http://100.64.0.1/hook',
    ];
    for (const [index, url] of urls.entries()) {
      const refused = await failure(api.createSubscription({ id: `s-${index}`, promiseId: 'watched', url }));
      expect([url, refused.status, refused.code, refused.key]).toEqual([
        url,
        422,
        4222,
        'SUBSCRIPTION_URL_FORBIDDEN',
      ]);
      expect(refused.details).toEqual({ reason: 'its host is not a public address' });
    }
    const accepted = await api.createSubscription({
      id: 's-public',
      promiseId: 'watched',
      url: 'https://hooks.example.com/promises',
    });
    expect(accepted).toMatchObject({ id: 's-public', url: 'https://hooks.example.com/promises' });
  });

  test('a promise takes at most 10 subscriptions (4223); an existing one is still returned', async () => {
    const api = await main.client('fan-out');
    await api.createPromise({ id: 'popular', timeout: LATER });
    const url = 'https://hooks.example.com/promises';
    for (let index = 0; index < 10; index++) {
      await api.createSubscription({ id: `fan-${index}`, promiseId: 'popular', url });
    }
    const refused = await failure(api.createSubscription({ id: 'fan-10', promiseId: 'popular', url }));
    expect([refused.status, refused.key, refused.details]).toEqual([
      422,
      'SUBSCRIPTION_LIMIT_REACHED',
      { limit: 10 },
    ]);
    expect(await api.createSubscription({ id: 'fan-3', promiseId: 'popular', url })).toMatchObject({
      id: 'fan-3',
    });
  });
});

describe('createNotifier', () => {
  test('does not connect to a host name that resolves to a non-public address', async () => {
    const target = await listener(() => [200]);
    const failures: unknown[] = [];
    try {
      const notify = createNotifier({
        onFailure: (_url, reason) => failures.push(reason),
        // hooks.test stands for a public-looking name whose DNS answer is loopback (rebinding).
        lookup: (_hostname, options, callback) =>
          options.all
            ? callback(null, [{ address: '127.0.0.1', family: 4 }])
            : callback(null, '127.0.0.1', 4),
      });
      notify(completed, [
        { id: 's1', promiseId: 'p1', url: `http://hooks.test:${target.port}/hook`, createdOn: 0 },
      ]);
      notify(completed, [
        { id: 's2', promiseId: 'p1', url: `http://[::ffff:127.0.0.1]:${target.port}/hook`, createdOn: 0 },
      ]);
      await waitFor(() => failures.length === 2);
      const described = failures.map(
        (reason) => (reason as { code?: string }).code ?? (reason as Error).message,
      );
      expect(described.sort()).toEqual(['ENOTPUBLIC', 'not sent: its host is not a public address']);
      expect(target.hits).toEqual([]);
    } finally {
      await target.close();
    }
  });

  test('does not follow a redirect: a 307 to another listener is a failed notification', async () => {
    const inner = await listener(() => [200]);
    const outer = await listener(() => [307, { location: `http://127.0.0.1:${inner.port}/internal` }]);
    const failures: unknown[] = [];
    try {
      const notify = createNotifier({
        allowNonPublic: true,
        onFailure: (_url, reason) => failures.push(reason),
      });
      notify(completed, [
        { id: 's1', promiseId: 'p1', url: `http://127.0.0.1:${outer.port}/hook`, createdOn: 0 },
      ]);
      await waitFor(() => failures.length === 1);
      expect((failures[0] as Error).message).toBe('HTTP 307');
      expect(outer.hits).toEqual(['POST /hook']);
      expect(inner.hits).toEqual([]);
    } finally {
      await Promise.all([inner.close(), outer.close()]);
    }
  });
});

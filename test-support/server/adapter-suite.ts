import { builtinProfiles, createErrorResponder, type ErrorResponderOptions, roleError } from 'errcat';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdapterName, BODY_LIMIT, LARGE_RESPONSE, startApp, type TestApp } from './apps.js';
import { captureLogger } from './capture-logger.js';
import { shopCatalog } from './shop-catalog.js';

/** Secrets a thrown exception carries; none may reach a response. */
const SECRET_PATTERN = /hunter2|SELECT|\/home\/|node_modules|TypeError|at .*:\d+:\d+/;

/** What the test routes throw, by the last segment of `/t/<name>`. */
const thrown: Record<string, () => unknown> = {
  'order-not-found': () => shopCatalog.ORDER_NOT_FOUND({ id: 'o-7' }),
  'login-required': () => shopCatalog.LOGIN_REQUIRED(),
  'slow-down': () => shopCatalog.SLOW_DOWN(),
  'shop-down': () => shopCatalog.SHOP_DOWN(),
  declined: () => shopCatalog.PAYMENT_DECLINED({ card: '4111111111111111', reason: 'fraud score 97' }),
  'invalid-order': () =>
    shopCatalog.INVALID_ORDER({
      errors: [{ in: 'body', pointer: '/qty', type: 'minimum', message: 'too small' }],
    }),
  unexpected: () =>
    new TypeError('password=hunter2: SELECT * FROM users at /home/app/node_modules/db/index.js:10:5', {
      cause: new Error('SELECT secret FROM vault'),
    }),
};

const throwByName = (path: string): unknown => {
  const make = thrown[path.slice(path.lastIndexOf('/') + 1)];
  return make ? make() : new Error(`no scenario for ${path}`);
};

/**
 * The conformance suite every adapter runs against a real listener on 127.0.0.1: catalog errors,
 * framework errors and unexpected exceptions, in every built-in profile, compared byte for byte with
 * what the server core renders for the same request.
 */
export function describeAdapter(adapter: AdapterName): void {
  const logger = captureLogger();
  const options: ErrorResponderOptions = {
    catalog: shopCatalog,
    profiles: Object.keys(builtinProfiles),
    logger,
  };
  const reference = createErrorResponder({ ...options, logger: false });
  let app: TestApp;

  beforeAll(async () => {
    app = await startApp(adapter, options, throwByName);
  });
  afterAll(async () => {
    await app?.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${app.url}${path}`, { headers: { 'x-request-id': 'req-1', ...headers } });

  describe(`${adapter}: catalog errors`, () => {
    it('sends status, headers and the problem+json body', async () => {
      const response = await get('/t/order-not-found');
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.headers.get('errcat-code')).toBe('4040');
      expect(response.headers.get('x-request-id')).toBe('req-1');
      expect(await response.json()).toEqual({
        type: 'https://shop.example.com/errors#4040',
        title: 'Order not found',
        status: 404,
        detail: "Order 'o-7' not found",
        instance: '/t/order-not-found',
        code: 4040,
        retryable: false,
        requestId: 'req-1',
        details: { id: 'o-7' },
      });
    });

    it('sends WWW-Authenticate for 401 and Retry-After for errors with a delay', async () => {
      expect((await get('/t/login-required')).headers.get('www-authenticate')).toBe('Bearer realm="shop"');
      const slow = await get('/t/slow-down');
      expect(slow.status).toBe(429);
      expect(slow.headers.get('retry-after')).toBe('30');
      const down = await get('/t/shop-down');
      expect(down.status).toBe(503);
      expect(down.headers.get('retry-after')).toBe('5');
    });

    it('translates by Accept-Language, sends JSON for Accept: application/json, never HTML', async () => {
      const german = await get('/t/order-not-found', { 'accept-language': 'de-DE, en;q=0.5' });
      expect(german.headers.get('content-language')).toBe('de');
      expect((await german.json()).detail).toBe("Bestellung 'o-7' nicht gefunden");
      const json = await get('/t/order-not-found', { accept: 'application/json' });
      expect(json.headers.get('content-type')).toBe('application/json');
      const html = await get('/t/order-not-found', { accept: 'text/html' });
      expect(html.headers.get('content-type')).toBe('application/problem+json');
      expect((await html.json()).code).toBe(4040);
    });

    it('generates a request id when none is sent, and echoes it', async () => {
      const response = await fetch(`${app.url}/t/order-not-found`);
      const id = response.headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect((await response.json()).requestId).toBe(id);
    });

    for (const name of Object.keys(builtinProfiles)) {
      it(`renders catalog, framework and unexpected errors in the ${name} profile exactly as the core does`, async () => {
        const accept = `application/json; profile="${name}"`;
        const cases: [string, string, RequestInit, unknown][] = [
          ...Object.keys(thrown).map((scenario): [string, string, RequestInit, unknown] => [
            scenario,
            `/t/${scenario}`,
            { headers: { accept, 'x-request-id': 'req-1' } },
            throwByName(`/t/${scenario}`),
          ]),
          [
            'unknown route',
            '/nowhere',
            { headers: { accept, 'x-request-id': 'req-1' } },
            roleError(shopCatalog, 'ROUTE_NOT_FOUND'),
          ],
          [
            'bad JSON',
            '/json',
            {
              method: 'POST',
              headers: { accept, 'x-request-id': 'req-1', 'content-type': 'application/json' },
              body: '{"a":',
            },
            roleError(shopCatalog, 'MALFORMED_JSON'),
          ],
        ];
        for (const [label, path, init, equivalent] of cases) {
          const response = await fetch(`${app.url}${path}`, init);
          const body = await response.text();
          const headers = init.headers as Record<string, string>;
          const expected = reference.respond(equivalent, {
            method: init.method ?? 'GET',
            url: path,
            headers,
          });
          expect(response.status, label).toBe(expected.status);
          expect(response.headers.get('content-type'), label).toBe(expected.headers['content-type']);
          expect(response.headers.get('errcat-code'), label).toBe(expected.headers['errcat-code']);
          expect(response.headers.get('x-request-id'), label).toBe('req-1');
          expect(body, label).toBe(expected.body);
          expect(body, label).not.toMatch(SECRET_PATTERN);
        }
      });
    }
  });

  describe(`${adapter}: framework errors`, () => {
    const post = (body: string, contentType = 'application/json') =>
      fetch(`${app.url}/json`, {
        method: 'POST',
        headers: { 'content-type': contentType, 'x-request-id': 'req-1' },
        body,
      });

    it('accepts a valid body', async () => {
      const response = await post('{"a":1}');
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ a: 1 });
    });

    it('answers bad JSON with MALFORMED_JSON', async () => {
      const response = await post('{"a":');
      expect(response.status).toBe(400);
      expect(response.headers.get('errcat-code')).toBe('MALFORMED_JSON');
      expect(await response.json()).toMatchObject({
        code: 'MALFORMED_JSON',
        detail: 'The request body is not valid JSON',
      });
    });

    it("answers a malformed body read the framework's way (Hono: c.req.json()) with MALFORMED_JSON, not retryable", async () => {
      const response = await fetch(`${app.url}/json`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-request-id': 'req-1' },
        body: '{"a":',
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('errcat-code')).toBe('MALFORMED_JSON');
      expect(await response.json()).toMatchObject({ code: 'MALFORMED_JSON', retryable: false });
    });

    it('answers a body over the limit with PAYLOAD_TOO_LARGE', async () => {
      const response = await post(JSON.stringify({ big: 'x'.repeat(BODY_LIMIT * 2) }));
      expect(response.status).toBe(413);
      expect((await response.json()).code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('answers an unsupported content type with UNSUPPORTED_MEDIA_TYPE', async () => {
      const response = await post('<a/>', 'application/xml');
      expect(response.status).toBe(415);
      expect((await response.json()).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });

    it('answers an unknown route with ROUTE_NOT_FOUND', async () => {
      const response = await get('/nowhere?token=secret');
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({
        code: 'ROUTE_NOT_FOUND',
        instance: '/nowhere',
        requestId: 'req-1',
      });
    });
  });

  describe(`${adapter}: idempotency`, () => {
    const send = (size: 'small' | 'large', key: string) =>
      fetch(`${app.url}/idem/${size}`, { method: 'POST', headers: { 'idempotency-key': key } });

    it('stores a response and replays it to a repeat', async () => {
      const key = `"${crypto.randomUUID()}"`;
      const first = await send('small', key);
      const repeat = await send('small', key);
      expect(await repeat.text()).toBe(await first.text());
      expect(repeat.headers.get('x-run')).toBe(first.headers.get('x-run'));
      expect(repeat.headers.get('idempotent-replayed')).toBe('true');
    });

    it('sends a response over DEFAULT_MAX_RESPONSE_BYTES but does not store it: a repeat runs again', async () => {
      const key = `"${crypto.randomUUID()}"`;
      const first = await send('large', key);
      expect(first.status).toBe(200);
      expect(await first.text()).toBe(LARGE_RESPONSE);
      const repeat = await send('large', key);
      expect(repeat.status).toBe(200);
      expect(await repeat.text()).toBe(LARGE_RESPONSE);
      expect(repeat.headers.get('idempotent-replayed')).toBeNull();
      expect(Number(repeat.headers.get('x-run'))).toBe(Number(first.headers.get('x-run')) + 1);
    });
  });

  describe(`${adapter}: unexpected exceptions`, () => {
    it('answers with the INTERNAL_ERROR role, generic and without leaks, and logs the cause chain', async () => {
      const before = logger.events.length;
      const response = await get('/t/unexpected');
      const body = await response.text();
      expect(response.status).toBe(500);
      expect(JSON.parse(body)).toEqual({
        type: 'https://shop.example.com/errors#5000',
        title: 'Server error',
        status: 500,
        detail: 'Something went wrong on our side',
        instance: '/t/unexpected',
        code: 5000,
        retryable: true,
        requestId: 'req-1',
      });
      expect(body).not.toMatch(SECRET_PATTERN);
      const logged = logger.events.slice(before).find((event) => event.object.code === 5000);
      expect(logged?.level).toBe('error');
      expect(JSON.stringify(logged?.object)).toContain('SELECT secret FROM vault');
    });
  });
}

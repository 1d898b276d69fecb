import { describe, expect, it } from 'vitest';
import { captureLogger } from '../../../../test-support/server/capture-logger.js';
import { shopCatalog } from '../../../../test-support/server/shop-catalog.js';
import { baseCatalog } from '../base/base-catalog.js';
import { CatalogError } from '../catalog-error.js';
import type { WireProfile } from '../render/wire-profile.js';
import { createErrorResponder } from './create-error-responder.js';

const request = (headers: Record<string, string> = {}, url = '/orders/o1?token=s3cret') => ({
  method: 'GET',
  url,
  headers,
});

describe('createErrorResponder', () => {
  it('renders a catalog error as problem+json with the code and request-id headers', () => {
    const responder = createErrorResponder({ catalog: shopCatalog, logger: false });
    const response = responder.respond(
      shopCatalog.ORDER_NOT_FOUND({ id: 'o1' }),
      request({ 'x-request-id': 'req-1' }),
    );
    expect(response.status).toBe(404);
    expect(response.headers).toEqual({
      'content-type': 'application/problem+json',
      'errcat-code': '4040',
      'x-request-id': 'req-1',
    });
    expect(response.body).toMatchInlineSnapshot(
      `"{"type":"https://shop.example.com/errors#4040","title":"Order not found","status":404,"detail":"Order 'o1' not found","instance":"/orders/o1","code":4040,"retryable":false,"requestId":"req-1","details":{"id":"o1"}}"`,
    );
  });

  it('sends the entry headers: WWW-Authenticate for 401, Retry-After for errors with a delay', () => {
    const responder = createErrorResponder({ catalog: shopCatalog, logger: false });
    expect(responder.respond(shopCatalog.LOGIN_REQUIRED()).headers['www-authenticate']).toBe(
      'Bearer realm="shop"',
    );
    expect(responder.respond(shopCatalog.SLOW_DOWN()).headers['retry-after']).toBe('30');
    expect(responder.respond(shopCatalog.SHOP_DOWN({ retryAfter: 2.5 })).headers['retry-after']).toBe('3');
  });

  it('turns an unexpected exception into the INTERNAL_ERROR role without leaking it, and logs it all', () => {
    const logger = captureLogger();
    const responder = createErrorResponder({ catalog: shopCatalog, logger });
    const secret = new Error('password=hunter2', { cause: new Error('SELECT * FROM users') });
    const response = responder.respond(secret, request({ 'x-request-id': 'req-2' }));
    expect(response.status).toBe(500);
    expect(response.error.key).toBe('SERVER_ERROR');
    expect(JSON.parse(response.body)).toEqual({
      type: 'https://shop.example.com/errors#5000',
      title: 'Server error',
      status: 500,
      detail: 'Something went wrong on our side',
      instance: '/orders/o1',
      code: 5000,
      retryable: true,
      requestId: 'req-2',
    });
    expect(response.body).not.toMatch(/hunter2|SELECT|Error|at /);
    expect(logger.events).toHaveLength(1);
    const [event] = logger.events;
    expect(event?.level).toBe('error');
    expect(event?.object).toMatchObject({
      requestId: 'req-2',
      code: 5000,
      method: 'GET',
      path: '/orders/o1',
    });
    const logged = JSON.stringify(event?.object);
    expect(logged).toContain('password=hunter2');
    expect(logged).toContain('SELECT * FROM users');
    expect(logged).toMatch(/at .*:\d+:\d+/);
  });

  it('falls back to the base INTERNAL_ERROR entry without a catalog', () => {
    const response = createErrorResponder({ logger: false }).respond('a string was thrown');
    expect(response.error.key).toBe('INTERNAL_ERROR');
    expect(JSON.parse(response.body).detail).toBe('An unexpected error occurred');
  });

  it('logs internal details fields but never renders them, at the entry log level', () => {
    const logger = captureLogger();
    const responder = createErrorResponder({ catalog: shopCatalog, logger });
    const declined = responder.respond(
      shopCatalog.PAYMENT_DECLINED({ card: '4111111111111111', reason: 'fraud' }),
    );
    const failed = responder.respond(shopCatalog.QUERY_FAILED({ sql: 'DELETE FROM orders' }));
    expect(declined.body).not.toMatch(/4111|fraud/);
    expect(JSON.parse(declined.body).detail).toBe('Payment declined');
    expect(failed.body).not.toContain('DELETE');
    expect(logger.events.map((event) => event.level)).toEqual(['info', 'error']);
    expect(logger.events[0]?.object.details).toEqual({ card: '4111111111111111', reason: 'fraud' });
    expect(logger.events[1]?.object.details).toEqual({ sql: 'DELETE FROM orders' });
  });

  it('prefers the request-scoped logger', () => {
    const global = captureLogger();
    const scoped = captureLogger();
    createErrorResponder({ logger: global }).respond(new Error('x'), { log: scoped });
    expect(global.events).toHaveLength(0);
    expect(scoped.events).toHaveLength(1);
  });

  it('accepts a well-formed incoming request id or traceparent and generates one otherwise', () => {
    const responder = createErrorResponder({ logger: false });
    const error = baseCatalog.ROUTE_NOT_FOUND();
    expect(responder.respond(error, request({ 'x-request-id': 'abc-123' })).requestId).toBe('abc-123');
    expect(
      responder.respond(
        error,
        request({ traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' }),
      ).requestId,
    ).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    const injected = responder.respond(error, request({ 'x-request-id': 'a\r\nset-cookie: x=1' }));
    expect(injected.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(injected.headers['x-request-id']).toBe(injected.requestId);
    expect(JSON.parse(injected.body).requestId).toBe(injected.requestId);
  });

  it('honours a custom code header, request-id header and generator', () => {
    const responder = createErrorResponder({
      logger: false,
      codeHeader: 'X-Error-Code',
      requestId: { header: 'X-Correlation-Id', generate: () => 'generated', trustIncoming: false },
      instance: false,
    });
    const response = responder.respond(
      baseCatalog.ROUTE_NOT_FOUND(),
      request({ 'x-correlation-id': 'sent' }),
    );
    expect(response.headers['x-error-code']).toBe('ROUTE_NOT_FOUND');
    expect(response.headers['x-correlation-id']).toBe('generated');
    expect(JSON.parse(response.body).instance).toBeUndefined();
    const none = createErrorResponder({ logger: false, codeHeader: false }).respond(
      baseCatalog.ROUTE_NOT_FOUND(),
    );
    expect(Object.keys(none.headers)).toEqual(['content-type', 'x-request-id']);
  });

  it('refuses header names that could not be sent, when it is made rather than on every error', () => {
    for (const options of [{ codeHeader: 'x code' }, { requestId: { header: 'x-id\r\nset-cookie' } }]) {
      expect(() => createErrorResponder({ logger: false, ...options })).toThrow(
        expect.objectContaining({ code: 'ERRCAT_BAD_ARGUMENT' }),
      );
    }
  });

  it('translates by Accept-Language and says so in Content-Language', () => {
    const responder = createErrorResponder({ catalog: shopCatalog, logger: false });
    const response = responder.respond(
      shopCatalog.ORDER_NOT_FOUND({ id: 'o1' }),
      request({ 'accept-language': 'fr;q=0.9, de-CH' }),
    );
    expect(response.headers['content-language']).toBe('de');
    expect(JSON.parse(response.body)).toMatchObject({
      title: 'Bestellung nicht gefunden',
      detail: "Bestellung 'o1' nicht gefunden",
    });
    const english = responder.respond(
      shopCatalog.ORDER_NOT_FOUND({ id: 'o1' }),
      request({ 'accept-language': 'fr' }),
    );
    expect(english.headers['content-language']).toBeUndefined();
  });

  it('drops header values that could inject headers', () => {
    const responder = createErrorResponder({ catalog: shopCatalog, logger: false });
    const response = responder.respond(
      shopCatalog.SLOW_DOWN({ headers: { link: '<x>\r\nSet-Cookie: a=b', 'x-ok': 'fine', 'bad name': 'v' } }),
    );
    expect(response.headers.link).toBeUndefined();
    expect(response.headers['bad name']).toBeUndefined();
    expect(response.headers['x-ok']).toBe('fine');
  });

  it('uses the user mappers before falling back to INTERNAL_ERROR, skipping one that throws', () => {
    class NotFoundInDb extends Error {}
    const responder = createErrorResponder({
      catalog: shopCatalog,
      logger: false,
      mapError: [
        () => {
          throw new Error('broken mapper');
        },
        (thrown) =>
          thrown instanceof NotFoundInDb
            ? shopCatalog.ORDER_NOT_FOUND({ id: 'o9', cause: thrown })
            : undefined,
      ],
    });
    expect(responder.respond(new NotFoundInDb()).status).toBe(404);
    expect(responder.respond(new Error('other')).status).toBe(500);
  });

  it('never fails: a throwing profile, logger or exotic thrown values still give a valid response', () => {
    const throwing: WireProfile = {
      name: 'throwing',
      contentType: 'application/json',
      body: () => {
        throw new Error('profile bug with secret');
      },
    };
    const logger = {
      error: () => {
        throw new Error('logger down');
      },
    };
    const responder = createErrorResponder({ profile: throwing, logger });
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const getter = {
      get message(): string {
        throw new Error('getter');
      },
    };
    for (const thrown of [null, undefined, Symbol('s'), 10n, circular, getter, new Error('x')]) {
      const response = responder.respond(thrown);
      expect(response.status).toBe(500);
      expect(response.headers['content-type']).toBe('application/problem+json');
      expect(JSON.parse(response.body)).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
      expect(response.body).not.toContain('secret');
    }
  });

  it('answers a failing context callback in the configured profile, with the catalog’s INTERNAL_ERROR', () => {
    const logs = captureLogger();
    const responder = createErrorResponder({
      catalog: shopCatalog,
      profile: 'google',
      logger: logs,
      context: () => {
        throw new TypeError('Invalid URL: //a:99999/');
      },
    });
    const response = responder.respond(
      shopCatalog.ORDER_NOT_FOUND({ id: 'o1' }),
      request({ 'x-request-id': 'r-9' }),
    );
    const internal = shopCatalog.roleEntry('INTERNAL_ERROR') ?? baseCatalog.entry('INTERNAL_ERROR');
    expect(response.status).toBe(500);
    expect(response.headers).toMatchObject({
      'content-type': 'application/json; charset=UTF-8',
      'errcat-code': String(internal?.code),
      'x-request-id': 'r-9',
    });
    expect(JSON.parse(response.body).error).toMatchObject({ code: 500, status: 'INTERNAL' });
    expect(response.body).not.toContain('99999');
    expect(logs.events.map((event) => event.level)).toEqual(['error']);
  });

  it('renders errors of a catalog other than the configured one', () => {
    const responder = createErrorResponder({ catalog: shopCatalog, logger: false });
    const error = new CatalogError(baseCatalog.entry('PAYLOAD_TOO_LARGE') as CatalogError['entry'], {});
    expect(responder.respond(error).status).toBe(413);
  });

  it('negotiates among enabled profiles by Accept, the default answering everything else', () => {
    const responder = createErrorResponder({
      catalog: shopCatalog,
      logger: false,
      profile: 'google',
      profiles: ['problem', 'jsonapi'],
    });
    const error = shopCatalog.ORDER_NOT_FOUND({ id: 'o1' });
    const typeFor = (accept: string) => responder.respond(error, request({ accept })).headers['content-type'];
    expect(typeFor('text/html')).toBe('application/json; charset=UTF-8');
    expect(typeFor('application/problem+json')).toBe('application/problem+json');
    expect(typeFor('application/vnd.api+json')).toBe('application/vnd.api+json');
    // Asked for by name under application/json: the body is the problem's, the type what was accepted.
    expect(typeFor('application/json; profile="problem"')).toBe('application/json');
    expect(JSON.parse(responder.respond(error, request({ accept: '*/*' })).body).error.status).toBe(
      'NOT_FOUND',
    );
  });

  it('sends plain application/json for a +json profile when the client only accepts that', () => {
    const responder = createErrorResponder({ logger: false, profiles: ['jsonapi'] });
    const typeFor = (accept: string) =>
      responder.respond(baseCatalog.ROUTE_NOT_FOUND(), request({ accept })).headers['content-type'];
    expect(typeFor('application/json')).toBe('application/json');
    expect(typeFor('application/json, application/problem+json;q=0.1')).toBe('application/problem+json');
    expect(typeFor('application/json, */*;q=0.1')).toBe('application/problem+json');
    expect(typeFor('application/problem+json;q=0, application/json')).toBe('application/json');
  });

  it('uses the catalog profile by default and rejects an unknown profile name when created', () => {
    expect(() => createErrorResponder({ profile: 'nope' })).toThrow(/nope/);
    const rendered = createErrorResponder({ profile: 'rstmdb', logger: false }).respond(
      baseCatalog.ROUTE_NOT_FOUND(),
      request({ 'x-request-id': 'r-9' }),
    );
    expect(JSON.parse(rendered.body)).toMatchObject({ type: 'response', id: 'r-9', status: 'error' });
  });

  it('passes what the context option reads from the request to envelope profiles', () => {
    const responder = createErrorResponder({
      catalog: shopCatalog,
      profile: 'resonate',
      logger: false,
      context: (facts) => ({ corrId: String((facts.body as { id?: string }).id), kind: 'orders.get' }),
    });
    const response = responder.respond(shopCatalog.ORDER_NOT_FOUND({ id: 'o1' }), { body: { id: 'c-42' } });
    expect(JSON.parse(response.body)).toMatchObject({
      kind: 'orders.get',
      head: { corrId: 'c-42', status: 404 },
    });
  });
});

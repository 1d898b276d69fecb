import {
  builtinProfiles,
  consoleErrorLogger,
  createErrorResponder,
  type ErrorResponderOptions,
} from 'errcat';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ADAPTERS, startApp, type TestApp } from '../../test-support/server/apps.js';
import { captureLogger } from '../../test-support/server/capture-logger.js';
import { shopCatalog } from '../../test-support/server/shop-catalog.js';

/** Every secret the scenarios carry; none may appear in any response, body or header. */
const SECRETS = [
  'hunter2',
  'SELECT',
  '/home/deploy',
  'node_modules',
  'db.internal',
  'AKIA0SECRET',
  'PgPoolError',
];
/** What a stack frame looks like, whatever the exception. */
const STACK_FRAME = /at .*\(?.*:\d+:\d+\)?/;

class PgPoolError extends Error {
  override name = 'PgPoolError';
}

function secretError(): Error {
  const error = new PgPoolError("connect ECONNREFUSED db.internal:5432 password='hunter2'", {
    cause: new Error('SELECT * FROM users WHERE key = AKIA0SECRET'),
  });
  error.stack = `PgPoolError: hunter2\n    at query (/home/deploy/app/node_modules/pg/lib/pool.js:45:11)`;
  return error;
}

/** What the route `/t/<name>` throws: unexpected values, 5xx catalog errors, 4xx expose: false. */
const scenarios: Record<string, () => unknown> = {
  'plain-error': secretError,
  'string-thrown': () => 'SELECT password FROM users -- hunter2',
  'null-thrown': () => null,
  'undefined-thrown': () => undefined,
  'symbol-thrown': () => Symbol('hunter2'),
  'bigint-thrown': () => 10n ** 30n,
  'circular-object': () => {
    const value: Record<string, unknown> = { secret: 'hunter2' };
    value.self = value;
    return value;
  },
  'throwing-getters': () => ({
    get message(): string {
      throw new Error('hunter2');
    },
    toJSON(): never {
      throw new Error('SELECT');
    },
  }),
  'error-without-prototype': () =>
    Object.assign(Object.create(null), { message: 'hunter2', stack: 'at /home/deploy/x.js:1:1' }),
  'aggregate-error': () => new AggregateError([secretError()], 'SELECT many'),
  '5xx-internal-details': () =>
    shopCatalog.QUERY_FAILED({ sql: "SELECT * FROM cards WHERE pan='hunter2'", cause: secretError() }),
  '5xx-cause-only': () => shopCatalog.SERVER_ERROR({ cause: secretError() }),
  '4xx-expose-false': () =>
    shopCatalog.PAYMENT_DECLINED({
      card: 'AKIA0SECRET',
      reason: 'hunter2 at /home/deploy',
      cause: secretError(),
    }),
  '4xx-header-injection': () =>
    shopCatalog.SLOW_DOWN({
      headers: { link: '</x>\r\nSet-Cookie: hunter2=1', 'x-note': 'ok' },
      cause: secretError(),
    }),
};
const throwByName = (path: string): unknown => scenarios[path.slice(path.lastIndexOf('/') + 1)]?.();

describe.each(ADAPTERS)('no secret reaches a response (%s)', (adapter) => {
  const logger = captureLogger();
  const options: ErrorResponderOptions = {
    catalog: shopCatalog,
    profiles: Object.keys(builtinProfiles),
    logger,
  };
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp(adapter, options, throwByName);
  });
  afterAll(async () => {
    await app.close();
  });

  for (const profile of Object.keys(builtinProfiles)) {
    it(`in the ${profile} profile`, async () => {
      for (const scenario of Object.keys(scenarios)) {
        const response = await fetch(`${app.url}/t/${scenario}`, {
          headers: { accept: `application/json; profile="${profile}"`, 'x-request-id': `sec-${scenario}` },
        });
        const body = await response.text();
        const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
        for (const secret of SECRETS) {
          expect(body, `${scenario} body`).not.toContain(secret);
          expect(headers, `${scenario} headers`).not.toContain(secret);
        }
        expect(body, scenario).not.toMatch(STACK_FRAME);
        expect(response.headers.get('set-cookie'), scenario).toBeNull();
        expect(() => JSON.parse(body), scenario).not.toThrow();
        expect(response.headers.get('x-request-id'), scenario).toBe(`sec-${scenario}`);
        if (scenario.startsWith('4xx')) expect(response.status, scenario).toBeLessThan(500);
        else expect(response.status, scenario).toBeGreaterThanOrEqual(500);
      }
    });
  }

  it('while the log keeps the detail: every secret-bearing cause is logged with its stack', () => {
    const logged = JSON.stringify(logger.events.map((event) => event.object));
    for (const secret of ['hunter2', 'AKIA0SECRET', 'SELECT * FROM cards', '/home/deploy']) {
      expect(logged).toContain(secret);
    }
  });
});

describe('the default logger', () => {
  it('writes one line per event, whatever line breaks or escapes the error carries', () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((line: string) => {
      lines.push(line);
    });
    try {
      const responder = createErrorResponder({ logger: consoleErrorLogger });
      for (const text of ['a\nb', 'a\r\nFAKE log line', 'a\u2028b\u2029c', 'a\x1b[31mred']) {
        responder.respond(new Error(text));
      }
    } finally {
      spy.mockRestore();
    }
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      for (const raw of ['\r', '\n', '\u2028', '\u2029', '\u001b']) expect(line).not.toContain(raw);
      expect(JSON.parse(line)).toMatchObject({ level: 'error', code: 'INTERNAL_ERROR' });
    }
  });
});

describe('details from user input', () => {
  it('render __proto__ and constructor keys as data without polluting prototypes', () => {
    const responder = createErrorResponder({ catalog: shopCatalog, logger: false });
    const details = JSON.parse('{"id":"o1","__proto__":{"polluted":1},"constructor":{"prototype":{"p":1}}}');
    for (const profile of Object.keys(builtinProfiles)) {
      const response = createErrorResponder({ catalog: shopCatalog, logger: false, profile }).respond(
        shopCatalog.ORDER_NOT_FOUND(details),
      );
      expect(() => JSON.parse(response.body), profile).not.toThrow();
    }
    expect(responder.respond(shopCatalog.ORDER_NOT_FOUND(details)).status).toBe(404);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).p).toBeUndefined();
  });
});

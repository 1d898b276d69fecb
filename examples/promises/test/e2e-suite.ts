import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PromisesClient } from '../src/client/promises-client.js';
import type { ServiceOptions } from '../src/service.js';
import { signToken } from '../src/tokens.js';
import { failure, holdSlot, SECRET, startTestService, type TestService, waitFor } from './support.js';

/** A timeout far in the future (2100-01-01), for promises that must stay pending. */
const LATER = 4_102_444_800_000;

// biome-ignore lint/suspicious/noExplicitAny: a parsed JSON document, walked by the test
type Json = Record<string, any>;

/** Validates a body against a response of the OpenAPI document (its `$ref`s resolved); the errors. */
function check(document: Json, response: Json, body: unknown): unknown[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ $id: 'doc', components: document.components }, 'doc');
  const resolved = response.$ref ? document.components.responses[response.$ref.split('/').at(-1)] : response;
  const [media] = Object.values(resolved.content as Json) as Json[];
  const schema = JSON.parse(JSON.stringify(media?.schema).replaceAll('"#/components/', '"doc#/components/'));
  const validate = ajv.compile(schema);
  return validate(body) ? [] : (validate.errors ?? []);
}

/** The HTTP status, code and (when the profile carries it) key of a decoded error. */
function facts(error: { httpStatus?: number; code: string | number | null; key?: string | undefined }) {
  return { status: error.httpStatus, code: error.code, key: error.key };
}

/**
 * The end-to-end suite of the promises service in one wire profile: starts the service on
 * 127.0.0.1:0, drives it through the typed client, and asserts each documented error by its code,
 * HTTP status and catalog key. `rich` profiles (problem) also carry the details and violations.
 */
export function describePromisesService(options: {
  readonly profile: string;
  /** The profile carries details and violations (problem does, resonate-legacy does not). */
  readonly rich: boolean;
  /** Where the services keep their data, read once the suite starts. @default a fresh SQLite file each */
  readonly backend?: () => Partial<Pick<ServiceOptions, 'database' | 'redis'>>;
}): void {
  const { profile, rich } = options;
  const backend = options.backend ?? (() => ({}));
  describe(`promises service, ${profile} profile`, () => {
    let main: TestService;
    let client: (subject: string) => Promise<PromisesClient>;
    let ids = 0;
    const id = (prefix: string) => `${prefix}-${++ids}`;

    beforeAll(async () => {
      main = await startTestService({
        profile,
        ...backend(),
        rateLimits: { user: { limit: 600, window: 60, burst: 40, key: 'user' } },
        // The test's listener runs on 127.0.0.1, which a service open to strangers refuses.
        subscriptions: { allowNonPublic: true },
      });
      client = (subject) => main.client(subject);
    });
    afterAll(() => main.stop());

    test('creates and reads a promise; a second create of the id is 4090 already exists', async () => {
      const api = await client('creator');
      const created = await api.createPromise({ id: 'order-1', timeout: LATER, param: { sku: 'A1' } });
      expect(created).toMatchObject({ id: 'order-1', state: 'PENDING', param: { sku: 'A1' }, value: null });
      expect(await api.getPromise('order-1')).toEqual(created);
      const error = await failure(
        api.createPromise({ id: 'order-1', timeout: LATER }, { idempotencyKey: false }),
      );
      expect(facts(error)).toEqual({ status: 409, code: 4090, key: 'PROMISE_ALREADY_EXISTS' });
      if (rich) expect(error.details).toEqual({ id: 'order-1' });
    });

    test('a create of a taken id with the key it was created with finds the promise (seed 000, 4090)', async () => {
      const api = await client('deduper');
      // An ordinary key: neither the IETF draft nor Stripe sets a minimum length.
      const create = (json: unknown, idempotencyKey: string) =>
        api.http.request<unknown>('POST', 'promises', { json, idempotencyKey });
      const first = await create({ id: 'order-2', timeout: LATER }, 'order-42');
      expect(first.status).toBe(201);
      const again = await create({ id: 'order-2', timeout: LATER }, 'order-42');
      expect([again.status, again.data]).toEqual([200, first.data]);
      expect(again.headers.get('idempotent-replayed')).toBeNull();
      // The key, not the body, makes the second create the same one, as the Resonate server did.
      expect((await create({ id: 'order-2', timeout: LATER + 1 }, 'order-42')).data).toEqual(first.data);
      // The promise as it is now, not as it was created.
      await api.resolvePromise('order-2', 'done');
      const settled = await api.createPromise(
        { id: 'order-2', timeout: LATER },
        { idempotencyKey: 'order-42' },
      );
      expect(settled).toMatchObject({ id: 'order-2', state: 'RESOLVED', value: 'done' });
      for (const idempotencyKey of ['order-43', false] as const) {
        const other = await failure(api.createPromise({ id: 'order-2', timeout: LATER }, { idempotencyKey }));
        expect(facts(other)).toEqual({ status: 409, code: 4090, key: 'PROMISE_ALREADY_EXISTS' });
      }
      const malformed = await fetch(`${main.url}/promises`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${await signToken({ secret: SECRET, subject: 'deduper' })}`,
          'content-type': 'application/json',
          'idempotency-key': 'two, keys',
        },
        body: JSON.stringify({ id: 'order-3', timeout: LATER }),
      });
      expect(malformed.status).toBe(400);
      expect(await api.getPromise('order-3').catch((error: { code: unknown }) => error.code)).toBe(4040);
    });

    test('the idempotency guard replays a completion with the same key; another body with it is 4221', async () => {
      const api = await client('replayer');
      await api.createPromise({ id: 'order-4', timeout: LATER });
      const resolve = (value: unknown) =>
        api.http.request<unknown>('POST', 'promises/order-4/resolve', {
          json: { value },
          idempotencyKey: 'pay-4',
        });
      const first = await resolve('paid');
      const again = await resolve('paid');
      expect([again.status, again.data]).toEqual([200, first.data]);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      const reused = await failure(api.resolvePromise('order-4', 'other', { idempotencyKey: 'pay-4' }));
      expect(facts(reused)).toEqual({ status: 422, code: 4221, key: 'IDEMPOTENCY_KEY_REUSED' });
    });

    test('a promise that does not exist is 4040', async () => {
      const api = await client('reader');
      const error = await failure(api.getPromise('no-such-promise'));
      expect(facts(error)).toEqual({ status: 404, code: 4040, key: 'PROMISE_NOT_FOUND' });
      expect(error.message).toContain('no-such-promise');
      expect(error.retryable).toBe(false);
      const completing = await failure(api.resolvePromise('no-such-promise'));
      expect(completing.code).toBe(4040);
    });

    test('a completed promise cannot change: 4030 resolved, 4031 rejected, 4032 canceled, 4033 timed out', async () => {
      const api = await client('completer');
      const [resolved, rejected, canceled, timedOut] = [id('r'), id('j'), id('c'), id('t')];
      for (const promiseId of [resolved, rejected, canceled])
        await api.createPromise({ id: promiseId, timeout: LATER });
      await api.createPromise({ id: timedOut, timeout: 1 });

      expect(await api.resolvePromise(resolved, { total: 42 })).toMatchObject({
        state: 'RESOLVED',
        value: { total: 42 },
      });
      expect(await api.rejectPromise(rejected, 'out of stock')).toMatchObject({ state: 'REJECTED' });
      expect(await api.cancelPromise(canceled)).toMatchObject({ state: 'REJECTED_CANCELED' });
      expect(await api.getPromise(timedOut)).toMatchObject({ state: 'REJECTED_TIMEDOUT', completedOn: 1 });

      const cases = [
        [resolved, 4030, 'PROMISE_ALREADY_RESOLVED'],
        [rejected, 4031, 'PROMISE_ALREADY_REJECTED'],
        [canceled, 4032, 'PROMISE_ALREADY_CANCELED'],
        [timedOut, 4033, 'PROMISE_ALREADY_TIMED_OUT'],
      ] as const;
      for (const [promiseId, code, key] of cases) {
        for (const error of [
          await failure(api.resolvePromise(promiseId)),
          await failure(api.rejectPromise(promiseId)),
          await failure(api.cancelPromise(promiseId)),
        ]) {
          expect(facts(error)).toEqual({ status: 403, code, key });
        }
      }
      expect(await api.getPromise(resolved)).toMatchObject({ state: 'RESOLVED', value: { total: 42 } });
    });

    test('search takes a limit of 1 to 1000 (else 4000) and pages with a cursor', async () => {
      const api = await client('searcher');
      for (const n of [1, 2, 3]) await api.createPromise({ id: `search-${n}`, timeout: LATER });
      await api.createPromise({ id: 'search-4', timeout: 1 });
      const first = await api.searchPromises({ id: 'search-*', limit: 2 });
      expect(first.promises.map((p) => p.id)).toEqual(['search-1', 'search-2']);
      const rest = await api.searchPromises({ id: 'search-*', limit: 1000, cursor: first.cursor as string });
      expect(rest.promises.map((p) => p.id)).toEqual(['search-3', 'search-4']);
      expect(rest.cursor).toBeUndefined();
      const timedOut = await api.searchPromises({ id: 'search-*', state: 'timedout' });
      expect(timedOut.promises.map((p) => [p.id, p.state])).toEqual([['search-4', 'REJECTED_TIMEDOUT']]);
      const pending = await api.searchPromises({ id: 'search-*', state: 'pending' });
      expect(pending.promises).toHaveLength(3);

      for (const limit of [0, 1001]) {
        const error = await failure(api.searchPromises({ limit }));
        expect(facts(error)).toEqual({ status: 400, code: 4000, key: 'VALIDATION_FAILED' });
        expect(error.violations.length).toBe(1);
        // Every profile's message names the field: "The field Limit must be …", "limit: must be …".
        expect(error.violations[0]?.message).toMatch(/^(The field Limit|limit:) must be /);
        if (rich) expect(error.violations[0]).toMatchObject({ field: '/limit' });
      }
    });

    test('a body that fails validation is 4000 listing every violation; bad JSON 4001; not JSON 4150', async () => {
      const api = await client('validator');
      const error = await failure(
        api.http.request('POST', 'promises', { json: { timeout: 'soon', tags: [] } }),
      );
      expect(facts(error)).toEqual({ status: 400, code: 4000, key: 'VALIDATION_FAILED' });
      expect(error.violations.length).toBe(3);
      if (rich) {
        expect(error.violations.map((violation) => violation.field).sort()).toEqual([
          '/id',
          '/tags',
          '/timeout',
        ]);
      }
      const malformed = await failure(
        api.http.request('POST', 'promises', {
          body: '{"id":',
          headers: { 'content-type': 'application/json' },
        }),
      );
      expect(facts(malformed)).toEqual({ status: 400, code: 4001, key: 'MALFORMED_JSON' });
      // A tag named __proto__ would vanish in the schema library; it is refused instead.
      const proto = await failure(
        api.http.request('POST', 'promises', {
          body: `{"id":"proto-tag","timeout":${LATER},"tags":{"__proto__":"x","ok":"y"}}`,
          headers: { 'content-type': 'application/json' },
        }),
      );
      expect(facts(proto)).toEqual({ status: 400, code: 4000, key: 'VALIDATION_FAILED' });
      if (rich) expect(proto.violations.map((violation) => violation.field)).toEqual(['/tags/__proto__']);
      const form = await failure(
        api.http.request('POST', 'promises', {
          body: 'id=p1',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        }),
      );
      expect(facts(form)).toEqual({ status: 415, code: 4150, key: 'UNSUPPORTED_MEDIA_TYPE' });
      const huge = await failure(
        api.createPromise({ id: id('huge'), timeout: LATER, param: 'x'.repeat(1_100_000) }, { retry: false }),
      );
      expect(facts(huge)).toEqual({ status: 413, code: 4130, key: 'PAYLOAD_TOO_LARGE' });
    });

    test('bearer auth: no token 4010, a bad token 4011, an expired one 4012, a missing scope 4034', async () => {
      const { createPromisesClient } = await import('../src/client/promises-client.js');
      const withToken = (token?: string) =>
        createPromisesClient({ baseUrl: main.url, profile, ...(token ? { token } : {}) });
      const anonymous = await failure(withToken().getPromise('p'));
      expect(facts(anonymous)).toEqual({ status: 401, code: 4010, key: 'UNAUTHENTICATED' });
      const forged = await signToken({ secret: 'another-secret-entirely', subject: 'mallory' });
      expect(facts(await failure(withToken(forged).getPromise('p')))).toEqual({
        status: 401,
        code: 4011,
        key: 'TOKEN_INVALID',
      });
      const expired = await signToken({ secret: SECRET, subject: 'late', expiresIn: -60 });
      expect(facts(await failure(withToken(expired).getPromise('p')))).toEqual({
        status: 401,
        code: 4012,
        key: 'TOKEN_EXPIRED',
      });
      const { SignJWT } = await import('jose');
      const { TOKEN_AUDIENCE, TOKEN_ISSUER } = await import('../src/tokens.js');
      const everlasting = await new SignJWT({ scope: 'promises:read' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('forever')
        .setIssuer(TOKEN_ISSUER)
        .setAudience(TOKEN_AUDIENCE)
        .setIssuedAt()
        .sign(new TextEncoder().encode(SECRET));
      expect(facts(await failure(withToken(everlasting).getPromise('p')))).toEqual({
        status: 401,
        code: 4011,
        key: 'TOKEN_INVALID',
      });
      const reader = await main.client('read-only', { scopes: ['promises:read'] });
      const forbidden = await failure(reader.createPromise({ id: id('f'), timeout: LATER }));
      expect(facts(forbidden)).toEqual({ status: 403, code: 4034, key: 'FORBIDDEN' });
      if (rich) expect(forbidden.details).toEqual({ missing: ['promises:write'] });

      const raw = await fetch(`${main.url}/promises/p`);
      expect(raw.headers.get('www-authenticate')).toBe('Bearer');
      const malformed = await failure(
        withToken().getPromise('p', { headers: { authorization: 'Bearer' }, retry: false }),
      );
      expect(facts(malformed)).toEqual({ status: 400, code: 4003, key: 'AUTHORIZATION_MALFORMED' });
    });

    test('unknown routes are 4044 and wrong methods 4050 with Allow', async () => {
      const api = await client('router');
      expect(facts(await failure(api.http.request('GET', 'nowhere')))).toEqual({
        status: 404,
        code: 4044,
        key: 'ROUTE_NOT_FOUND',
      });
      const wrong = await failure(api.http.request('PUT', 'promises/p1', { retry: false }));
      expect(facts(wrong)).toEqual({ status: 405, code: 4050, key: 'METHOD_NOT_ALLOWED' });
      const raw = await fetch(`${main.url}/promises/p1`, { method: 'PUT' });
      expect(raw.headers.get('allow')).toBe('GET');
    });

    test('subscriptions: 4040 for an unknown promise, 4041 for an unknown subscription, a notification on completion', async () => {
      const api = await client('subscriber');
      const received: unknown[] = [];
      const listener = createServer((request: IncomingMessage, response) => {
        let body = '';
        request.on('data', (chunk: Buffer) => {
          body += chunk.toString();
        });
        request.on('end', () => {
          received.push(JSON.parse(body));
          response.end();
        });
      });
      listener.listen(0, '127.0.0.1');
      await new Promise((resolve) => listener.once('listening', resolve));
      const hook = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/hook`;
      try {
        const promiseId = id('watched');
        const missing = await failure(
          api.createSubscription({ id: id('s'), promiseId: 'no-such-promise', url: hook }),
        );
        expect(facts(missing)).toEqual({ status: 404, code: 4040, key: 'PROMISE_NOT_FOUND' });
        await api.createPromise({ id: promiseId, timeout: LATER });
        const subscription = await api.createSubscription({ id: 'sub-1', promiseId, url: hook });
        expect(subscription).toMatchObject({ id: 'sub-1', promiseId, url: hook });
        expect(await api.createSubscription({ id: 'sub-1', promiseId, url: hook })).toEqual(subscription);
        expect(await api.getSubscription('sub-1')).toEqual(subscription);

        await api.resolvePromise(promiseId, 'done');
        await waitFor(() => received.length === 1);
        expect(received[0]).toMatchObject({
          subscriptionId: 'sub-1',
          promise: { id: promiseId, state: 'RESOLVED' },
        });

        await api.deleteSubscription('sub-1');
        for (const error of [
          await failure(api.getSubscription('sub-1')),
          await failure(api.deleteSubscription('sub-1')),
        ]) {
          expect(facts(error)).toEqual({ status: 404, code: 4041, key: 'SUBSCRIPTION_NOT_FOUND' });
        }
      } finally {
        listener.close();
      }
    });

    test('tasks: claimed with the counter (409 wrong counter), completed once claimed (422 otherwise)', async () => {
      const api = await client('worker');
      const taskId = id('job');
      await api.createPromise({
        id: taskId,
        timeout: LATER,
        param: { n: 1 },
        tags: { 'resonate:invoke': 'poll://workers' },
      });
      expect(await api.getTask(taskId)).toMatchObject({ id: taskId, state: 'pending', counter: 1 });
      expect(facts(await failure(api.getTask('no-such-task')))).toEqual({
        status: 404,
        code: 4042,
        key: 'TASK_NOT_FOUND',
      });

      const early = await failure(api.completeTask(taskId, 1));
      expect(facts(early)).toEqual({ status: 422, code: 4220, key: 'TASK_INVALID_STATE' });
      if (rich) expect(early.details).toEqual({ state: 'pending', operation: 'complete' });

      const stale = await failure(api.claimTask(taskId, { counter: 2, processId: 'w1' }));
      expect(facts(stale)).toEqual({ status: 409, code: 4093, key: 'TASK_COUNTER_MISMATCH' });
      if (rich) expect(stale.details).toEqual({ expected: 2, actual: 1 });

      const claimed = await api.claimTask(taskId, { counter: 1, processId: 'w1' });
      expect(claimed).toMatchObject({
        task: { state: 'claimed', processId: 'w1' },
        promise: { id: taskId, param: { n: 1 } },
      });
      const twice = await failure(api.claimTask(taskId, { counter: 1, processId: 'w2' }));
      expect(facts(twice)).toEqual({ status: 409, code: 4091, key: 'TASK_ALREADY_CLAIMED' });

      expect(await api.completeTask(taskId, 1)).toMatchObject({ state: 'completed' });
      const done = await failure(api.completeTask(taskId, 1));
      expect(facts(done)).toEqual({ status: 409, code: 4092, key: 'TASK_ALREADY_COMPLETED' });
    });

    test('an expired claim puts the task back with the counter one higher: the old worker gets 409', async () => {
      const api = await client('slow-worker');
      const taskId = id('lease');
      await api.createPromise({ id: taskId, timeout: LATER, tags: { 'resonate:invoke': 'poll://workers' } });
      await api.claimTask(taskId, { counter: 1, processId: 'w1', ttl: 1 });
      await new Promise((resolve) => setTimeout(resolve, 20));
      const late = await failure(api.completeTask(taskId, 1));
      expect(facts(late)).toEqual({ status: 409, code: 4093, key: 'TASK_COUNTER_MISMATCH' });
      expect(await api.claimTask(taskId, { counter: 2, processId: 'w2' })).toMatchObject({
        task: { state: 'claimed', counter: 2, processId: 'w2' },
      });
      await api.resolvePromise(taskId, 'done');
      expect(await api.getTask(taskId)).toMatchObject({ state: 'completed' });
      expect((await failure(api.claimTask(taskId, { counter: 2, processId: 'w3' }))).code).toBe(4092);
    });

    test('serves its error dictionary at /errors and an OpenAPI document that real responses follow', async () => {
      const page = await fetch(`${main.url}/errors`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const html = await page.text();
      // The page carries every entry (rendered from its embedded data), anchored by code.
      const missingEntries = main.service.catalog.entries.filter(
        (entry) => !html.includes(`"anchor":"${entry.code}"`),
      );
      expect(missingEntries.map((entry) => entry.code)).toEqual([]);

      const document = (await (await fetch(`${main.url}/openapi.json`)).json()) as Json;
      expect(await new Validator().validate(structuredClone(document))).toMatchObject({ valid: true });
      const operations = Object.values(document.paths as Json).flatMap((item) =>
        Object.values(item as Json).map((operation) => (operation as Json).operationId),
      );
      expect(operations).toHaveLength(12);
      const getPromise = (document.paths as Json)['/promises/{id}'].get as Json;
      const api = await client('documented');
      const created = await api.createPromise({ id: id('doc'), timeout: LATER });
      expect(check(document, getPromise.responses['200'], created)).toEqual([]);
      const missing = await fetch(`${main.url}/promises/no-such-promise`, {
        headers: { authorization: `Bearer ${await signToken({ secret: SECRET, subject: 'documented' })}` },
      });
      expect(check(document, getPromise.responses['404'], await missing.json())).toEqual([]);
    });

    test('too many requests from one caller is 429 with Retry-After and RateLimit headers', async () => {
      const api = await main.client('hasty', { retry: false });
      let error: Awaited<ReturnType<typeof failure>> | undefined;
      for (let sent = 0; sent < 400 && error === undefined; sent++) {
        error = await api.getPromise('anything').then(
          () => undefined,
          (thrown) => (thrown.code === 4040 ? undefined : thrown),
        );
      }
      expect(error && facts(error)).toEqual({ status: 429, code: 4290, key: 'RATE_LIMITED' });
      expect(error?.retryAfter).toBeGreaterThanOrEqual(1);
      expect(error?.retryable).toBe(true);
      if (rich) expect(error?.details).toEqual({ policy: 'user' });
    });
  });

  describe(`promises service, ${profile} profile, failing storage and load`, () => {
    test.runIf(options.backend === undefined)(
      'a read-only database file answers reads and fails writes with 5002, the cause only in the logs',
      async () => {
        const writable = await startTestService({ profile });
        const writer = await writable.client('writer');
        const kept = await writer.createPromise({ id: 'kept', timeout: LATER });
        await writable.service.shutdown();
        const readOnly = await startTestService({ profile, database: `file:${writable.database}?mode=ro` });
        try {
          const api = await readOnly.client('reader', { retry: false });
          expect(await api.getPromise('kept')).toEqual(kept);
          // One call at a time: a second call started early would reject before anything awaits it.
          for (const call of [
            () => api.createPromise({ id: 'new', timeout: LATER }),
            () => api.resolvePromise('kept', 'value'),
          ]) {
            const error = await failure(call());
            expect(facts(error)).toEqual({ status: 500, code: 5002, key: 'STORAGE_FAILED' });
            expect(error.message).toBe("There was a failure accessing the system's storage");
            expect(JSON.stringify(error.raw)).not.toMatch(/readonly|SQLITE/i);
          }
          const logged = readOnly.logs.filter((event) => event.object.code === 5002);
          expect(logged).toHaveLength(2);
          expect(logged[0]?.level).toBe('error');
          expect(logged[0]?.object.details).toMatchObject({ reason: 'attempt to write a readonly database' });
        } finally {
          await readOnly.stop();
          await writable.stop();
        }
      },
    );

    test.runIf(options.backend === undefined)(
      'promises and idempotency records survive a restart',
      async () => {
        const first = await startTestService({ profile });
        const writer = await first.client('restarter');
        const created = await writer.createPromise(
          { id: 'durable', timeout: LATER },
          { idempotencyKey: 'create-1' },
        );
        const resolved = await writer.resolvePromise('durable', 'v', { idempotencyKey: 'resolve-1' });
        await first.service.shutdown();
        const second = await startTestService({ profile, database: first.database });
        try {
          const api = await second.client('restarter');
          expect(await api.getPromise('durable')).toEqual(resolved);
          const replay = await api.http.request('POST', 'promises/durable/resolve', {
            json: { value: 'v' },
            idempotencyKey: 'resolve-1',
          });
          expect(replay.headers.get('idempotent-replayed')).toBe('true');
          expect(replay.data).toEqual(resolved);
          const again = await api.http.request('POST', 'promises', {
            json: { id: 'durable', timeout: LATER },
            idempotencyKey: 'create-1',
          });
          expect([again.status, again.data]).toEqual([200, resolved]);
          expect(resolved).toMatchObject({ id: created.id, state: 'RESOLVED' });
        } finally {
          await second.stop();
          await first.stop();
        }
      },
    );

    test('a full queue is 5031 at once; a queued request during shutdown is 5030', async () => {
      const tight = await startTestService({
        profile,
        ...backend(),
        maxConcurrent: 1,
        maxQueue: 1,
        shutdownTimeout: 300,
        // holdSlot fills the one slot with a body that never ends, which only holds a slot when the
        // body is read under the shedder.
        bodyDeadline: false,
      });
      const token = await signToken({ secret: SECRET, subject: 'crowd' });
      const release = await holdSlot(tight.service, token);
      try {
        const api = await tight.client('crowd', { retry: false });
        const queued = failure(api.getPromise('p'));
        await waitFor(() => tight.service.shedder.queued === 1);
        const full = await failure(api.getPromise('p'));
        expect(facts(full)).toEqual({ status: 503, code: 5031, key: 'API_QUEUE_FULL' });
        expect(full.retryAfter).toBe(1);
        expect(full.notApplied).toBe(true);
        const stopping = tight.service.shutdown();
        const shutdown = await queued;
        expect(facts(shutdown)).toEqual({ status: 503, code: 5030, key: 'SHUTTING_DOWN' });
        expect(shutdown.retryAfter).toBe(5);
        release();
        expect(await stopping).toMatchObject({ inFlight: 0 });
      } finally {
        release();
        await tight.stop();
      }
    });
  });
}

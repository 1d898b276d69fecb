import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { CatalogError } from '../catalog-error.js';
import { defineCatalog, parseCatalog } from '../define-catalog.js';
import { rstmdbProfile } from '../profiles/rstmdb-profile.js';
import { problemProfile } from '../render/problem-profile.js';
import { renderError } from '../render/render-error.js';
import type { WireProfile } from '../render/wire-profile.js';
import { canRetry } from './can-retry.js';
import { createClient } from './create-client.js';
import { decodeErrorSync } from './decode-error-sync.js';
import type { AnyCatalog } from './decode-types.js';
import { retryOnConflict } from './retry-on-conflict.js';

/**
 * Retries happen in one layer: a version conflict is never re-sent as is by the client, only
 * re-applied by retryOnConflict after a re-read. The real rstmdb catalog (its CONFLICT is
 * retryable, `notApplied` and role VERSION_CONFLICT, so a POST would otherwise be re-sent), a real
 * listener, and the requests the server saw counted.
 */
const rstmdb = parseCatalog(
  parseYaml(readFileSync(new URL('../../../../catalogs/rstmdb.yaml', import.meta.url), 'utf8')),
);
const conflictEntry = rstmdb.entry('CONFLICT');
if (conflictEntry === undefined) throw new Error('catalogs/rstmdb.yaml has no CONFLICT');
const CONFLICT = conflictEntry;

interface Instance {
  state: string;
  offset: number;
}

/** What the server answers a write with; `undefined` applies it at the expected offset. */
type Answer = { status: number; headers: Readonly<Record<string, string>>; body: string } | undefined;

const seen: string[] = [];
const instance: Instance = { state: 'pending', offset: 100 };
let profile: WireProfile = problemProfile;
/** How the next write is answered; by default, rstmdb's CONFLICT unless the offset matches. */
let answer: (expected: number) => Answer;

function conflictAt(expected: number): Answer {
  const error = new CatalogError(CONFLICT, {
    expected_offset: expected,
    actual_offset: instance.offset,
  });
  return renderError(error, { profile });
}

const optimistic = (expected: number): Answer =>
  expected === instance.offset ? undefined : conflictAt(expected);

const server = createServer((request, response) => {
  let text = '';
  request.setEncoding('utf8');
  request.on('data', (chunk: string) => {
    text += chunk;
  });
  request.on('end', () => {
    seen.push(request.method ?? '');
    const json = (status: number, body: unknown) =>
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (request.method === 'GET') return json(200, instance);
    const { expected_offset } = JSON.parse(text) as { expected_offset: number };
    const failure = answer(expected_offset);
    if (failure) return response.writeHead(failure.status, failure.headers).end(failure.body);
    instance.offset += 1;
    json(200, instance);
  });
});
let baseUrl: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  seen.length = 0;
  Object.assign(instance, { state: 'pending', offset: 100 });
  profile = problemProfile;
  answer = conflictAt;
});

const profiles = [
  ['problem', problemProfile],
  ['rstmdb', rstmdbProfile],
] as const;

describe('retries happen in one layer (issue 11, item 2)', () => {
  it.each(profiles)(
    'retryOnConflict around api.post, always CONFLICT (%s profile): 5 writes, a re-read between each',
    async (_name, wire) => {
      profile = wire;
      const api = createClient({ baseUrl, catalog: rstmdb });
      let reads = 0;
      const error = await retryOnConflict({
        apply: () => api.post('instances/order-1/events', { json: { event: 'PAY', expected_offset: 1 } }),
        reread: async () => {
          reads++;
          return api.get<Instance>('instances/order-1');
        },
      }).catch((e: unknown) => e);
      expect(rstmdb.is(error, 'CONFLICT')).toBe(true);
      expect(reads).toBe(4);
      expect(seen).toEqual(['POST', 'GET', 'POST', 'GET', 'POST', 'GET', 'POST', 'GET', 'POST']);
    },
  );

  it.each(profiles)(
    'api.safe.post against rstmdb CONFLICT (%s profile) sends exactly 1 request',
    async (_name, wire) => {
      profile = wire;
      const result = await createClient({ baseUrl, catalog: rstmdb }).safe.post('instances/order-1/events', {
        json: { event: 'PAY', expected_offset: 1 },
      });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.code).toBe('CONFLICT');
      expect(seen).toEqual(['POST']);
    },
  );

  it('no conflict is re-sent as is, whatever its retryable flag, method, key, catalog or shouldRetry', async () => {
    const versioned = defineCatalog({
      domain: 'shop.example.com',
      errors: {
        STALE: { code: 'STALE', status: 409, role: 'VERSION_CONFLICT', message: 'Stale', retryable: true },
      },
    });
    const foreign = (status: number, code: string): Answer => ({
      status,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, message: 'changed', retryable: true }),
    });
    const cases: { name: string; catalog?: AnyCatalog | undefined; answer: () => Answer }[] = [
      { name: 'rstmdb CONFLICT, no catalog', answer: () => conflictAt(1) },
      { name: 'role VERSION_CONFLICT', catalog: versioned, answer: () => renderError(versioned.STALE()) },
      { name: 'foreign 409', answer: () => foreign(409, 'concurrent_modification') },
      { name: 'foreign 412', answer: () => foreign(412, 'STALE_ETAG') },
    ];
    for (const { name, catalog = undefined, answer: scenario } of cases) {
      answer = scenario;
      for (const retry of [undefined, { shouldRetry: () => true }]) {
        const api = createClient({ baseUrl, catalog, ...(retry ? { retry } : {}) });
        for (const send of [
          () => api.safe.put('instances/order-1', { json: {} }),
          () => api.safe.post('instances/order-1/events', { json: {}, idempotencyKey: true }),
        ]) {
          seen.length = 0;
          const result = await send();
          expect(!result.ok && result.error.retryable, name).toBe(true);
          expect(seen, name).toHaveLength(1);
        }
      }
    }
  });

  it('the re-read runs between attempts, and the write re-applied at the fresh offset succeeds', async () => {
    answer = (expected) => {
      // Another writer wins the race once: the first write finds the offset moved.
      if (seen.filter((method) => method === 'POST').length === 1) instance.offset += 1;
      return optimistic(expected);
    };
    const api = createClient({ baseUrl, catalog: rstmdb });
    let current = await api.get<Instance>('instances/order-1');
    const outcome = await retryOnConflict({
      apply: () =>
        api.post<Instance>('instances/order-1/events', {
          json: { event: 'PAY', expected_offset: current.offset },
        }),
      reread: async () => (current = await api.get<Instance>('instances/order-1')),
    });
    expect(outcome).toMatchObject({ applied: true, attempts: 2, value: { offset: 102 } });
    expect(seen).toEqual(['GET', 'POST', 'GET', 'POST']);
  });

  it('nested retryOnConflict calls do not multiply: the inner one spends the attempts, the outer rethrows', async () => {
    const api = createClient({ baseUrl, catalog: rstmdb });
    const inner = () =>
      retryOnConflict({
        apply: () => api.post('instances/order-1/events', { json: { expected_offset: 1 } }),
        reread: () => api.get('instances/order-1'),
        attempts: 3,
      });
    const error = await retryOnConflict({ apply: inner, reread: () => api.get('instances/order-1') }).catch(
      (e: unknown) => e,
    );
    expect(rstmdb.is(error, 'CONFLICT')).toBe(true);
    expect(seen).toEqual(['POST', 'GET', 'POST', 'GET', 'POST']);
  });

  it('canRetry, as axios-retry’s condition, agrees: a decoded conflict is never retried as is', () => {
    const body = renderError(new CatalogError(CONFLICT, {}), { profile: rstmdbProfile });
    const decoded = decodeErrorSync(409, body.headers, body.body, { catalog: rstmdb });
    expect(decoded.ok === false && decoded.retryable && decoded.notApplied).toBe(true);
    for (const request of [{ method: 'POST' }, { method: 'PUT' }, { method: 'POST', keyed: true }]) {
      expect(canRetry(decoded, request)).toBe(false);
      expect(canRetry(decodeErrorSync(409, body.headers, body.body), request)).toBe(false);
    }
  });
});

import type { Catalog, ErrorResponderOptions } from 'errcat';
import { createErrorResponder } from 'errcat';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeedCatalog, SEED_CATALOGS, type SeedCatalogName } from '../../test-support/seed-catalogs.js';
import { ADAPTERS, type AdapterName, startApp, type TestApp } from '../../test-support/server/apps.js';

/** The wire profile each seed system speaks. */
const SEED_PROFILE: Record<SeedCatalogName, string> = {
  'resonate-legacy': 'resonate-legacy',
  resonate: 'resonate',
  rstmdb: 'rstmdb',
  devdocs: 'simple',
  'api-reference': 'simple',
};

interface Exchange {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** The headers every adapter must agree on (frameworks add their own, such as Date or Connection). */
const COMPARED_HEADERS = [
  'content-type',
  'content-language',
  'retry-after',
  'www-authenticate',
  'errcat-code',
  'x-request-id',
];

async function exchange(url: string, init: RequestInit): Promise<Exchange> {
  const response = await fetch(url, init);
  const headers: Record<string, string> = {};
  for (const name of COMPARED_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return { status: response.status, headers, body: await response.text() };
}

describe.each(SEED_CATALOGS)('the %s seed catalog', (name) => {
  const { catalog } = loadSeedCatalog(name) as { catalog: Catalog };
  const options: ErrorResponderOptions = {
    catalog,
    profile: SEED_PROFILE[name],
    profiles: ['problem'],
    logger: false,
    context: () => ({ corrId: 'corr-1', kind: 'promises.get' }),
  };
  const reference = createErrorResponder(options);
  const entries = catalog.entries.filter((entry) => entry.declaredStatus !== undefined);
  const thrower = (path: string): unknown => {
    const key = path.slice(path.lastIndexOf('/') + 1);
    return catalog.create(key as never, (catalog.entry(key)?.example ?? {}) as never);
  };
  const apps = new Map<AdapterName, TestApp>();

  beforeAll(async () => {
    for (const adapter of ADAPTERS) apps.set(adapter, await startApp(adapter, options, thrower));
  });
  afterAll(async () => {
    for (const app of apps.values()) await app.close();
  });

  /** Sends one request to every adapter and asserts they all answered byte for byte alike. */
  async function expectIdentical(path: string, init: RequestInit): Promise<Exchange> {
    const answers = await Promise.all(
      ADAPTERS.map(
        async (adapter) => [adapter, await exchange(`${apps.get(adapter)?.url}${path}`, init)] as const,
      ),
    );
    const [, first] = answers[0] as (typeof answers)[number];
    for (const [adapter, answer] of answers) expect(answer, `${adapter} ${path}`).toEqual(first);
    return first;
  }

  for (const accept of ['application/json', 'application/problem+json']) {
    it(`renders every entry identically in all four adapters (Accept: ${accept})`, async () => {
      expect(entries.length).toBeGreaterThan(0);
      for (const entry of entries) {
        const headers = { accept, 'x-request-id': 'req-seed', 'accept-language': 'de, en;q=0.5' };
        const path = `/t/${entry.key}`;
        const answer = await expectIdentical(path, { headers });
        const expected = reference.respond(thrower(path), { method: 'GET', url: path, headers });
        expect(answer.status, entry.key).toBe(expected.status);
        expect(answer.body, entry.key).toBe(expected.body);
        expect(answer.headers['errcat-code'], entry.key).toBe(String(entry.code));
      }
    });
  }

  it('answers framework errors identically in all four adapters', async () => {
    const headers = { 'x-request-id': 'req-seed' };
    const notFound = await expectIdentical('/nowhere', { headers });
    expect(notFound.status).toBeGreaterThanOrEqual(400);
    const json = { ...headers, 'content-type': 'application/json' };
    const malformed = await expectIdentical('/json', { method: 'POST', headers: json, body: '{"a":' });
    expect(malformed.status).toBeGreaterThanOrEqual(400);
    await expectIdentical('/json', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ a: 'x'.repeat(5000) }),
    });
    await expectIdentical('/json', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/csv' },
      body: 'a,b',
    });
  });
});

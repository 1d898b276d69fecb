// The conformance suite against a real node:http server on 127.0.0.1 that answers like errcat, in
// every built-in profile: every case passes; then against servers that get one thing wrong.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureCatalog as catalog } from '../../../../test-support/profiles/fixture-catalog.js';
import { isCatalogError } from '../is-catalog-error.js';
import { builtinProfiles, getProfile } from '../profiles/builtin-profiles.js';
import { renderError } from '../render/render-error.js';
import { conformanceSuite } from './conformance-suite.js';

type Fault = 'none' | 'status' | 'leak' | 'no-retry-after' | 'message';

let server: Server;
let base: string;

beforeAll(async () => {
  // POST /<profile>/<fault>/<KEY> with the details as JSON: renders the entry as a server would,
  // or with one fault.
  server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
    });
    request.on('end', () => {
      const [, profileName = '', fault = 'none', key = ''] = (request.url ?? '').split('/');
      const requestId = String(request.headers['x-request-id'] ?? 'generated-id');
      const details = JSON.parse(text) as Record<string, unknown>;
      const error = catalog.create(key as never, details as never);
      const rendered = renderError(error, { profile: getProfile(profileName), context: { requestId } });
      const headers: Record<string, string> = { ...rendered.headers, 'x-request-id': requestId };
      let body = rendered.body;
      let status = rendered.status;
      if ((fault as Fault) === 'status') status = status === 500 ? 502 : 500;
      if ((fault as Fault) === 'no-retry-after') delete headers['retry-after'];
      if ((fault as Fault) === 'leak')
        body = body.replace('"failed to update promise"', '"SELECT * FROM promises"');
      if ((fault as Fault) === 'message')
        body = JSON.stringify(JSON.parse(body)).replaceAll('not found', 'missing');
      response.writeHead(status, headers).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function suite(profile: string, fault: Fault) {
  return conformanceSuite({
    catalog,
    profile,
    trigger: (entry, details) =>
      fetch(`${base}/${profile}/${fault}/${entry.key}`, {
        method: 'POST',
        headers: { 'x-request-id': `req-${entry.key}` },
        body: JSON.stringify(details),
      }),
  });
}

describe('conformanceSuite against a conforming server', () => {
  for (const profile of Object.keys(builtinProfiles)) {
    describe(profile, () => {
      conformanceSuite({
        catalog,
        profile,
        test: it,
        trigger: (entry, details) =>
          fetch(`${base}/${profile}/none/${entry.key}`, {
            method: 'POST',
            headers: { 'x-request-id': `req-${entry.key}` },
            body: JSON.stringify(details),
          }),
      });
    });
  }

  it('names one case per entry with a status and skips entries the trigger skips', async () => {
    const cases = conformanceSuite({ catalog, trigger: () => undefined });
    expect(cases.map((testCase) => testCase.name)).toContain(
      'PROMISE_NOT_FOUND (4040) answers as the catalog says',
    );
    expect(cases).toHaveLength(catalog.entries.length);
    expect(await cases[0]?.run()).toBeUndefined();
  });
});

describe('conformanceSuite against faulty servers', () => {
  async function problemsOf(profile: string, fault: Fault, key: string): Promise<string[]> {
    const testCase = suite(profile, fault).find((candidate) => candidate.entry.key === key);
    try {
      await testCase?.run();
    } catch (error) {
      if (isCatalogError(error, 'ERRCAT_RESPONSE_MISMATCH')) return error.details.problems as string[];
      throw error;
    }
    return [];
  }

  it('reports a wrong status', async () => {
    expect(await problemsOf('problem', 'status', 'PROMISE_NOT_FOUND')).toEqual([
      'status is 500, expected 404',
    ]);
  });

  it('reports a missing Retry-After', async () => {
    expect(await problemsOf('google', 'no-retry-after', 'RATE_LIMITED')).toEqual(['retry-after is missing']);
  });

  it('reports a message that differs, e.g. a leaked exception text', async () => {
    expect(await problemsOf('rstmdb', 'leak', 'STORAGE_FAILED')).toEqual([
      'message is "SELECT * FROM promises", expected "failed to update promise"',
    ]);
    expect(await problemsOf('resonate', 'message', 'PROMISE_NOT_FOUND')).toEqual([
      `message is "Promise 'sample-id' missing", expected "Promise 'sample-id' not found"`,
    ]);
  });
});

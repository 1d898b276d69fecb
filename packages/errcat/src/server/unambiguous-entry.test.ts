import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createClient } from '../client/create-client.js';
import { defineCatalog } from '../define-catalog.js';
import { withErrors } from '../node/middleware.js';
import { getProfile } from '../profiles/builtin-profiles.js';
import { roleError } from '../role-error.js';
import { createErrorResponder } from './create-error-responder.js';
import { roleCodeCollisions, unambiguousEntry } from './unambiguous-entry.js';

/** Seed 000's 503s: 5030 is shutting down; the service maps no entry for OVERLOADED. */
const catalog = defineCatalog({
  domain: 'promises.example.com',
  profile: 'resonate-legacy',
  errors: {
    SHUTTING_DOWN: { code: 5030, status: 503, role: 'SHUTTING_DOWN', message: 'The system is shutting down' },
    QUEUE_FULL: { code: 5031, status: 503, role: 'QUEUE_FULL', message: 'The request queue is full' },
    PROMISE_NOT_FOUND: { code: 4040, status: 404, message: 'The specified promise was not found' },
  },
});
const legacy = getProfile('resonate-legacy');

describe('no code on the wire names two entries', () => {
  it('lists the unmapped roles whose derived code is another entry’s', () => {
    const collisions = roleCodeCollisions(catalog, legacy);
    const shutdown = { code: 5030, owner: 'SHUTTING_DOWN', sentAs: 5032 };
    expect(collisions).toContainEqual({ role: 'OVERLOADED', ...shutdown });
    expect(collisions).toContainEqual({ role: 'REQUEST_DEADLINE_EXCEEDED', ...shutdown });
    expect(collisions).toContainEqual({
      role: 'NOT_FOUND',
      code: 4040,
      owner: 'PROMISE_NOT_FOUND',
      sentAs: 4041,
    });
    expect(collisions.map((collision) => collision.role)).not.toContain('SHUTTING_DOWN');
    expect(roleCodeCollisions(catalog, getProfile('problem'))).toEqual([]);
  });

  it('sends an unmapped OVERLOADED under the next free 503 code, not as 5030', () => {
    const responder = createErrorResponder({ catalog, logger: false });
    const overloaded = responder.respond(roleError(catalog, 'OVERLOADED'));
    expect(overloaded.status).toBe(503);
    expect(JSON.parse(overloaded.body).error.code).toBe(5032);
    expect(overloaded.headers['errcat-code']).toBe('OVERLOADED');
    const shutting = responder.respond(catalog.SHUTTING_DOWN());
    expect(JSON.parse(shutting.body).error.code).toBe(5030);
  });

  it('keeps the catalog’s own entries and every entry under a profile that sends keys', () => {
    const own = catalog.entry('SHUTTING_DOWN');
    expect(own && unambiguousEntry(own, catalog, legacy)).toBe(own);
    const base = roleError(catalog, 'OVERLOADED').entry;
    expect(unambiguousEntry(base, catalog, getProfile('problem'))).toBe(base);
    expect(unambiguousEntry(base, catalog, legacy)).toBe(unambiguousEntry(base, catalog, legacy));
  });

  it('a client sends a keyless POST that ran past its deadline once, not as a shutdown to retry', async () => {
    let requests = 0;
    const server = createServer(
      withErrors(
        () => {
          requests += 1;
          throw roleError(catalog, 'REQUEST_DEADLINE_EXCEEDED', { deadlineMs: 10 });
        },
        { catalog, logger: false },
      ),
    );
    server.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const api = createClient({
        baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        catalog,
      });
      const result = await api.safe.post('promises', { json: { id: 'p1' } });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.code).not.toBe(5030);
      expect(requests).toBe(1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

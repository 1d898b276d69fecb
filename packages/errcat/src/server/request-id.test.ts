import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newRequestId, resolveRequestId } from './request-id.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('resolveRequestId', () => {
  it('prefers the request-id header, then the traceparent trace id, then a new UUID', () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    expect(resolveRequestId({ 'x-request-id': 'r1', traceparent })).toBe('r1');
    expect(resolveRequestId({ traceparent })).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(resolveRequestId(new Headers({ traceparent }))).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(resolveRequestId({})).toMatch(UUID);
  });

  it('rejects invalid traceparents: version ff, an all-zero trace id, bad hex', () => {
    for (const traceparent of [
      'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      '00-00000000000000000000000000000000-00f067aa0ba902b7-01',
      '00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01',
      '00-4bf92f35-00f067aa0ba902b7-01',
    ]) {
      expect(resolveRequestId({ traceparent })).toMatch(UUID);
    }
  });

  it('uses the configured header, generator and trust setting', () => {
    expect(resolveRequestId({ 'x-trace': 't1' }, { header: 'X-Trace' })).toBe('t1');
    expect(resolveRequestId({ 'x-request-id': 'r1' }, { trustIncoming: false, generate: () => 'mine' })).toBe(
      'mine',
    );
  });

  it('only ever returns a short id of safe characters, whatever the client sends (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 100 }), (id, traceparent) => {
        const resolved = resolveRequestId({ 'x-request-id': id, traceparent });
        expect(resolved).toMatch(/^[A-Za-z0-9._:/+=@-]{1,128}$/);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('newRequestId', () => {
  it('makes unique ids in the layout of a random UUID, across random draws', () => {
    // More than one draw of 65 536: the counter and the change of draw are both crossed.
    const ids = Array.from({ length: 150_000 }, newRequestId);
    for (const id of [ids[0], ids[65_535], ids[65_536], ids[149_999]]) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(ids.length);
    const prefixes = new Set(ids.map((id) => id.slice(0, 24)));
    expect(prefixes.size).toBeGreaterThanOrEqual(2);
  });
});

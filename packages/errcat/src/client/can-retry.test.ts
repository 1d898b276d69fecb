import { describe, expect, it } from 'vitest';
import { errcatErrors } from '../errcat-catalog.js';
import { canRetry } from './can-retry.js';
import { decodeErrorSync } from './decode-error-sync.js';

const status = (code: number) => decodeErrorSync(code, {}, '');

describe('canRetry', () => {
  it('retries 408, 425, 429, 500, 502, 503, 504 of idempotent methods, nothing deterministic (C8)', () => {
    for (const code of [408, 425, 429, 500, 502, 503, 504])
      expect(canRetry(status(code), { method: 'GET' })).toBe(true);
    for (const code of [400, 401, 403, 404, 405, 409, 410, 412, 422, 501]) {
      expect(canRetry(status(code), { method: 'GET' }), String(code)).toBe(false);
    }
  });

  it('retries POST and PATCH only with an Idempotency-Key or when the request was not applied (C3)', () => {
    for (const method of ['POST', 'PATCH', 'post']) {
      expect(canRetry(status(503), { method })).toBe(false);
      expect(canRetry(status(503), { method, keyed: true })).toBe(true);
    }
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE', 'QUERY']) {
      expect(canRetry(status(503), { method })).toBe(true);
    }
    const refused = errcatErrors.ERRCAT_NETWORK_ERROR({
      method: 'POST',
      url: 'u',
      reason: 'ECONNREFUSED',
      notApplied: true,
    });
    const reset = errcatErrors.ERRCAT_NETWORK_ERROR({
      method: 'POST',
      url: 'u',
      reason: 'ECONNRESET',
      notApplied: false,
    });
    expect(canRetry(refused, { method: 'POST' })).toBe(true);
    expect(canRetry(reset, { method: 'POST' })).toBe(false);
    expect(canRetry(reset, { method: 'GET' })).toBe(true);
  });

  it('never retries a body that cannot be replayed, an abort, or a value that is not an error', () => {
    expect(canRetry(status(503), { method: 'PUT', replayable: false })).toBe(false);
    expect(canRetry(errcatErrors.ERRCAT_ABORTED({ method: 'GET', url: 'u' }), { method: 'GET' })).toBe(false);
    for (const value of [undefined, null, 'x', 42, new Error('x'), { retryable: 'yes' }]) {
      expect(canRetry(value, { method: 'GET' })).toBe(false);
    }
  });

  it('honours a custom method list', () => {
    expect(canRetry(status(503), { method: 'PUT', methods: ['GET'] })).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { fixtureCatalog as catalog } from '../../../../test-support/profiles/fixture-catalog.js';
import { renderError } from '../render/render-error.js';
import { renderSuccess } from './render-success.js';
import { rstmdbProfile as profile, rstmdbBatchResult } from './rstmdb-profile.js';

describe('rstmdbProfile', () => {
  it('renders the response envelope with a string code, key order included', () => {
    const rendered = renderError(catalog.PROMISE_NOT_FOUND({ id: 'order-999' }), {
      profile,
      context: { requestId: 'req-7' },
    });
    expect(rendered.status).toBe(404);
    expect(rendered.headers['content-type']).toBe('application/json');
    expect(rendered.body).toMatchInlineSnapshot(
      `"{"type":"response","id":"req-7","status":"error","error":{"code":"4040","message":"Promise 'order-999' not found","retryable":false,"details":{"id":"order-999"}}}"`,
    );
  });

  it('leaves details out when there are none and sends an empty id without a request id', () => {
    const rendered = renderError(catalog.RATE_LIMITED(), { profile });
    expect(rendered.body).toMatchInlineSnapshot(
      `"{"type":"response","id":"","status":"error","error":{"code":"RATE_LIMITED","message":"Too many requests","retryable":true}}"`,
    );
  });

  it('wraps a success and a best-effort batch with per-operation errors', () => {
    const result = rstmdbBatchResult([
      { result: { instance_id: 'b1', state: 'created' } },
      { error: catalog.PROMISE_NOT_FOUND({ id: 'b2' }) },
      { error: catalog.STORAGE_FAILED({ reason: 'disk full' }) },
    ]);
    const rendered = renderSuccess(result, { profile, context: { requestId: '2' } });
    expect(rendered.status).toBe(200);
    expect(rendered.body).toMatchInlineSnapshot(
      `"{"type":"response","id":"2","status":"ok","result":{"results":[{"status":"ok","result":{"instance_id":"b1","state":"created"}},{"status":"error","error":{"code":"4040","message":"Promise 'b2' not found","retryable":false,"details":{"id":"b2"}}},{"status":"error","error":{"code":"5002","message":"failed to update promise","retryable":true}}]}}"`,
    );
    expect(rendered.body).not.toContain('disk full');
  });

  it('decodes code, retryable, details and id back', () => {
    const body = JSON.parse(
      renderError(catalog.PROMISE_NOT_FOUND({ id: 'p1' }), { profile, context: { requestId: 'r' } }).body,
    );
    expect(profile.decode?.(body)).toMatchObject({
      code: '4040',
      message: "Promise 'p1' not found",
      retryable: false,
      details: { id: 'p1' },
      requestId: 'r',
    });
    expect(profile.decode?.({ error: { code: 4 } })).toBeUndefined();
  });
});

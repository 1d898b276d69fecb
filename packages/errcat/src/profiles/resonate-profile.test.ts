import { describe, expect, it } from 'vitest';
import { fixtureCatalog as catalog } from '../../../../test-support/profiles/fixture-catalog.js';
import { renderError } from '../render/render-error.js';
import { renderSuccess } from './render-success.js';
import {
  createResonateProfile,
  resonateProfile as profile,
  resonateRequestContext,
} from './resonate-profile.js';

describe('resonateProfile', () => {
  it('wraps an error in the envelope, echoing kind and corrId', () => {
    const rendered = renderError(catalog.PROMISE_NOT_FOUND({ id: 'p1' }), {
      profile,
      context: { kind: 'promise.get', corrId: 'c1' },
    });
    expect(rendered.status).toBe(404);
    expect(rendered.headers['content-type']).toBe('application/json');
    expect(rendered.body).toMatchInlineSnapshot(
      `"{"kind":"promise.get","head":{"corrId":"c1","status":404,"version":"2026-04-01"},"data":"Promise 'p1' not found"}"`,
    );
  });

  it('answers "unknown" and "0" when the request could not be read, as the server does', () => {
    const rendered = renderError(catalog.STORAGE_FAILED({ reason: 'secret' }), { profile });
    expect(rendered.body).toMatchInlineSnapshot(
      `"{"kind":"unknown","head":{"corrId":"0","status":500,"version":"2026-04-01"},"data":"failed to update promise"}"`,
    );
  });

  it('joins field violations into data', () => {
    const error = catalog.VALIDATION_FAILED({
      errors: [
        { message: 'Promise ID is required' },
        { message: 'TimeoutAt must be a non-negative integer' },
      ],
    });
    const body = JSON.parse(renderError(error, { profile }).body);
    expect(body.data).toBe('Promise ID is required; TimeoutAt must be a non-negative integer');
  });

  it('wraps a success in the same envelope with status 200', () => {
    const rendered = renderSuccess(
      { promise: { id: 'p1', state: 'pending' } },
      { profile, context: { kind: 'promise.get', corrId: 'c2' } },
    );
    expect(rendered).toMatchInlineSnapshot(`
      {
        "body": "{"kind":"promise.get","head":{"corrId":"c2","status":200,"version":"2026-04-01"},"data":{"promise":{"id":"p1","state":"pending"}}}",
        "headers": {
          "content-type": "application/json",
        },
        "status": 200,
      }
    `);
  });

  it('takes another protocol version', () => {
    const older = createResonateProfile({ version: '2025-01-01' });
    expect(JSON.parse(renderError(catalog.QUEUE_FULL(), { profile: older }).body).head.version).toBe(
      '2025-01-01',
    );
  });

  it('reads kind and corrId from a request body, salvaging what it can', () => {
    expect(resonateRequestContext('{"kind":"promise.get","head":{"corrId":"c9"},"data":{}}')).toEqual({
      kind: 'promise.get',
      corrId: 'c9',
    });
    expect(resonateRequestContext({ kind: 'task.acquire', head: { corrId: 7 } })).toEqual({
      kind: 'task.acquire',
    });
    expect(resonateRequestContext('not json')).toEqual({});
    expect(resonateRequestContext(null)).toEqual({});
    expect(resonateRequestContext({ kind: 'x'.repeat(300) })).toEqual({});
    const hostile = {
      get kind(): string {
        throw new Error('boom');
      },
    };
    expect(resonateRequestContext(hostile)).toEqual({});
  });

  it('decodes the status as the code of an error envelope', () => {
    const body = JSON.parse(renderError(catalog.QUEUE_FULL(), { profile }).body);
    expect(profile.decode?.(body)).toMatchObject({
      format: 'resonate',
      status: 503,
      code: 503,
      message: 'Queue full',
    });
    expect(profile.decode?.({ head: { status: 200 }, data: {} })).toBeUndefined();
  });
});

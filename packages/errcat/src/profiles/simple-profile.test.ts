import { describe, expect, it } from 'vitest';
import { fixtureCatalog as catalog } from '../../../../test-support/profiles/fixture-catalog.js';
import { renderError } from '../render/render-error.js';
import { createSimpleProfile, simpleProfile as profile } from './simple-profile.js';

describe('simpleProfile', () => {
  it('renders {"error":{"code","message"}} with the request id', () => {
    const rendered = renderError(catalog.UNAUTHENTICATED(), { profile, context: { requestId: 'r1' } });
    expect(rendered.status).toBe(401);
    expect(rendered.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(rendered.headers['www-authenticate']).toBe('Bearer realm="api"');
    expect(rendered.body).toMatchInlineSnapshot(
      `"{"error":{"code":"AUTH-401","message":"The credentials are missing or invalid","requestId":"r1"}}"`,
    );
  });

  it('keeps field violations in details', () => {
    const error = catalog.VALIDATION_FAILED({
      errors: [{ field: 'email', type: 'email', message: 'Invalid' }],
    });
    expect(renderError(error, { profile }).body).toMatchInlineSnapshot(
      `"{"error":{"code":4000,"message":"The request is invalid","details":{"errors":[{"field":"email","type":"email","message":"Invalid"}]}}}"`,
    );
  });

  it('has a flat layout: the code in error, the key in code', () => {
    const flat = createSimpleProfile({ layout: 'flat' });
    const body = renderError(catalog.PROMISE_NOT_FOUND({ id: 'p1' }), {
      profile: flat,
      context: { requestId: 'r' },
    }).body;
    expect(body).toMatchInlineSnapshot(
      `"{"error":4040,"message":"Promise 'p1' not found","code":"PROMISE_NOT_FOUND","details":{"id":"p1"},"requestId":"r"}"`,
    );
    expect(flat.decode?.(JSON.parse(body))).toMatchObject({
      code: 4040,
      message: "Promise 'p1' not found",
      details: { id: 'p1' },
      requestId: 'r',
    });
  });

  it('decodes the nested layout back', () => {
    const body = JSON.parse(renderError(catalog.UNAUTHENTICATED(), { profile }).body);
    expect(profile.decode?.(body)).toMatchObject({
      code: 'AUTH-401',
      message: 'The credentials are missing or invalid',
      details: {},
    });
    expect(profile.decode?.({ error: 'flat' })).toBeUndefined();
  });
});

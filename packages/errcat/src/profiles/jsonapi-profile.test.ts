import { describe, expect, it } from 'vitest';
import { fixtureCatalog as catalog } from '../../../../test-support/profiles/fixture-catalog.js';
import { renderError } from '../render/render-error.js';
import { jsonApiProfile as profile } from './jsonapi-profile.js';

describe('jsonApiProfile', () => {
  it('renders one error object with string status and code', () => {
    const rendered = renderError(catalog.PROMISE_NOT_FOUND({ id: 'p1' }), {
      profile,
      context: { requestId: 'r1' },
    });
    expect(rendered.status).toBe(404);
    expect(rendered.headers['content-type']).toBe('application/vnd.api+json');
    expect(rendered.body).toMatchInlineSnapshot(
      `"{"errors":[{"status":"404","code":"4040","title":"Promise not found","detail":"Promise 'p1' not found","links":{"type":"https://example.com/errors#4040"},"meta":{"retryable":false,"requestId":"r1","details":{"id":"p1"}}}]}"`,
    );
  });

  it('renders one error object per violation, with its source', () => {
    const error = catalog.VALIDATION_FAILED({
      errors: [
        { pointer: '/data/attributes/email', message: 'must be an email' },
        { field: 'address.city/zip', message: 'required' },
        { parameter: 'page[size]', message: 'too large' },
        { header: 'Idempotency-Key', message: 'too long' },
        { message: 'no location' },
      ],
    });
    const body = JSON.parse(renderError(error, { profile }).body) as {
      errors: { detail: string; source?: unknown }[];
    };
    expect(body.errors.map(({ detail, source }) => ({ detail, source }))).toMatchInlineSnapshot(`
      [
        {
          "detail": "must be an email",
          "source": {
            "pointer": "/data/attributes/email",
          },
        },
        {
          "detail": "required",
          "source": {
            "pointer": "/address/city~1zip",
          },
        },
        {
          "detail": "too large",
          "source": {
            "parameter": "page[size]",
          },
        },
        {
          "detail": "too long",
          "source": {
            "header": "Idempotency-Key",
          },
        },
        {
          "detail": "no location",
          "source": undefined,
        },
      ]
    `);
  });

  it('names query and header violations by parameter and header even when they carry a pointer', () => {
    const error = catalog.VALIDATION_FAILED({
      errors: [
        { in: 'query', pointer: '/limit', parameter: 'limit', message: 'too large' },
        { in: 'headers', pointer: '/idempotency-key', header: 'Idempotency-Key', message: 'too long' },
      ],
    });
    const body = JSON.parse(renderError(error, { profile }).body) as { errors: { source?: unknown }[] };
    expect(body.errors.map((e) => e.source)).toEqual([{ parameter: 'limit' }, { header: 'Idempotency-Key' }]);
  });

  it('decodes the first error back', () => {
    const body = JSON.parse(
      renderError(catalog.RATE_LIMITED(), { profile, context: { requestId: 'r' } }).body,
    );
    expect(profile.decode?.(body)).toMatchObject({
      code: 'RATE_LIMITED',
      message: 'Too many requests',
      retryable: true,
      requestId: 'r',
      details: {},
    });
    expect(profile.decode?.({ errors: [] })).toBeUndefined();
  });
});

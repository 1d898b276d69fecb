import { describe, expect, it } from 'vitest';
import {
  fixtureCatalog as catalog,
  renderParsed,
} from '../../../../test-support/profiles/fixture-catalog.js';
import { canonicalStatus, googleProfile } from './google-profile.js';

describe('googleProfile', () => {
  it('renders google.rpc.Status with ErrorInfo, Help and RequestInfo', () => {
    const rendered = renderParsed(catalog.PROMISE_NOT_FOUND({ id: 'p1' }), googleProfile, {
      requestId: 'r1',
    });
    expect(rendered).toMatchInlineSnapshot(`
      {
        "body": {
          "error": {
            "code": 404,
            "details": [
              {
                "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                "domain": "promises.example.com",
                "metadata": {
                  "id": "p1",
                },
                "reason": "PROMISE_NOT_FOUND",
              },
              {
                "@type": "type.googleapis.com/google.rpc.Help",
                "links": [
                  {
                    "description": "Promise not found",
                    "url": "https://example.com/errors#4040",
                  },
                ],
              },
              {
                "@type": "type.googleapis.com/google.rpc.RequestInfo",
                "requestId": "r1",
              },
            ],
            "message": "Promise 'p1' not found",
            "status": "NOT_FOUND",
          },
        },
        "contentType": "application/json; charset=UTF-8",
        "status": 404,
      }
    `);
  });

  it('puts field violations in BadRequest with google field paths and reasons', () => {
    const error = catalog.VALIDATION_FAILED({
      errors: [
        { pointer: '/items/0/name', type: 'min_length', message: 'too short' },
        { field: 'address.city', message: 'required' },
        { parameter: 'limit', message: 'must be positive' },
        'not a violation',
      ],
    });
    const { body } = renderParsed(error, googleProfile);
    expect((body as { error: { details: unknown[] } }).error.details).toMatchInlineSnapshot(`
      [
        {
          "@type": "type.googleapis.com/google.rpc.ErrorInfo",
          "domain": "promises.example.com",
          "reason": "VALIDATION_FAILED",
        },
        {
          "@type": "type.googleapis.com/google.rpc.BadRequest",
          "fieldViolations": [
            {
              "description": "too short",
              "field": "items[0].name",
              "reason": "MIN_LENGTH",
            },
            {
              "description": "required",
              "field": "address.city",
            },
            {
              "description": "must be positive",
              "field": "limit",
            },
          ],
        },
        {
          "@type": "type.googleapis.com/google.rpc.Help",
          "links": [
            {
              "description": "Validation failed",
              "url": "https://example.com/errors#4000",
            },
          ],
        },
      ]
    `);
  });

  it('adds RetryInfo for a delay and turns metadata values into strings', () => {
    const { body } = renderParsed(catalog.PROMISE_ALREADY_EXISTS({ id: 'p1', attempts: 3 }), googleProfile);
    const error = (body as { error: { status: string; details: { '@type': string; metadata?: unknown }[] } })
      .error;
    expect(error.status).toBe('ALREADY_EXISTS');
    expect(error.details[0]?.metadata).toEqual({ id: 'p1', attempts: '3' });
    const limited = renderParsed(catalog.RATE_LIMITED(), googleProfile).body as {
      error: { status: string; details: unknown[] };
    };
    expect(limited.error.status).toBe('RESOURCE_EXHAUSTED');
    expect(limited.error.details).toContainEqual({
      '@type': 'type.googleapis.com/google.rpc.RetryInfo',
      retryDelay: '30s',
    });
  });

  it('never renders internal details', () => {
    const { body } = renderParsed(catalog.STORAGE_FAILED({ reason: 'SELECT * FROM secrets' }), googleProfile);
    expect(JSON.stringify(body)).not.toContain('SELECT');
  });

  it('maps HTTP statuses to google.rpc.Code names', () => {
    const names = [
      400, 401, 403, 404, 405, 408, 409, 412, 413, 416, 418, 422, 429, 499, 500, 501, 502, 503, 504, 507,
    ].map((status) => `${status} ${canonicalStatus(status)}`);
    expect(names).toMatchInlineSnapshot(`
      [
        "400 INVALID_ARGUMENT",
        "401 UNAUTHENTICATED",
        "403 PERMISSION_DENIED",
        "404 NOT_FOUND",
        "405 UNIMPLEMENTED",
        "408 DEADLINE_EXCEEDED",
        "409 ABORTED",
        "412 FAILED_PRECONDITION",
        "413 INVALID_ARGUMENT",
        "416 OUT_OF_RANGE",
        "418 FAILED_PRECONDITION",
        "422 INVALID_ARGUMENT",
        "429 RESOURCE_EXHAUSTED",
        "499 CANCELLED",
        "500 INTERNAL",
        "501 UNIMPLEMENTED",
        "502 UNAVAILABLE",
        "503 UNAVAILABLE",
        "504 DEADLINE_EXCEEDED",
        "507 INTERNAL",
      ]
    `);
  });

  it('decodes the reason, metadata and request id back', () => {
    const { body } = renderParsed(catalog.PROMISE_NOT_FOUND({ id: 'p1' }), googleProfile, {
      requestId: 'r1',
    });
    expect(googleProfile.decode?.(body)).toMatchObject({
      code: 'PROMISE_NOT_FOUND',
      message: "Promise 'p1' not found",
      details: { id: 'p1' },
      stringDetails: true,
      requestId: 'r1',
    });
    expect(googleProfile.decode?.({ error: { details: [{ '@type': 'other' }] } })).toBeUndefined();
    expect(googleProfile.decode?.('nope')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { fixtureCatalog as catalog } from '../../../../test-support/profiles/fixture-catalog.js';
import { defineCatalog } from '../define-catalog.js';
import { renderError } from '../render/render-error.js';
import { resonateLegacyProfile as profile } from './resonate-legacy-profile.js';

describe('resonateLegacyProfile', () => {
  it('renders a request error as the Go server does, key order included', () => {
    const rendered = renderError(catalog.PROMISE_NOT_FOUND({ id: 'p1' }), { profile });
    expect(rendered.status).toBe(404);
    expect(rendered.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(rendered.body).toMatchInlineSnapshot(
      `"{"error":{"code":4040,"message":"Promise 'p1' not found","details":[{"@type":"RequestError","message":"Request errors are not retryable since they are caused by invalid client requests","domain":"request","metadata":{"url":"https://example.com/errors#4040"}}]}}"`,
    );
  });

  it('renders a server error with its public description, never the cause', () => {
    const error = catalog.STORAGE_FAILED({ reason: 'attempt to write a readonly database' });
    const rendered = renderError(error, { profile });
    expect(rendered.status).toBe(500);
    expect(rendered.body).toMatchInlineSnapshot(
      `"{"error":{"code":5002,"message":"failed to update promise","details":[{"@type":"ServerError","message":"There was a failure accessing the system's storage.","domain":"server","metadata":{"url":"https://example.com/errors#5002"}}]}}"`,
    );
    expect(rendered.body).not.toContain('readonly database');
  });

  it('derives the status from the code (5031 → 503) and keeps Retry-After', () => {
    const rendered = renderError(catalog.QUEUE_FULL(), { profile });
    expect(rendered.status).toBe(503);
    expect(rendered.headers['retry-after']).toBe('5');
  });

  it('sends one FieldValidationError per violation', () => {
    const error = catalog.VALIDATION_FAILED({
      errors: [
        { pointer: '/id', message: 'The field id is required.' },
        { pointer: '/timeout', message: 'The field timeout must be greater than 0.' },
      ],
    });
    expect(JSON.parse(renderError(error, { profile }).body)).toMatchInlineSnapshot(`
      {
        "error": {
          "code": 4000,
          "details": [
            {
              "@type": "FieldValidationError",
              "domain": "request",
              "message": "The field id is required.",
              "metadata": {
                "url": "https://example.com/errors#4000",
              },
            },
            {
              "@type": "FieldValidationError",
              "domain": "request",
              "message": "The field timeout must be greater than 0.",
              "metadata": {
                "url": "https://example.com/errors#4000",
              },
            },
          ],
          "message": "The request is invalid",
        },
      }
    `);
  });

  it('gives a string code a four-digit one from its status', () => {
    const rendered = renderError(catalog.RATE_LIMITED(), { profile });
    expect(rendered.status).toBe(429);
    expect(JSON.parse(rendered.body).error.code).toBe(4290);
  });

  it('takes @type, domain, code and detail message from the entry extensions', async () => {
    const { defineCatalog } = await import('../define-catalog.js');
    const custom = defineCatalog({
      domain: 'x',
      errors: {
        SHUTTING_DOWN: {
          code: 'SHUTDOWN',
          status: 503,
          message: 'The system is shutting down',
          expose: true,
          extensions: {
            'resonate-legacy': {
              code: 5030,
              type: 'APIError',
              domain: 'api',
              detailMessage: 'try again later',
            },
          },
        },
      },
    });
    const rendered = renderError(custom.SHUTTING_DOWN(), { profile });
    expect(rendered.status).toBe(503);
    expect(rendered.body).toBe(
      '{"error":{"code":5030,"message":"The system is shutting down","details":[{"@type":"APIError","message":"try again later","domain":"api"}]}}',
    );
  });

  it('decodes the code and message back', () => {
    const body = JSON.parse(renderError(catalog.PROMISE_NOT_FOUND({ id: 'p1' }), { profile }).body);
    expect(profile.decode?.(body)).toEqual({ code: 4040, message: "Promise 'p1' not found" });
    expect(profile.decode?.({ error: { code: null } })).toBeUndefined();
  });

  it('does not call a retryable request error "not retryable"', () => {
    const limits = defineCatalog({
      domain: 'x',
      errors: {
        RATE_LIMITED: {
          code: 4290,
          status: 429,
          message: 'Too many requests',
          description: 'Slow down and retry.',
        },
      },
    });
    const body = JSON.parse(renderError(limits.RATE_LIMITED(), { profile }).body);
    expect(body.error.details[0].message).toBe('Slow down and retry.');
  });
});

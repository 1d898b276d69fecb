import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fixtureCatalog as catalog } from '../../../../test-support/profiles/fixture-catalog.js';
import { defineCatalog } from '../define-catalog.js';
import { validateRequest } from '../guards/validation/validate-request.js';
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

  // The Go server with four-digit codes, resonatehq/resonate at 37b8d9e3 (Aug 2024),
  // internal/api/errors.go:113-134 (HandleValidationError): one detail per failed field, `@type`
  // FieldValidationError, `domain` "validation" (line 124), message "The request is invalid"
  // (internal/kernel/t_api/status.go:45); errors.go:151-157 (parseFieldError): "The field %s is
  // required", where %s is validator's FieldError.Field(), the Go struct field (`Timeout`); the
  // sentences below are internal/api/errors_test.go:176 and :215. (Later servers, #409 onwards,
  // moved it to internal/app/subsystems/api/service/error.go with domain "request".)
  it('sends one FieldValidationError per violation, in the validation domain', () => {
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
              "domain": "validation",
              "message": "The field id is required.",
              "metadata": {
                "url": "https://example.com/errors#4000",
              },
            },
            {
              "@type": "FieldValidationError",
              "domain": "validation",
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

  it('words validation failures as the Go server does: The field Timeout is required', async () => {
    const legacy = defineCatalog({
      domain: 'server.resonatehq.io',
      docs: 'https://docs.resonatehq.io/reference/error-codes',
      errors: {
        VALIDATION_FAILED: {
          code: 4000,
          status: 400,
          message: 'The request is invalid',
          role: 'VALIDATION_FAILED',
          violationKeys: ['pointer', 'type', 'message'],
        },
      },
    });
    const error = await validateRequest(
      {
        body: z.object({ id: z.string(), timeout: z.number(), tags: z.array(z.string().min(1)) }),
        query: z.object({
          limit: z.coerce.number().max(100, 'must be less than or equal to 100'),
          cursor: z.coerce.number().max(9),
        }),
        headers: z.object({ 'idempotency-key': z.string().min(1) }),
      },
      {
        body: { id: 'p1', tags: [''] },
        query: { limit: '500', cursor: '10' },
        headers: { 'idempotency-key': '' },
      },
      { catalog: legacy },
    ).catch((thrown: unknown) => thrown);
    const rendered = renderError(error as never, { profile });
    expect(rendered.status).toBe(400);
    const body = JSON.parse(rendered.body);
    expect(body.error.code).toBe(4000);
    expect(body.error.details.map((detail: { message: string }) => detail.message)).toEqual([
      'The field Timeout is required',
      'The field Tags[0] is invalid: Too small: expected string to have >=1 characters',
      'The field Limit must be less than or equal to 100',
      'The field Cursor is invalid: Too big: expected number to be <=9',
      'The field IdempotencyKey is invalid: Too small: expected string to have >=1 characters',
    ]);
    expect(body.error.details[0]).toEqual({
      '@type': 'FieldValidationError',
      message: 'The field Timeout is required',
      domain: 'validation',
      metadata: { url: 'https://docs.resonatehq.io/reference/error-codes#4000' },
    });
  });

  it('renders any violations without throwing, one detail each (property)', () => {
    const violation = fc.record(
      {
        pointer: fc.oneof(fc.string(), fc.constantFrom('', '/', '/a/0', '/~x', '/a~1b')),
        field: fc.string(),
        parameter: fc.string(),
        type: fc.oneof(fc.constant('required'), fc.string()),
        message: fc.string(),
      },
      { requiredKeys: ['message'] },
    );
    fc.assert(
      fc.property(fc.array(violation, { maxLength: 5 }), (errors) => {
        const body = JSON.parse(renderError(catalog.VALIDATION_FAILED({ errors }), { profile }).body);
        const details = body.error.details as { message: unknown; domain: unknown }[];
        expect(details).toHaveLength(errors.length === 0 ? 1 : errors.length);
        for (const detail of details) expect(typeof detail.message).toBe('string');
      }),
      { numRuns: 300 },
    );
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
    expect(profile.decode?.(body)).toMatchObject({
      format: 'resonate-legacy',
      code: 4040,
      message: "Promise 'p1' not found",
    });
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

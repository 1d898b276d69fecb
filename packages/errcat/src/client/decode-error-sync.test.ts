import { describe, expect, expectTypeOf, it } from 'vitest';
import { defineCatalog } from '../define-catalog.js';
import { errcatErrors } from '../errcat-catalog.js';
import type { WireProfile } from '../render/wire-profile.js';
import { decodeErrorSync } from './decode-error-sync.js';
import { RemoteCatalogError } from './remote-catalog-error.js';
import { RemoteError } from './remote-error.js';

const json = (value: unknown) => JSON.stringify(value);
const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);

/** Decodes and asserts the result is an error. */
function decoded(status: number | undefined, headers: Record<string, string>, body: unknown) {
  const result = decodeErrorSync(status, headers, body, { now: NOW });
  if (result.ok) throw new Error('expected an error');
  return result;
}

describe('decodeErrorSync: formats', () => {
  const cases: {
    name: string;
    status: number | undefined;
    headers?: Record<string, string>;
    body: unknown;
    expected: Record<string, unknown>;
  }[] = [
    {
      name: 'RFC 9457 problem from errcat',
      status: 404,
      headers: { 'content-type': 'application/problem+json' },
      body: json({
        type: 'https://docs.example.com/errors#4040',
        title: 'Promise not found',
        status: 404,
        detail: "Promise 'p1' could not be found",
        code: 4040,
        retryable: false,
        requestId: 'req-1',
        details: { id: 'p1' },
      }),
      expected: {
        format: 'problem',
        code: '4040',
        message: "Promise 'p1' could not be found",
        retryable: false,
        requestId: 'req-1',
        docs: 'https://docs.example.com/errors#4040',
      },
    },
    {
      name: 'RFC 9457 problem from anyone, code from the type URI, RFC 9457 errors as violations',
      status: 422,
      headers: { 'content-type': 'application/json' },
      body: json({
        type: 'https://example.net/validation-error',
        title: 'Your request is not valid.',
        status: 422,
        errors: [{ detail: 'must be a positive integer', pointer: '#/age' }],
      }),
      expected: {
        format: 'problem',
        code: 'validation-error',
        message: 'Your request is not valid.',
        violations: [{ field: '#/age', message: 'must be a positive integer' }],
      },
    },
    {
      name: 'google.rpc.Status with ErrorInfo, RetryInfo, BadRequest, Help, RequestInfo',
      status: 429,
      body: json({
        error: {
          code: 429,
          message: 'Quota exceeded',
          status: 'RESOURCE_EXHAUSTED',
          details: [
            {
              '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
              reason: 'RATE_LIMITED',
              domain: 'api.example.com',
              metadata: { quota: '10' },
            },
            { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '1.500s' },
            {
              '@type': 'type.googleapis.com/google.rpc.BadRequest',
              fieldViolations: [{ field: 'a.b', description: 'bad', reason: 'INVALID' }],
            },
            {
              '@type': 'type.googleapis.com/google.rpc.Help',
              links: [{ url: 'https://help.example.com/q' }],
            },
            { '@type': 'type.googleapis.com/google.rpc.RequestInfo', requestId: 'g-1' },
          ],
        },
      }),
      expected: {
        format: 'google',
        code: 'RATE_LIMITED',
        message: 'Quota exceeded',
        retryable: true,
        throttling: true,
        retryAfter: 1.5,
        requestId: 'g-1',
        docs: 'https://help.example.com/q',
        violations: [{ field: 'a.b', message: 'bad', code: 'INVALID' }],
      },
    },
    {
      name: 'resonate legacy (seed 000)',
      status: 500,
      body: json({
        error: {
          code: 5002,
          message: 'failed to update promise',
          details: [
            {
              '@type': 'ServerError',
              message: 'attempt to write a readonly database',
              domain: 'server',
              metadata: { url: 'https://docs.resonatehq.io/reference/error-codes#5002' },
            },
          ],
        },
      }),
      expected: {
        format: 'resonate-legacy',
        code: '5002',
        message: 'failed to update promise',
        retryable: true,
        docs: 'https://docs.resonatehq.io/reference/error-codes#5002',
      },
    },
    {
      name: 'resonate envelope (seed 001), status taken from the body when unknown',
      status: undefined,
      body: json({
        kind: 'promises.get',
        head: { corrId: 'corr-7', status: 404, version: '2026-04-01' },
        data: 'Promise not found',
      }),
      expected: {
        format: 'resonate',
        httpStatus: 404,
        // The envelope's status is the HTTP status, not a code of its own.
        code: null,
        statusName: 'NOT_FOUND',
        message: 'Promise not found',
        requestId: 'corr-7',
      },
    },
    {
      name: 'rstmdb (seed 002)',
      status: 409,
      body: json({
        type: 'response',
        id: 'req-42',
        status: 'error',
        error: {
          code: 'INVALID_DEFINITION',
          message: 'Invalid machine definition',
          retryable: false,
          details: { errors: [{ path: 'initial', message: "Initial state 'foo' not in states list" }] },
        },
      }),
      expected: {
        format: 'rstmdb',
        code: 'INVALID_DEFINITION',
        requestId: 'req-42',
        retryable: false,
        violations: [{ field: 'initial', message: "Initial state 'foo' not in states list" }],
      },
    },
    {
      name: 'simple nested (seed 003), Azure-style details as violations',
      status: 400,
      headers: { 'x-ms-request-id': 'ms-1' },
      body: json({
        error: {
          code: 'BADREQUEST-400',
          message: 'Bad Request',
          details: [{ code: 'Required', target: 'name', message: 'name is required' }],
        },
      }),
      expected: {
        format: 'simple',
        code: 'BADREQUEST-400',
        requestId: 'ms-1',
        violations: [{ field: 'name', message: 'name is required', code: 'Required' }],
      },
    },
    {
      name: 'simple flat (seed 004)',
      status: 401,
      body: json({
        error: 'token_expired',
        message: 'Authentication token has expired',
        code: 'TOKEN_EXPIRED',
      }),
      expected: { format: 'simple-flat', code: 'token_expired', message: 'Authentication token has expired' },
    },
    {
      name: 'Stripe-style error object',
      status: 402,
      body: json({
        error: {
          type: 'card_error',
          code: 'card_declined',
          message: 'Your card was declined.',
          param: 'card',
          doc_url: 'https://stripe.com/docs/error-codes/card-declined',
        },
      }),
      expected: {
        format: 'simple',
        code: 'card_declined',
        docs: 'https://stripe.com/docs/error-codes/card-declined',
        violations: [{ field: 'card', message: 'Your card was declined.' }],
      },
    },
    {
      name: 'JSON:API errors',
      status: 422,
      headers: { 'content-type': 'application/vnd.api+json' },
      body: json({
        errors: [
          {
            status: '422',
            code: 'VALIDATION_FAILED',
            title: 'Validation failed',
            detail: 'name is required',
            source: { pointer: '/data/attributes/name' },
            links: { type: 'https://docs.example.com/errors#VALIDATION_FAILED' },
            meta: { retryable: false, requestId: 'j-1' },
          },
        ],
      }),
      expected: {
        format: 'jsonapi',
        code: 'VALIDATION_FAILED',
        message: 'name is required',
        requestId: 'j-1',
        docs: 'https://docs.example.com/errors#VALIDATION_FAILED',
        violations: [
          { field: '/data/attributes/name', message: 'name is required', code: 'VALIDATION_FAILED' },
        ],
      },
    },
    {
      name: 'GraphQL errors',
      status: 400,
      body: json({
        errors: [
          {
            message: 'Cannot query field "x"',
            path: ['user', 0, 'x'],
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          },
        ],
        data: null,
      }),
      expected: {
        format: 'graphql',
        code: 'GRAPHQL_VALIDATION_FAILED',
        violations: [{ field: 'user.0.x', message: 'Cannot query field "x"' }],
      },
    },
    {
      name: 'GitHub',
      status: 422,
      headers: { 'x-github-request-id': 'GH:1' },
      body: json({
        message: 'Validation Failed',
        errors: [{ resource: 'Issue', field: 'title', code: 'missing_field' }],
        documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue',
        status: '422',
      }),
      expected: {
        format: 'github',
        code: 'missing_field',
        message: 'Validation Failed',
        requestId: 'GH:1',
        docs: 'https://docs.github.com/rest/issues/issues#create-an-issue',
        violations: [{ field: 'title', message: 'missing_field', code: 'missing_field' }],
      },
    },
    {
      name: 'OAuth',
      status: 400,
      body: json({
        error: 'invalid_grant',
        error_description: 'The code has expired',
        error_uri: 'https://auth.example.com/errors',
      }),
      expected: {
        format: 'oauth',
        code: 'invalid_grant',
        message: 'The code has expired',
        docs: 'https://auth.example.com/errors',
      },
    },
    {
      name: 'boom / Fastify default with a Fastify code',
      status: 415,
      body: json({
        statusCode: 415,
        code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
        error: 'Unsupported Media Type',
        message: 'Unsupported Media Type',
      }),
      expected: { format: 'boom', code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', message: 'Unsupported Media Type' },
    },
    {
      name: 'NestJS validation: message as an array',
      status: 400,
      body: json({
        statusCode: 400,
        message: ['name must be a string', 'age must be positive'],
        error: 'Bad Request',
      }),
      expected: {
        format: 'boom',
        code: null,
        statusName: 'BAD_REQUEST',
        message: 'name must be a string; age must be positive',
        violations: [{ message: 'name must be a string' }, { message: 'age must be positive' }],
      },
    },
    {
      name: 'AWS JSON',
      status: 400,
      headers: { 'x-amzn-requestid': 'aws-1' },
      body: json({
        __type: 'com.amazon.coral.validate#ValidationException',
        message: '1 validation error detected',
      }),
      expected: { format: 'aws', code: 'ValidationException', requestId: 'aws-1' },
    },
    {
      name: 'Kubernetes Status',
      status: 422,
      body: json({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'Deployment "x" is invalid',
        reason: 'Invalid',
        details: {
          name: 'x',
          kind: 'deployments',
          causes: [{ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.replicas' }],
          retryAfterSeconds: 3,
        },
        code: 422,
      }),
      expected: {
        format: 'kubernetes',
        code: 'Invalid',
        retryAfter: 3,
        violations: [{ field: 'spec.replicas', message: 'Required value', code: 'FieldValueRequired' }],
      },
    },
    {
      name: 'FastAPI detail list',
      status: 422,
      body: json({ detail: [{ loc: ['body', 'name'], msg: 'field required', type: 'value_error.missing' }] }),
      expected: {
        format: 'json',
        violations: [{ field: 'body.name', message: 'field required', code: 'value_error.missing' }],
      },
    },
    {
      name: 'nginx 502 page',
      status: 502,
      headers: { 'content-type': 'text/html' },
      body: '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n',
      expected: {
        format: 'html',
        code: null,
        statusName: 'BAD_GATEWAY',
        message: '502 Bad Gateway',
        retryable: true,
      },
    },
    {
      name: 'Express default 404 page',
      status: 404,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot GET /nope</pre>\n</body>\n</html>\n',
      expected: {
        format: 'html',
        code: null,
        statusName: 'NOT_FOUND',
        message: 'Cannot GET /nope',
        retryable: false,
      },
    },
    {
      name: 'plain text from a load balancer, request id from cf-ray',
      status: 504,
      headers: { 'content-type': 'text/plain', 'cf-ray': '8a1b2c3d4e5f-AMS' },
      body: '\n  upstream request timeout\n',
      expected: {
        format: 'text',
        code: null,
        statusName: 'GATEWAY_TIMEOUT',
        message: 'upstream request timeout',
        retryable: true,
        requestId: '8a1b2c3d4e5f-AMS',
      },
    },
    {
      name: 'empty 503',
      status: 503,
      body: '',
      expected: {
        format: 'empty',
        code: null,
        statusName: 'SERVICE_UNAVAILABLE',
        message: 'Service Unavailable',
        retryable: true,
      },
    },
    {
      name: 'truncated JSON',
      status: 500,
      body: '{"error":{"code":"X","mess',
      expected: {
        format: 'json',
        code: null,
        statusName: 'INTERNAL_SERVER_ERROR',
        message: 'Internal Server Error',
        retryable: true,
      },
    },
  ];

  it.each(cases)('$name', ({ status, headers, body, expected }) => {
    const error = decoded(status, headers ?? {}, body);
    expect(error).toBeInstanceOf(RemoteError);
    expect(error).toMatchObject(expected);
  });
});

describe('decodeErrorSync: headers, statuses and inputs', () => {
  it('returns a clear not-an-error result for 1xx, 2xx and 3xx', () => {
    for (const status of [100, 200, 204, 302, 399])
      expect(decodeErrorSync(status, {}, 'x')).toEqual({ ok: true, status });
  });

  it('reads Retry-After as seconds or an HTTP date, and it wins over RateLimit and the body', () => {
    expect(decoded(503, { 'retry-after': '7' }, '').retryAfter).toBe(7);
    expect(decoded(503, { 'Retry-After': 'Thu, 01 Jan 2026 12:00:30 GMT' }, '').retryAfter).toBe(30);
    expect(
      decoded(429, { 'retry-after': '2', ratelimit: '"default";r=0;t=30' }, json({ retry_after: 9 }))
        .retryAfter,
    ).toBe(2);
  });

  it('falls back to RateLimit t, then body fields, then legacy headers; ignores malformed values', () => {
    expect(decoded(429, { ratelimit: '"burst";r=0;t=5, "day";r=10;t=600' }, '').retryAfter).toBe(5);
    expect(
      decoded(429, { ratelimit: 'garbage;;' }, json({ message: 'slow down', retry_after: 1.25 })).retryAfter,
    ).toBe(1.25);
    expect(decoded(429, { 'x-ratelimit-reset': String(NOW / 1000 + 40) }, '').retryAfter).toBe(40);
    expect(decoded(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '12' }, '').retryAfter).toBe(12);
    expect(
      decoded(403, { 'x-ratelimit-remaining': '5', 'x-ratelimit-reset': '12' }, '').retryAfter,
    ).toBeUndefined();
    for (const value of [
      'abc',
      '-1',
      '1.',
      'NaN',
      '',
      'Mon, 30 Feb 2026 00:00:00 GMT',
      String(366 * 86_400),
    ]) {
      expect(decoded(503, { 'retry-after': value }, '').retryAfter, value).toBeUndefined();
    }
    // Read leniently: Shopify's decimal; retry-after-ms (Stainless-built APIs) is more precise.
    expect(decoded(429, { 'retry-after': '2.0' }, '').retryAfter).toBe(2);
    expect(decoded(429, { 'retry-after': '2', 'retry-after-ms': '1500' }, '').retryAfter).toBe(1.5);
    expect(decoded(429, { 'retry-after': '2', 'retry-after-ms': '-3' }, '').retryAfter).toBe(2);
  });

  it('finds request ids in the usual headers and traceparent', () => {
    expect(decoded(500, { 'x-request-id': 'a' }, '').requestId).toBe('a');
    expect(decoded(500, { 'x-amz-request-id': 'b' }, '').requestId).toBe('b');
    expect(
      decoded(500, { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' }, '').requestId,
    ).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(decoded(500, { 'x-request-id': 'bad\u0001id' }, '').requestId).toBeUndefined();
  });

  it('takes the code from errcat-code, x-error-code, x-ms-error-code or x-amzn-errortype when the body has none', () => {
    expect(decoded(404, { 'errcat-code': 'PROMISE_NOT_FOUND' }, '').code).toBe('PROMISE_NOT_FOUND');
    expect(decoded(404, { 'x-ms-error-code': 'BlobNotFound' }, '').code).toBe('BlobNotFound');
    expect(
      decoded(400, { 'x-amzn-errortype': 'ValidationException:http://internal.amazon.com/' }, '{}').code,
    ).toBe('ValidationException');
  });

  it('reads Headers, header pairs, axios-like getters and arrays', () => {
    const headers = new Headers({ 'retry-after': '3' });
    expect(decoded(503, headers as never, '').retryAfter).toBe(3);
    expect(decodeErrorSync(503, [['Retry-After', '4']], '')).toMatchObject({ retryAfter: 4 });
    expect(
      decodeErrorSync(503, { get: (name: string) => (name === 'retry-after' ? '5' : null) }, ''),
    ).toMatchObject({
      retryAfter: 5,
    });
    expect(decodeErrorSync(500, { 'x-request-id': ['r1', 'r2'] }, '')).toMatchObject({ requestId: 'r1, r2' });
  });

  it('accepts bytes (invalid UTF-8 included) and already-parsed bodies', () => {
    const bytes = new TextEncoder().encode(json({ error: { code: 'X', message: 'caf\u00e9' } }));
    expect(decoded(400, {}, bytes)).toMatchObject({ code: 'X', message: 'café' });
    expect(decoded(400, {}, new Uint8Array([0xff, 0xfe, 0x80]))).toMatchObject({
      format: 'text',
      message: '\ufffd\ufffd\ufffd',
    });
    expect(decoded(400, {}, { error: { code: 'PARSED', message: 'from axios' } })).toMatchObject({
      code: 'PARSED',
    });
  });

  it('bounds what it reads and keeps: maxBytes, message length, violations', () => {
    const error = decoded(
      400,
      {},
      json({
        message: 'm'.repeat(10_000),
        errors: Array.from({ length: 500 }, (_, i) => ({ field: `f${i}`, message: 'bad' })),
      }),
    );
    expect(error.message.length).toBe(2000);
    expect(error.violations).toHaveLength(100);
    const cut = decodeErrorSync(400, {}, json({ message: 'x'.repeat(100) }), { maxBytes: 50 });
    expect(cut).toMatchObject({ format: 'json', message: 'Bad Request' });
  });

  it('keeps prototype-pollution keys as plain data', () => {
    const body =
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"message":"x","details":{"__proto__":{"polluted":true}}}';
    const error = decoded(400, {}, body);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(error.details)).toBe(null);
    expect(Object.getOwnPropertyDescriptor(error.details, '__proto__')?.value).toEqual({ polluted: true });
    expect(error.code).toBeNull();
    expect(error.statusName).toBe('BAD_REQUEST');
  });

  it('never throws on hostile containers: throwing getters and proxies', () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('boom');
        },
        ownKeys: () => {
          throw new Error('boom');
        },
      },
    );
    expect(decodeErrorSync(503, hostile as never, hostile)).toMatchObject({
      ok: false,
      httpStatus: 503,
      retryable: true,
    });
  });

  it('tries custom profiles first and reports their name as the format', () => {
    const custom: WireProfile = {
      name: 'acme',
      contentType: 'application/json',
      body: () => ({}),
      decode: (body) => {
        const fault = (body as { fault?: { id?: string; text?: string } }).fault;
        return fault?.id ? { code: fault.id, message: fault.text ?? '' } : undefined;
      },
    };
    const result = decodeErrorSync(500, {}, json({ fault: { id: 'ACME-1', text: 'acme broke' } }), {
      profiles: [custom],
    });
    expect(result).toMatchObject({ format: 'acme', code: 'ACME-1', message: 'acme broke' });
  });
});

describe('decodeErrorSync with a catalog', () => {
  const catalog = defineCatalog({
    domain: 'orders.example.com',
    docs: 'https://docs.example.com/errors',
    errors: {
      ORDER_NOT_FOUND: {
        code: 'ORDER_NOT_FOUND',
        status: 404,
        message: "Order '{id}' not found",
        details: { id: 'string', attempts: 'integer?' },
      },
      CONFLICT: {
        code: 'CONFLICT',
        status: 409,
        message: 'Order was modified by another request',
        retryable: true,
        notApplied: true,
        details: { expected_offset: 'integer', actual_offset: 'integer' },
      },
      VALIDATION_FAILED: {
        code: 4000,
        status: 422,
        message: 'The request failed validation',
        details: { errors: 'array' },
      },
    },
  });

  it('yields typed catalog errors narrowable by key, with details of the declared types only', () => {
    const result = decodeErrorSync(
      404,
      { 'x-request-id': 'r9' },
      json({
        error: {
          code: 'ORDER_NOT_FOUND',
          message: "Order 'o1' not found",
          details: { id: 'o1', attempts: 'three', extra: 1 },
        },
      }),
      { catalog },
    );
    expect(result).toBeInstanceOf(RemoteCatalogError);
    expect(catalog.is(result, 'ORDER_NOT_FOUND')).toBe(true);
    if (result.ok || result.key !== 'ORDER_NOT_FOUND') throw new Error('expected ORDER_NOT_FOUND');
    expectTypeOf(result.details.id).toEqualTypeOf<string | undefined>();
    expect({ ...result.details }).toEqual({ id: 'o1' });
    expect(result).toMatchObject({
      httpStatus: 404,
      requestId: 'r9',
      format: 'simple',
      message: "Order 'o1' not found",
    });
  });

  it('takes retryable, notApplied and docs from the entry, not the wire', () => {
    const result = decodeErrorSync(
      409,
      {},
      json({
        type: 'response',
        id: 'q',
        status: 'error',
        error: {
          code: 'CONFLICT',
          message: 'm',
          retryable: false,
          details: { expected_offset: 100, actual_offset: 105 },
        },
      }),
      { catalog },
    );
    expect(result).toMatchObject({
      key: 'CONFLICT',
      retryable: true,
      notApplied: true,
      docs: 'https://docs.example.com/errors#CONFLICT',
    });
    expect(result.ok === false && { ...result.details }).toEqual({
      expected_offset: 100,
      actual_offset: 105,
    });
  });

  it('matches numeric codes sent as strings, google reasons with string metadata, and rebuilds errors from violations', () => {
    const google = decodeErrorSync(
      422,
      {},
      json({
        error: {
          code: 422,
          message: 'The request failed validation',
          status: 'INVALID_ARGUMENT',
          details: [
            {
              '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
              reason: 'VALIDATION_FAILED',
              domain: 'orders.example.com',
            },
            {
              '@type': 'type.googleapis.com/google.rpc.BadRequest',
              fieldViolations: [{ field: 'name', description: 'required', reason: 'REQUIRED' }],
            },
          ],
        },
      }),
      { catalog },
    );
    expect(google).toMatchObject({ key: 'VALIDATION_FAILED', code: 4000 });
    expect(google.ok === false && google.details).toEqual({
      errors: [{ field: 'name', type: 'REQUIRED', message: 'required' }],
    });
    const jsonapi = decodeErrorSync(
      422,
      {},
      json({ errors: [{ status: '422', code: '4000', detail: 'x' }] }),
      { catalog },
    );
    expect(jsonapi).toMatchObject({ key: 'VALIDATION_FAILED' });
    const metadata = decodeErrorSync(
      409,
      {},
      json({
        error: {
          code: 409,
          status: 'ABORTED',
          message: 'm',
          details: [
            {
              '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
              reason: 'CONFLICT',
              metadata: { expected_offset: '100', actual_offset: '105' },
            },
          ],
        },
      }),
      { catalog },
    );
    expect(metadata.ok === false && { ...metadata.details }).toEqual({
      expected_offset: 100,
      actual_offset: 105,
    });
  });

  it('falls back to a RemoteError when no entry matches, and never matches a code made up from the status', () => {
    expect(decodeErrorSync(404, {}, '<h1>Not Found</h1>', { catalog })).toBeInstanceOf(RemoteError);
    expect(
      decodeErrorSync(500, {}, json({ error: { code: 'OTHER', message: 'x' } }), { catalog }),
    ).toBeInstanceOf(RemoteError);
  });

  it("errcat's own client errors are catalog errors too", () => {
    expect(errcatErrors.entry('ERRCAT_TIMEOUT')?.retryable).toBe(true);
  });
});

// The rules by which decodeErrorSync reads the signals real APIs send, each with the example that
// a real server or its documentation gives (the error corpus in test-support/fixtures/error-corpus holds
// the full responses and their sources).
import { describe, expect, it } from 'vitest';
import { decodeError } from './decode-error.js';
import { decodeErrorSync } from './decode-error-sync.js';
import type { RemoteError } from './remote-error.js';

const NOW = Date.UTC(2026, 11, 2, 12, 0, 0);
const json = (value: unknown) => JSON.stringify(value);

function decoded(status: number, headers: Record<string, string>, body: string): RemoteError {
  const result = decodeErrorSync(status, headers, body, { now: NOW });
  if (result.ok) throw new Error(`decoded as not an error: ${status} ${body}`);
  return result as RemoteError;
}

describe('what code means', () => {
  it('is null when the server sent none; the status name is a field of its own', () => {
    const fastify = decoded(
      404,
      {},
      json({ message: 'Route GET:/x not found', error: 'Not Found', statusCode: 404 }),
    );
    expect(fastify).toMatchObject({ code: null, statusName: 'NOT_FOUND', message: 'Route GET:/x not found' });
    expect(decoded(503, {}, '')).toMatchObject({ code: null, statusName: 'SERVICE_UNAVAILABLE' });
    expect(decoded(418, {}, '')).toMatchObject({ code: null, statusName: 'HTTP_418' });
  });

  it('is never a reason phrase, about:blank or a type URI that only points at the HTTP spec', () => {
    const spring = decoded(
      404,
      {},
      json({ timestamp: '2026-12-02T12:00:00Z', status: 404, error: 'Not Found', path: '/x' }),
    );
    expect(spring).toMatchObject({ code: null, message: 'Not Found' });
    expect(decoded(403, {}, json({ error: 'Forbidden' })).code).toBeNull();
    expect(decoded(400, {}, json({ error: 'Email is required' }))).toMatchObject({
      code: null,
      message: 'Email is required',
    });
    const aspnet = decoded(
      400,
      { 'content-type': 'application/problem+json' },
      json({
        type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
        title: 'One or more validation errors occurred.',
        status: 400,
      }),
    );
    expect(aspnet.code).toBeNull();
    const blank = decoded(
      404,
      { 'content-type': 'application/problem+json' },
      json({ type: 'about:blank', title: 'Not Found', status: 404 }),
    );
    expect(blank.code).toBeNull();
    const own = decoded(
      403,
      { 'content-type': 'application/problem+json' },
      json({ type: 'https://example.com/probs/out-of-credit', title: 'No credit', status: 403 }),
    );
    expect(own.code).toBe('out-of-credit');
  });

  it('is a string, and not a number that only repeats the status', () => {
    expect(
      decoded(404, {}, json({ code: 20404, message: 'The requested resource was not found', status: 404 }))
        .code,
    ).toBe('20404');
    expect(decoded(404, {}, json({ code: 404, message: 'nope' })).code).toBeNull();
    // Kubernetes' reasons are codes, one-word phrases included.
    expect(
      decoded(
        409,
        {},
        json({
          kind: 'Status',
          apiVersion: 'v1',
          status: 'Failure',
          reason: 'Conflict',
          code: 409,
          message: 'x',
        }),
      ).code,
    ).toBe('Conflict');
  });
});

describe('where real APIs put their signals', () => {
  it('takes the code of an RFC 6750 challenge when the body has none', () => {
    const expired = decoded(
      401,
      {
        'www-authenticate':
          'Bearer realm="example", error="invalid_token", error_description="The access token expired"',
      },
      '',
    );
    expect(expired).toMatchObject({
      code: 'invalid_token',
      message: 'The access token expired',
      retryable: false,
    });
    const scope = decoded(
      403,
      { 'www-authenticate': 'Bearer error="insufficient_scope", scope="repo"' },
      'Forbidden',
    );
    expect(scope.code).toBe('insufficient_scope');
    // The body's own code wins over the challenge.
    const both = decoded(
      401,
      { 'www-authenticate': 'Bearer error="invalid_token"' },
      json({ error: { code: 'TOKEN_EXPIRED', message: 'm' } }),
    );
    expect(both.code).toBe('TOKEN_EXPIRED');
    expect(decoded(401, { 'www-authenticate': 'Basic realm="x"' }, '').code).toBeNull();
    const linked = decoded(
      401,
      { 'www-authenticate': 'Bearer error="invalid_token", error_uri="https://auth.example.com/e"' },
      '',
    );
    expect(linked.docs).toBe('https://auth.example.com/e');
    expect(
      decoded(
        401,
        { 'www-authenticate': 'Bearer error="invalid_token", error_uri="javascript:alert(1)"' },
        '',
      ).docs,
    ).toBeUndefined();
  });

  it('reads codes inside arrays: Cloudflare, GitHub 422, Google legacy reasons', () => {
    const cloudflare = decoded(
      403,
      {},
      json({
        success: false,
        errors: [{ code: 10000, message: 'Authentication error' }],
        messages: [],
        result: null,
      }),
    );
    expect(cloudflare).toMatchObject({ code: '10000', message: 'Authentication error' });
    const github = decoded(
      422,
      {},
      json({
        message: 'Validation Failed',
        errors: [{ resource: 'Issue', field: 'title', code: 'missing_field' }],
        documentation_url: 'https://docs.github.com/rest',
      }),
    );
    expect(github).toMatchObject({ code: 'missing_field', message: 'Validation Failed' });
    const google = decoded(
      403,
      {},
      json({
        error: {
          code: 403,
          message: 'Rate Limit Exceeded',
          errors: [{ domain: 'usageLimits', reason: 'rateLimitExceeded', message: 'Rate Limit Exceeded' }],
        },
      }),
    );
    expect(google).toMatchObject({ code: 'rateLimitExceeded', format: 'google' });
  });

  it('reports errors inside 2xx responses: GraphQL errors and Slack ok:false', () => {
    const graphql = decoded(
      200,
      { 'content-type': 'application/json' },
      json({ data: null, errors: [{ message: 'Not logged in', extensions: { code: 'UNAUTHENTICATED' } }] }),
    );
    expect(graphql).toMatchObject({
      httpStatus: 200,
      code: 'UNAUTHENTICATED',
      message: 'Not logged in',
      retryable: false,
      format: 'graphql',
    });
    const slack = decoded(
      200,
      { 'content-type': 'application/json' },
      json({ ok: false, error: 'invalid_auth' }),
    );
    expect(slack).toMatchObject({
      httpStatus: 200,
      code: 'invalid_auth',
      message: 'invalid_auth',
      format: 'slack',
    });
    expect(decodeErrorSync(200, {}, json({ ok: true, data: 1 }))).toEqual({ ok: true, status: 200 });
    expect(decodeErrorSync(200, {}, json({ data: { x: 1 }, errors: [] }))).toEqual({ ok: true, status: 200 });
    expect(decodeErrorSync(302, {}, json({ ok: false, error: 'x' }))).toEqual({ ok: true, status: 302 });
  });

  it('decodeError reads a 2xx from a copy, so a success body stays readable', async () => {
    const success = new Response(json({ data: 1 }), { headers: { 'content-type': 'application/json' } });
    expect(await decodeError(success)).toEqual({ ok: true, status: 200 });
    expect(await success.json()).toEqual({ data: 1 });
    const slack = new Response(json({ ok: false, error: 'channel_not_found' }), {
      headers: { 'content-type': 'application/json' },
    });
    expect(await decodeError(slack)).toMatchObject({ ok: false, code: 'channel_not_found' });
  });

  it("treats GitHub's 403 with nothing remaining as a throttle, retryable after the epoch reset", () => {
    const reset = String(NOW / 1000 + 90);
    const limited = decoded(
      403,
      { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
      json({ message: 'API rate limit exceeded', documentation_url: 'https://docs.github.com/rest' }),
    );
    expect(limited).toMatchObject({ retryable: true, throttling: true, retryAfter: 90 });
    const forbidden = decoded(
      403,
      { 'x-ratelimit-remaining': '4999', 'x-ratelimit-reset': reset },
      json({ message: 'Must have admin rights' }),
    );
    expect(forbidden).toMatchObject({ retryable: false, throttling: false, retryAfter: undefined });
  });

  it('knows the throttling and transient codes of the AWS SDKs, in JSON, headers and XML', () => {
    expect(
      decoded(
        400,
        {},
        json({
          __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
          message: 'x',
        }),
      ),
    ).toMatchObject({
      code: 'ProvisionedThroughputExceededException',
      retryable: true,
      throttling: true,
    });
    expect(
      decoded(
        400,
        { 'x-amzn-errortype': 'ThrottlingException:http://internal.amazon.com/' },
        json({ message: 'Rate exceeded' }),
      ),
    ).toMatchObject({
      code: 'ThrottlingException',
      retryable: true,
    });
    const ec2 = decoded(
      503,
      { 'content-type': 'text/xml' },
      '<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors><RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>',
    );
    expect(ec2).toMatchObject({
      code: 'RequestLimitExceeded',
      message: 'Request limit exceeded.',
      requestId: 'ea966190-f9aa-478e-9ede-example',
      retryable: true,
      throttling: true,
      format: 'aws',
    });
    const s3 = decoded(
      404,
      { 'content-type': 'application/xml' },
      '<Error><Code>NoSuchKey</Code><Message>The resource you requested does not exist</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>',
    );
    expect(s3).toMatchObject({ code: 'NoSuchKey', retryable: false, requestId: '4442587FB7D0A2F9' });
    expect(decoded(400, {}, json({ __type: 'ValidationException', message: 'x' })).retryable).toBe(false);
  });

  it('lets the server say whether to retry: x-should-retry and Stripe-Should-Retry override the status', () => {
    expect(decoded(503, { 'x-should-retry': 'false' }, '').retryable).toBe(false);
    expect(
      decoded(409, { 'x-should-retry': 'true' }, json({ error: { type: 'conflict', message: 'm' } }))
        .retryable,
    ).toBe(true);
    expect(
      decoded(
        402,
        { 'stripe-should-retry': 'true' },
        json({ error: { code: 'card_declined', message: 'm' } }),
      ).retryable,
    ).toBe(true);
    expect(decoded(500, { 'stripe-should-retry': 'False' }, '').retryable).toBe(false);
    expect(decoded(500, { 'x-should-retry': 'maybe' }, '').retryable).toBe(true);
  });

  it("prefers a challenge's description to a body that only says the status phrase (API Gateway)", () => {
    const gateway = decoded(
      401,
      {
        'www-authenticate':
          'Bearer scope="" error="invalid_token" error_description="the token does not have a valid audience"',
        'apigw-requestid': 'Mc7UVioPPHcEKPA=',
      },
      json({ message: 'Unauthorized' }),
    );
    expect(gateway).toMatchObject({
      code: 'invalid_token',
      message: 'the token does not have a valid audience',
      requestId: 'Mc7UVioPPHcEKPA=',
    });
    expect(decoded(400, { 'x-amzn-errortype': 'FooError' }, json({ Message: 'Hi' }))).toMatchObject({
      code: 'FooError',
      message: 'Hi',
    });
  });

  it("reads a JSON:API error's detail as its message", () => {
    const jsonapi = decoded(
      422,
      {},
      json({
        errors: [
          {
            status: '422',
            source: { pointer: '/data/attributes/firstName' },
            title: 'Invalid Attribute',
            detail: 'First name must contain at least two characters.',
          },
        ],
      }),
    );
    expect(jsonapi).toMatchObject({
      format: 'jsonapi',
      message: 'First name must contain at least two characters.',
    });
  });

  it("finds Microsoft Graph's innerError request-id and a ZodError's issues in its message", () => {
    const graph = decoded(
      401,
      {},
      json({
        error: {
          code: 'InvalidAuthenticationToken',
          message: 'Access token is empty.',
          innerError: { date: '2026-12-02T12:00:00', 'request-id': 'a1b2', 'client-request-id': 'c3' },
        },
      }),
    );
    expect(graph).toMatchObject({ code: 'InvalidAuthenticationToken', requestId: 'a1b2' });
    const issues = [{ code: 'invalid_type', path: ['name'], message: 'Invalid input: expected string' }];
    const zod = decoded(
      400,
      {},
      json({ success: false, error: { name: 'ZodError', message: JSON.stringify(issues, null, 2) } }),
    );
    expect(zod).toMatchObject({
      code: null,
      message: 'Invalid input: expected string',
      violations: [{ field: 'name', code: 'invalid_type' }],
    });
  });
});

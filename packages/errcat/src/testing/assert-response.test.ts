import { describe, expect, it } from 'vitest';
import { fixtureCatalog as catalog } from '../../../../test-support/profiles/fixture-catalog.js';
import { isCatalogError } from '../is-catalog-error.js';
import { googleProfile } from '../profiles/google-profile.js';
import { renderError } from '../render/render-error.js';
import type { WireProfile } from '../render/wire-profile.js';
import { assertResponse } from './assert-response.js';
import { checkResponse } from './check-response.js';
import type { ResponseExpectation } from './response-expectation.js';

/** A response as errcat renders it, with the request id header a server adds. */
function rendered(
  error: Parameters<typeof renderError>[0],
  profile?: WireProfile,
  requestId = 'r1',
): { status: number; headers: Record<string, string>; text: string } {
  const response = renderError(error, { ...(profile ? { profile } : {}), context: { requestId } });
  return {
    status: response.status,
    headers: { ...response.headers, 'x-request-id': requestId },
    text: response.body,
  };
}

function problems(
  response: ReturnType<typeof rendered>,
  expectation: Partial<ResponseExpectation> = {},
): readonly string[] {
  return checkResponse(response, { catalog, entry: 'PROMISE_NOT_FOUND', ...expectation }).problems;
}

describe('assertResponse', () => {
  it('accepts a Fetch Response, Fastify inject, supertest and plain shapes', async () => {
    const { status, headers, text } = rendered(catalog.PROMISE_NOT_FOUND({ id: 'p1' }));
    const expectation = {
      catalog,
      entry: 'PROMISE_NOT_FOUND',
      details: { id: 'p1' },
      requestId: 'r1',
    } as const;
    await assertResponse(new Response(text, { status, headers }), expectation);
    await assertResponse({ statusCode: status, headers, payload: text }, expectation);
    await assertResponse({ status, headers, text, body: JSON.parse(text) }, expectation);
    await assertResponse(
      { status, headers: new Headers(headers), body: new TextEncoder().encode(text) },
      expectation,
    );
    await assertResponse({ status, headers, body: JSON.parse(text) }, expectation);
    await assertResponse({ statusCode: status, headers, body: { text: async () => text } }, expectation);
    const check = await assertResponse({ status, headers, body: text }, { ...expectation, entry: 4040 });
    expect(check.decoded).toMatchObject({ code: 4040, requestId: 'r1' });
  });

  it('throws ERRCAT_RESPONSE_MISMATCH listing every problem', async () => {
    const response = {
      status: 500,
      headers: { 'content-type': 'text/html' },
      body: '{"type":"about:blank","title":"x","status":500,"detail":"boom","code":5002,"retryable":true}',
    };
    const thrown = await assertResponse(response, { catalog, entry: 'PROMISE_NOT_FOUND' }).catch(
      (error) => error,
    );
    expect(isCatalogError(thrown, 'ERRCAT_RESPONSE_MISMATCH')).toBe(true);
    expect(thrown.details.problems).toMatchInlineSnapshot(`
      [
        "status is 500, expected 404",
        "content-type is 'text/html', expected 'application/problem+json'",
        "code is 5002, expected 4040",
        "retryable is true, expected false",
        "message is "boom", expected "Promise '{id}' not found"",
      ]
    `);
    expect(thrown.message).toContain(
      "does not conform to 'PROMISE_NOT_FOUND' in profile 'problem': status is 500",
    );
  });

  it('reports a body that is not JSON or not of the profile', () => {
    const response = rendered(catalog.PROMISE_NOT_FOUND({ id: 'p1' }));
    expect(problems({ ...response, text: '<html>' })[0]).toBe('the body is not JSON: "<html>"');
    expect(problems(response, { profile: 'google' })).toContain("the body is not a 'google' error");
  });

  it('reports leaked internal fields, undeclared and mistyped details, and wrong values', () => {
    const leak = rendered(catalog.STORAGE_FAILED({ reason: 'x' }));
    const body = JSON.parse(leak.text);
    body.details = { reason: 'SELECT 1' };
    expect(
      checkResponse({ ...leak, text: JSON.stringify(body) }, { catalog, entry: 'STORAGE_FAILED' }).problems,
    ).toEqual(['details.reason is internal but was sent']);
    const typed = rendered(catalog.PROMISE_ALREADY_EXISTS({ id: 'p1', attempts: 2 }));
    const mistyped = JSON.parse(typed.text);
    mistyped.details = { id: 7, attempts: 1.5, extra: true };
    expect(
      checkResponse(
        { ...typed, text: JSON.stringify(mistyped) },
        { catalog, entry: 'PROMISE_ALREADY_EXISTS', details: { id: 'p1' } },
      ).problems,
    ).toEqual([
      `message is "A promise with id 'p1' already exists", expected "A promise with id '7' already exists"`,
      'details.extra is not declared by PROMISE_ALREADY_EXISTS',
      'details.id should be of type string',
      'details.attempts should be of type integer',
      'details.id is 7, expected "p1"',
    ]);
  });

  it('checks Retry-After, the entry headers, a code header and the request id', () => {
    const limited = rendered(catalog.RATE_LIMITED());
    const { 'retry-after': _dropped, ...withoutRetryAfter } = limited.headers;
    expect(
      checkResponse({ ...limited, headers: withoutRetryAfter }, { catalog, entry: 'RATE_LIMITED' }).problems,
    ).toEqual(['retry-after is missing']);
    expect(
      checkResponse(
        { ...limited, headers: { ...limited.headers, 'retry-after': 'soon' } },
        { catalog, entry: 'RATE_LIMITED' },
      ).problems,
    ).toEqual(["retry-after 'soon' is neither seconds nor an HTTP date"]);
    const auth = rendered(catalog.UNAUTHENTICATED());
    const { 'www-authenticate': _gone, ...withoutChallenge } = auth.headers;
    expect(
      checkResponse({ ...auth, headers: withoutChallenge }, { catalog, entry: 'UNAUTHENTICATED' }).problems,
    ).toEqual(['www-authenticate is missing']);
    const found = rendered(catalog.PROMISE_NOT_FOUND({ id: 'p1' }), undefined, 'r2');
    expect(problems(found, { codeHeader: 'X-Error-Code', requestId: 'r1' })).toEqual([
      "x-error-code is '', expected '4040'",
      "x-request-id is 'r2', expected 'r1'",
      "the body's request id is 'r2', expected 'r1'",
    ]);
    expect(problems({ ...found, headers: { ...found.headers, 'x-request-id': 'other' } })).toEqual([
      "the body's request id is 'r2', expected 'other'",
    ]);
    expect(problems(found, { requestIdHeader: false, requestId: 'r2' })).toEqual([]);
  });

  it('compares the shape of the body, extras only when strict', () => {
    const response = rendered(catalog.PROMISE_NOT_FOUND({ id: 'p1' }), googleProfile);
    const body = JSON.parse(response.text);
    body.error.status = 404;
    body.error.stack = 'at x';
    delete body.error.message;
    expect(
      problems({ ...response, text: JSON.stringify(body) }, { profile: googleProfile, strict: true }),
    ).toEqual([
      'body.error.message is missing, expected a string',
      'body.error.status is a number, expected a string',
      'body.error.stack is unexpected',
    ]);
  });

  it('skips the message of a translated response and names an unknown entry with a catalog code', () => {
    const response = rendered(catalog.PROMISE_NOT_FOUND({ id: 'p1' }));
    const body = JSON.parse(response.text);
    body.detail = "Promesse 'p1' introuvable";
    const translated = { ...response, headers: { ...response.headers, 'content-language': 'fr' } };
    expect(problems({ ...translated, text: JSON.stringify(body) })).toEqual([]);
    let thrown: unknown;
    try {
      checkResponse(response, { catalog, entry: 'NOPE' });
    } catch (error) {
      thrown = error;
    }
    expect(isCatalogError(thrown, 'ERRCAT_UNKNOWN_ENTRY')).toBe(true);
  });
});

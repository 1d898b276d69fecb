import { describe, expect, it } from 'vitest';
import { readResponse } from './read-response.js';

describe('readResponse: status, lower-case headers and text from any test tool', () => {
  it("iterates a Fetch Headers' pairs, joining the repeated set-cookie it yields apart", async () => {
    const headers = new Headers([
      ['Content-Type', 'application/problem+json'],
      ['Set-Cookie', 'a=1'],
      ['Set-Cookie', 'b=2'],
    ]);
    const captured = await readResponse(new Response('{}', { status: 404, headers }));
    expect(captured).toEqual({
      status: 404,
      headers: { 'content-type': 'application/problem+json', 'set-cookie': 'a=1, b=2' },
      text: '{}',
    });
  });

  it('iterates [name, value] pairs and a Map, names in any case, repeats joined', async () => {
    const pairs = [
      ['X-Request-Id', 'req-1'],
      ['vary', 'accept'],
      ['Vary', 'accept-language'],
    ] as const;
    expect((await readResponse({ status: 200, headers: pairs })).headers).toEqual({
      'x-request-id': 'req-1',
      vary: 'accept, accept-language',
    });
    const map = new Map([['Retry-After', '2']]);
    expect((await readResponse({ status: 429, headers: map })).headers).toEqual({ 'retry-after': '2' });
  });

  it("lists a plain object's entries: lists joined, numbers as text, nothing for undefined", async () => {
    const headers = { 'Content-Length': 2, 'set-cookie': ['a=1', 'b=2'], etag: undefined };
    const captured = await readResponse({ statusCode: 500, headers, payload: '{}' });
    expect(captured.headers).toEqual({ 'content-length': '2', 'set-cookie': 'a=1, b=2' });
  });

  it("lists an object's own header entries, never its `get` method", async () => {
    const headers = { 'retry-after': '2', get: (name: string) => (name === 'retry-after' ? '2' : null) };
    expect((await readResponse({ status: 503, headers })).headers).toEqual({ 'retry-after': '2' });
  });
});

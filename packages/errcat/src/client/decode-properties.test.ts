import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineCatalog } from '../define-catalog.js';
import { decodeErrorSync } from './decode-error-sync.js';
import type { DecodeResult } from './decode-types.js';

const catalog = defineCatalog({
  domain: 'fuzz.example.com',
  errors: {
    NOT_FOUND: { code: 'NOT_FOUND', status: 404, message: "'{id}' not found", details: { id: 'string' } },
    CONFLICT: {
      code: 4090,
      status: 409,
      message: 'Conflict',
      details: { expected: 'integer', errors: 'array?' },
    },
    RATE_LIMITED: { code: 'RATE_LIMITED', status: 429, message: 'Slow down', retryAfter: 1 },
  },
});

/** Real bodies of every recognised format: the seeds of the mutations. */
const CORPUS = [
  '{"type":"https://x.dev/e#4040","title":"Not found","status":404,"detail":"gone","code":"NOT_FOUND","retryable":false,"requestId":"r","details":{"id":"p"}}',
  '{"error":{"code":429,"message":"q","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"RATE_LIMITED","metadata":{"a":"1"}},{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"1.5s"},{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{"field":"a","description":"b"}]}]}}',
  '{"error":{"code":5002,"message":"failed","details":[{"@type":"ServerError","message":"m","domain":"server","metadata":{"url":"https://d.io/e#5002"}}]}}',
  '{"kind":"promises.get","head":{"corrId":"c","status":404,"version":"2026-04-01"},"data":"Promise not found"}',
  '{"type":"response","id":"q","status":"error","error":{"code":"CONFLICT","message":"m","retryable":true,"details":{"expected_offset":1}}}',
  '{"error":{"code":"AUTH-401","message":"no","details":{"x":1},"requestId":"r"}}',
  '{"error":"token_expired","message":"expired","code":"TOKEN_EXPIRED"}',
  '{"errors":[{"status":"422","code":"4090","title":"t","detail":"d","source":{"pointer":"/a"},"meta":{"retryable":false}}]}',
  '{"errors":[{"message":"m","path":["a",0],"extensions":{"code":"X"}}],"data":null}',
  '{"message":"Not Found","documentation_url":"https://docs.github.com/rest","errors":[{"field":"f","code":"missing"}]}',
  '{"error":"invalid_grant","error_description":"bad","error_uri":"https://a.b/c"}',
  '{"statusCode":400,"error":"Bad Request","message":["a must be b"]}',
  '{"__type":"com.amazon#ThrottlingException","message":"Rate exceeded"}',
  '{"kind":"Status","apiVersion":"v1","status":"Failure","message":"m","reason":"NotFound","code":404,"details":{"causes":[{"field":"f","message":"m"}],"retryAfterSeconds":2}}',
  '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>',
  '<!DOCTYPE html><html><head><title>Error</title></head><body><pre>Cannot GET /x<br> &nbsp;at y</pre></body></html>',
  'upstream connect error or disconnect/reset before headers',
];

const KEYS = [
  'error',
  'errors',
  'message',
  'code',
  'status',
  'type',
  'title',
  'detail',
  'details',
  'kind',
  'head',
  'data',
  'retryable',
  'requestId',
  'request_id',
  'id',
  '@type',
  'reason',
  'metadata',
  'statusCode',
  'retry_after',
  'documentation_url',
  'error_description',
  '__type',
  'apiVersion',
  'source',
  'pointer',
  'path',
  'field',
  'extensions',
  'meta',
  'links',
  'corrId',
  'retryDelay',
  'fieldViolations',
  '__proto__',
  'constructor',
  'toString',
];

const leaf = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(
    'NOT_FOUND',
    '4090',
    'type.googleapis.com/google.rpc.RetryInfo',
    'https://x.dev/e',
    '3s',
    'error',
  ),
);
const { value: shapedJson } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 6 }),
  ),
}));

/** A corpus body edited at random places: deletions, insertions, truncation. */
const mutated = fc
  .tuple(
    fc.constantFrom(...CORPUS),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 8 }), fc.string({ maxLength: 4 })), { maxLength: 4 }),
    fc.option(fc.nat()),
  )
  .map(([body, edits, cut]) => {
    let out = body;
    for (const [at, remove, insert] of edits) {
      const index = at % (out.length + 1);
      out = out.slice(0, index) + insert + out.slice(index + remove);
    }
    return cut === null ? out : out.slice(0, cut % (out.length + 1));
  });

const body = fc.oneof(
  mutated,
  shapedJson.map((value) => JSON.stringify(value)),
  shapedJson,
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc.uint8Array({ maxLength: 100 }),
  fc.anything(),
);

const headers = fc.dictionary(
  fc.constantFrom(
    'content-type',
    'retry-after',
    'ratelimit',
    'x-request-id',
    'traceparent',
    'x-ratelimit-reset',
    'x-ratelimit-remaining',
    'errcat-code',
    'x-amzn-errortype',
    'cf-ray',
    'Retry-After',
  ),
  fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom(
      'application/problem+json',
      'text/html',
      'application/json',
      '"a";r=0;t=5',
      'Wed, 21 Oct 2026 07:28:00 GMT',
      '5',
      '1e309',
    ),
  ),
  { maxKeys: 4 },
);

const status = fc.oneof(
  fc.constantFrom(400, 401, 404, 409, 422, 429, 500, 502, 503, 504),
  fc.integer({ min: -10, max: 1000 }),
  fc.constant(undefined),
);

/**
 * What every decode must satisfy, whatever went in. Plain checks rather than `expect`: the fuzz run
 * calls this 100,000 times.
 */
function checkInvariants(input: unknown, result: DecodeResult<typeof catalog | undefined>): void {
  const fail = (what: string): never => {
    throw new Error(`${what}: ${JSON.stringify(result)} for status ${String(input)}`);
  };
  const success = typeof input === 'number' && Number.isInteger(input) && input >= 100 && input < 400;
  // A 2xx may still carry an error (GraphQL `errors`, Slack `ok: false`); 1xx and 3xx never do.
  if (success && (result.ok || input < 200 || input >= 300)) {
    if (!result.ok || result.status !== input) fail('not an error expected');
    return;
  }
  if (result.ok) {
    fail('an error status decoded as not an error');
    return;
  }
  if (!Number.isInteger(result.httpStatus) || result.httpStatus < 0 || result.httpStatus > 599)
    fail('httpStatus');
  if (success && result.httpStatus !== input) fail('httpStatus of an error in a success');
  if (typeof result.code !== 'string' && typeof result.code !== 'number' && result.code !== null)
    fail('code');
  if (typeof result.statusName !== 'string' || result.statusName === '') fail('statusName');
  if (typeof result.message !== 'string' || result.message.length === 0 || result.message.length > 2000)
    fail('message');
  if (typeof result.retryable !== 'boolean') fail('retryable');
  if (result.violations.length > 100 || result.violations.some((v) => typeof v.message !== 'string'))
    fail('violations');
  const wait = result.retryAfter;
  if (wait !== undefined && !(Number.isFinite(wait) && wait >= 0)) fail('retryAfter');
  const id = result.requestId;
  if (id !== undefined && (typeof id !== 'string' || id.length > 256)) fail('requestId');
  if (result.docs !== undefined && !/^https?:\/\//i.test(result.docs)) fail('docs');
  if (Object.hasOwn(Object.prototype, 'polluted') || ({} as { polluted?: unknown }).polluted !== undefined) {
    fail('prototype polluted');
  }
}

/** xorshift32: a seeded generator, so the fuzz run is cheap and repeatable. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}

const FUZZ_HEADERS = [
  ['content-type', 'application/problem+json'],
  ['content-type', 'text/html'],
  ['retry-after', '5'],
  ['retry-after', 'Wed, 21 Oct 2026 07:28:00 GMT'],
  ['retry-after', '1e309'],
  ['ratelimit', '"a";r=0;t=5'],
  ['ratelimit', '"a";r=0;t='],
  ['x-request-id', 'req-1'],
  ['traceparent', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'],
  ['x-ratelimit-reset', '99999999999'],
  ['errcat-code', 'NOT_FOUND'],
] as const;
const FUZZ_STATUSES = [undefined, 0, 200, 400, 404, 409, 422, 429, 500, 502, 503, 504, 599, 600, -1, 1.5];

/** One fuzz case: a corpus body mangled by the generator (edits, truncation, byte noise, nesting). */
function fuzzCase(next: () => number): { status: unknown; headers: Record<string, string>; body: unknown } {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  let text = pick(CORPUS);
  for (let edits = Math.floor(next() * 5); edits > 0; edits--) {
    const at = Math.floor(next() * (text.length + 1));
    const insert = pick([
      '"',
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      '\\',
      '\\u',
      'null',
      '1e999',
      '"__proto__":',
      '<',
      '&#',
      '\u0000',
      '\ud800',
      pick(KEYS),
    ]);
    text = text.slice(0, at) + insert + text.slice(at + Math.floor(next() * 6));
  }
  if (next() < 0.3) text = text.slice(0, Math.floor(next() * (text.length + 1)));
  const headers: Record<string, string> = {};
  for (let count = Math.floor(next() * 3); count > 0; count--) {
    const [name, value] = pick(FUZZ_HEADERS);
    headers[name] = value;
  }
  const form = next();
  let body: unknown = text;
  if (form < 0.15) {
    const bytes = new TextEncoder().encode(text);
    for (let flips = Math.floor(next() * 4); flips > 0; flips--)
      bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
    body = bytes;
  } else if (form < 0.3) {
    try {
      body = JSON.parse(text);
    } catch {
      body = { [pick(KEYS)]: text };
    }
  }
  return { status: pick(FUZZ_STATUSES), headers, body };
}

describe('decodeErrorSync never throws and always yields a well-formed result', () => {
  it('for any status, headers and body, with and without a catalog (property)', () => {
    fc.assert(
      fc.property(status, headers, body, fc.boolean(), (code, head, payload, withCatalog) => {
        const result = decodeErrorSync(code, head, payload, withCatalog ? { catalog } : {});
        checkInvariants(code, result);
      }),
      { numRuns: 1500 },
    );
  });

  it('decodes pathological bodies of 1 MiB: deep nesting, tag soup, entity floods, giant strings', () => {
    const mib = 1 << 20;
    for (const payload of [
      '['.repeat(mib),
      `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      '<'.repeat(mib),
      '<h1'.repeat(mib / 3),
      '&amp;'.repeat(mib / 5),
      `<pre>${'a<br>'.repeat(mib / 5)}`,
      `{"message":"${'x'.repeat(mib)}"}`,
      `{"errors":[${'{"field":"a","message":"b"},'.repeat(30_000)}{}]}`,
      '\n'.repeat(mib),
    ]) {
      checkInvariants(500, decodeErrorSync(500, { 'content-type': 'text/html' }, payload));
      checkInvariants(500, decodeErrorSync(500, {}, payload, { catalog }));
    }
  });

  it('survives a fuzz run of 100,000 mutated real bodies as text, bytes and parsed values', () => {
    const next = random(20_260_401);
    const formats = new Set<string>();
    for (let run = 0; run < 100_000; run++) {
      const { status: code, headers: head, body: payload } = fuzzCase(next);
      const result = decodeErrorSync(code as number, head, payload, run % 2 === 0 ? { catalog } : {});
      checkInvariants(code, result);
      if (!result.ok) formats.add(String(result.format));
    }
    // The mutations keep most bodies recognisable: every format of the corpus is still reached.
    expect(formats.size).toBeGreaterThanOrEqual(14);
  });
});

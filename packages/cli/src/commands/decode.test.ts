import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { runCliWithInput } from '../../test/run-cli.js';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Runs `errcat decode …` in-process with `input` on standard input. */
async function decode(input: string, ...argv: string[]) {
  const { code, stdout, stderr } = await runCliWithInput(repoRoot, input, 'decode', ...argv);
  return { code, stderr, json: stdout === '' ? undefined : (JSON.parse(stdout) as Record<string, unknown>) };
}

describe('errcat decode', () => {
  test('prints the normalised error of a body, with status and headers from the options', async () => {
    const { code, json } = await decode(
      '{"type":"response","id":"req-9","status":"error","error":{"code":"RATE_LIMITED","message":"Too many requests","retryable":true}}',
      '--status',
      '429',
      '--header',
      'Retry-After: 2',
    );
    expect(code).toBe(0);
    expect(json).toEqual({
      status: 429,
      code: 'RATE_LIMITED',
      statusName: 'TOO_MANY_REQUESTS',
      message: 'Too many requests',
      retryable: true,
      retryAfter: 2,
      requestId: 'req-9',
      docs: null,
      violations: [],
      format: 'rstmdb',
    });
  });

  test('reads a pasted curl -i response: status line, headers, body', async () => {
    const pasted = [
      'HTTP/1.1 502 Bad Gateway',
      'Server: nginx',
      'Content-Type: text/html',
      'X-Request-Id: lb-77',
      '',
      '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>',
    ].join('\r\n');
    expect((await decode(pasted)).json).toMatchObject({
      status: 502,
      code: null,
      statusName: 'BAD_GATEWAY',
      message: '502 Bad Gateway',
      retryable: true,
      requestId: 'lb-77',
      format: 'html',
    });
  });

  test('names the catalog entry the code matches', async () => {
    const { json } = await decode(
      '{"error":{"code":4040,"message":"promise not found","details":[{"@type":"RequestError","message":"m","domain":"request","metadata":{"url":"https://docs.resonatehq.io/reference/error-codes#4040"}}]}}',
      '--catalog',
      'catalogs/resonate-legacy.yaml',
      '--status',
      '404',
    );
    expect(json).toMatchObject({
      key: expect.any(String),
      code: 4040,
      format: 'resonate-legacy',
      docs: 'https://docs.resonatehq.io/reference/error-codes#4040',
    });
  });

  test("retryAfter is the response's delay; the catalog's default is catalogRetryAfter", async () => {
    // The Go server's 5030 (seed 000): no Retry-After header, no delay in the body.
    const body =
      '{"error":{"code":5030,"message":"The system is shutting down","details":[{"@type":"ServerError","domain":"server","metadata":{"url":"https://docs.resonatehq.io/reference/error-codes#5030"}}]}}';
    const catalog = ['--catalog', 'catalogs/resonate-legacy.yaml', '--status', '503'];
    expect((await decode(body, ...catalog)).json).toMatchObject({
      code: 5030,
      retryAfter: null,
      catalogRetryAfter: 5,
    });
    expect((await decode(body, ...catalog, '--header', 'Retry-After: 2')).json).toMatchObject({
      retryAfter: 2,
      catalogRetryAfter: 5,
    });
    expect((await decode(body, '--status', '503')).json).not.toHaveProperty('catalogRetryAfter');
  });

  test('takes the status from the body when none is given, and says so when it is not an error', async () => {
    expect(
      (
        await decode(
          '{"kind":"promises.get","head":{"corrId":"c1","status":404,"version":"v"},"data":"Promise not found"}',
        )
      ).json,
    ).toMatchObject({ status: 404, code: null, statusName: 'NOT_FOUND', requestId: 'c1' });
    expect((await decode('garbage')).json).toMatchObject({
      status: null,
      code: null,
      statusName: 'UNKNOWN',
      message: 'garbage',
    });
    expect((await decode('{}', '--status', '200')).json).toEqual({ status: 200, error: false });
  });

  test('rejects a bad status, header or argument with one line and exit 2', async () => {
    for (const argv of [['--status', '99'], ['--status', 'abc'], ['--header', 'no colon'], ['body.json']]) {
      const { code, stderr, json } = await decode('{}', ...argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(stderr).toMatch(/^errcat: .+ \[ERRCAT_BAD_ARGUMENT\]\n$/);
      expect(json).toBeUndefined();
    }
    expect((await decode('{}', '--catalog', 'nope.yaml')).code).toBe(1);
  });
});

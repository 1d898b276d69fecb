import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { withErrors } from 'errcat/node';
import { describe, expect, test } from 'vitest';
import { runCli } from '../test/run-cli.js';
import { loadCatalogFile } from './catalog/load-catalog.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../test/fixtures');
const catalog = join(fixtures, 'promises.yaml');

/** Runs the CLI in-process in the fixtures folder and captures its output. */
const run = (...argv: string[]) => runCli(fixtures, ...argv);

describe('errcat (general)', () => {
  test('--help lists the commands; no command is a usage error', async () => {
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/lint\s+Validate a catalog/);
    expect((await run()).code).toBe(2);
  });

  test.each(['lint', 'explain', 'render', 'types'])('%s --help prints usage', async (command) => {
    const { code, stdout } = await run(command, '--help');
    expect(code).toBe(0);
    expect(stdout).toContain(`Usage: errcat ${command}`);
  });

  test('unknown commands and options fail with one line and exit 2', async () => {
    const unknown = await run('frobnicate');
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toBe(
      "errcat: unknown command 'frobnicate' (run 'errcat --help') [ERRCAT_BAD_ARGUMENT]\n",
    );
    const option = await run('lint', catalog, '--bogus');
    expect(option.code).toBe(2);
    expect(option.stderr.trim().split('\n')).toHaveLength(1);
  });

  test.each([
    ['missing.yaml', "Cannot load catalog 'missing.yaml': no such file"],
    ['bad-syntax.yaml', "Cannot load catalog 'bad-syntax.yaml': invalid YAML at line"],
    ['invalid.yaml', "Invalid catalog 'broken': errors.lower_key: key must be UPPER_SNAKE"],
    ['promises.txt', "unsupported file type '.txt'"],
  ])('bad input %s fails with a one-line cause, never a stack', async (file, message) => {
    const { code, stderr } = await run('explain', file, '1');
    expect(code).toBe(1);
    expect(stderr).toContain(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe('errcat lint', () => {
  test('a valid catalog exits 0 and reports warnings', async () => {
    const { code, stdout } = await run('lint', 'promises.yaml');
    expect(code).toBe(0);
    expect(stdout).toContain('promises.yaml: 0 errors, 0 warnings');
  });

  test('every problem of an invalid catalog, exit 1', async () => {
    const { code, stdout } = await run('lint', 'invalid.yaml');
    expect(code).toBe(1);
    expect(stdout).toContain('error errors.lower_key: key must be UPPER_SNAKE');
    expect(stdout).toContain('error errors.DUP.code: duplicate code 1, already used by lower_key');
    expect(stdout).toContain(
      'error errors.DUP.status: must be an integer HTTP status from 100 to 599, got 700',
    );
    expect(stdout).toContain("error errors.DUP.message: unclosed '{'");
    expect(stdout).toContain('invalid.yaml: 4 errors, 0 warnings');
  });

  test('style findings are warnings; --strict fails on them; --format json', async () => {
    const { code, stdout } = await run('lint', join(fixtures, 'promises.catalog.ts'), '--format', 'json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.errors).toBe(0);
    expect(report.findings).toEqual([]);
    const strict = await run('lint', join(fixtures, 'invalid.yaml'), '--strict');
    expect(strict.code).toBe(1);
  });
});

describe('errcat explain', () => {
  test('prints the entry as a person reads it', async () => {
    const { code, stdout } = await run('explain', 'promises.yaml', '4040');
    expect(code).toBe(0);
    expect(stdout).toBe(`4040  PROMISE_NOT_FOUND — Promise not found

Status:      404 Not Found
Retryable:   no
Category:    request
Message:     Promise '{id}' could not be found

Details:
  id: string — The promise id

Causes:
  - The id is misspelled
  - The promise was never created

Resolution:
  Check the id, or create the promise first.

Docs: https://docs.example.com/errors#4040
`);
  });

  test('finds by key, in any case; retry facts', async () => {
    expect((await run('explain', 'promises.yaml', 'promise_not_found')).stdout).toContain(
      '4040  PROMISE_NOT_FOUND',
    );
    expect((await run('explain', 'promises.yaml', 'SHUTTING_DOWN')).stdout).toContain(
      'Retryable:   yes; after 5s',
    );
  });

  test('an unknown code: a clear message with suggestions, exit 1', async () => {
    const { code, stderr } = await run('explain', 'promises.yaml', '4041');
    expect(code).toBe(1);
    expect(stderr).toBe(
      "errcat: Catalog 'promises.example.com' has no entry '4041'; did you mean 4040, 4001? [ERRCAT_UNKNOWN_ENTRY]\n",
    );
  });

  test('--format json', async () => {
    const entry = JSON.parse((await run('explain', 'promises.yaml', '5030', '--format', 'json')).stdout);
    expect(entry).toMatchObject({
      key: 'SHUTTING_DOWN',
      code: 5030,
      status: 503,
      retryable: true,
      retryAfter: 5,
    });
  });
});

describe('errcat render', () => {
  test('prints status, headers and body exactly as the adapters send them', async () => {
    const { code, stdout } = await run('render', 'promises.yaml', '5030', '--request-id', 'req-9');
    expect(code).toBe(0);
    expect(stdout).toBe(`HTTP/1.1 503 Service Unavailable
content-type: application/problem+json
retry-after: 5
errcat-code: 5030
x-request-id: req-9

{"type":"https://docs.example.com/errors#5030","title":"Shutting down","status":503,"detail":"Shutting down","code":5030,"retryable":true,"requestId":"req-9"}
`);
    const generated = await run('render', 'promises.yaml', '5030', '--path', '/promises/p1');
    expect(generated.stdout).toMatch(/^x-request-id: [0-9a-f-]{36}$/m);
    expect(generated.stdout).toContain('"instance":"/promises/p1"');
  });

  test('matches, byte for byte, what the errcat/node adapter sends for the same error', async () => {
    const { catalog: loaded } = await loadCatalogFile(catalog);
    const server = createServer(
      withErrors(
        () => {
          throw loaded.create('PROMISE_NOT_FOUND', { id: 'p-123' });
        },
        { catalog: loaded, logger: false },
      ),
    );
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as { port: number };
      const response = await fetch(`http://127.0.0.1:${port}/promises/p-123`, {
        headers: { 'x-request-id': 'req-7' },
      });
      const cli = JSON.parse(
        (
          await run(
            'render',
            'promises.yaml',
            '4040',
            '--request-id',
            'req-7',
            '--path',
            '/promises/p-123',
            '--format',
            'json',
          )
        ).stdout,
      );
      expect(cli.status).toBe(response.status);
      for (const [name, value] of Object.entries(cli.headers)) expect(response.headers.get(name)).toBe(value);
      expect(JSON.stringify(cli.body)).toBe(await response.text());
    } finally {
      server.close();
    }
  });

  test('--param fills typed details; the example fills the rest; --format json', async () => {
    const { stdout } = await run(
      'render',
      'promises.yaml',
      'LIMIT_OUT_OF_RANGE',
      '--param',
      'limit=5000',
      '--param',
      'max=1000',
      '--format',
      'json',
      '--request-id',
      'req-1',
    );
    expect(JSON.parse(stdout)).toEqual({
      status: 400,
      headers: { 'content-type': 'application/problem+json', 'errcat-code': '4001', 'x-request-id': 'req-1' },
      body: {
        type: 'https://docs.example.com/errors#4001',
        title: 'Limit out of range',
        status: 400,
        detail: 'limit must be between 1 and 1000, got 5000',
        code: 4001,
        retryable: false,
        requestId: 'req-1',
        details: { limit: 5000, max: 1000 },
      },
    });
    const example = JSON.parse((await run('render', 'promises.yaml', '4040', '--format', 'json')).stdout);
    expect(example.body.detail).toBe("Promise 'p-123' could not be found");
  });

  test('--profile renders in any built-in wire profile', async () => {
    const google = await run('render', 'promises.yaml', '4040', '--profile', 'google', '--format', 'json');
    expect(google.code).toBe(0);
    const rendered = JSON.parse(google.stdout);
    expect(rendered).toMatchObject({
      status: 404,
      headers: { 'content-type': 'application/json; charset=UTF-8' },
      body: { error: { code: 404, status: 'NOT_FOUND' } },
    });
    expect(rendered.body.error.details[0]).toMatchObject({
      reason: 'PROMISE_NOT_FOUND',
      metadata: { id: 'p-123' },
    });
    const legacy = await run('render', 'promises.yaml', '5030', '--profile', 'resonate-legacy');
    expect(legacy.stdout).toMatch(
      /^HTTP\/1\.1 503 Service Unavailable\ncontent-type: application\/json; charset=utf-8\n/,
    );
    expect(legacy.stdout).toContain(
      '{"error":{"code":5030,"message":"Shutting down","details":[{"@type":"ServerError"',
    );
    const rstmdb = await run('render', 'promises.yaml', '4040', '--profile', 'rstmdb', '--request-id', 'r9');
    expect(rstmdb.stdout).toContain('{"type":"response","id":"r9","status":"error","error":{"code":"4040"');
    const unknown = await run('render', 'promises.yaml', '4040', '--profile', 'nope');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown profile 'nope' (available: problem, google, jsonapi, simple");
  });

  test.each([
    [['--param', 'limit=many', '--param', 'max=1'], '--param limit must be an integer'],
    [
      ['--param', 'limit=1', '--param', 'max=1', '--param', 'strict=maybe'],
      '--param strict must be true or false',
    ],
    [['--param', 'limit'], '--param takes name=value'],
    [['--param', 'limit=1', '--param', 'max=1', '--profile', 'nope'], "unknown profile 'nope'"],
  ])('bad parameters %j fail with exit 2', async (extra, message) => {
    const { code, stderr } = await run('render', 'promises.yaml', '4001', ...extra);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  test('an entry whose example lacks a required value: render needs --param, lint reports an error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'errcat-example-'));
    await writeFile(
      join(dir, 'limits.yaml'),
      [
        'domain: limits.example.com',
        'errors:',
        '  LIMIT_OUT_OF_RANGE:',
        '    code: 4001',
        '    status: 400',
        '    title: Limit out of range',
        '    message: "limit must be between 1 and {max}, got {limit}"',
        '    details: { limit: integer, max: { type: integer, example: 1000 }, strict: boolean?, note: string? }',
        '    example: { limit: 5000, strict: "yes", extra: 1 }',
        '    causes: [A limit below 1 or above the maximum]',
        '    resolution: Send a limit in range.',
        '  NOT_ENOUGH:',
        '    code: 4002',
        '    status: 400',
        '    title: Not enough',
        '    message: "Need {count} more"',
        '    details: { count: integer }',
        '    causes: [Too few]',
        '    resolution: Send more.',
        '',
      ].join('\n'),
    );
    const missing = await runCli(dir, 'render', 'limits.yaml', 'NOT_ENOUGH');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('NOT_ENOUGH needs --param count=…');
    // A field's own example fills what the entry's example leaves out.
    const filled = await runCli(
      dir,
      'render',
      'limits.yaml',
      '4001',
      '--param',
      'strict=true',
      '--format',
      'json',
    );
    expect(JSON.parse(filled.stdout).body.details).toEqual({ limit: 5000, max: 1000, strict: true });
    const lint = await runCli(dir, 'lint', 'limits.yaml', '--format', 'json');
    expect(lint.code).toBe(1);
    const findings = JSON.parse(lint.stdout).findings.filter(
      (finding: { rule: string }) => finding.rule === 'example-cannot-render',
    );
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: 'errors.LIMIT_OUT_OF_RANGE.example',
        message: expect.stringContaining("'strict' must be boolean"),
      }),
      expect.objectContaining({
        severity: 'error',
        path: 'errors.LIMIT_OUT_OF_RANGE.example',
        message: expect.stringContaining("names 'extra', which the entry does not declare"),
      }),
      expect.objectContaining({
        severity: 'error',
        path: 'errors.NOT_ENOUGH.example',
        message: expect.stringContaining("gives no value for 'count'"),
      }),
    ]);
  });
});

describe('errcat types', () => {
  test('generates declarations equal to the committed ones (drift check)', async () => {
    const { code, stdout } = await run('types', 'promises.yaml');
    expect(code).toBe(0);
    const committed = await readFile(join(fixtures, 'promises.generated.ts'), 'utf8');
    expect(stdout).toBe(committed);
  });

  test('--out writes a file; --name must be an identifier', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'errcat-types-'));
    const out = join(dir, 'errors.ts');
    expect((await run('types', 'promises.yaml', '--name', 'Api', '--out', out)).code).toBe(0);
    expect(await readFile(out, 'utf8')).toContain('export type ApiSpec = {');
    expect((await run('types', 'promises.yaml', '--name', 'not valid')).code).toBe(2);
  });
});

describe('the errcat binary', () => {
  test('npx errcat runs the built CLI', async () => {
    const bin = join(dirname(fileURLToPath(import.meta.url)), '../bin/errcat.js');
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'explain', catalog, '4040']);
    expect(stdout).toContain('4040  PROMISE_NOT_FOUND — Promise not found');
    const failure = await promisify(execFile)(process.execPath, [bin, 'explain', catalog, '9999']).catch(
      (error) => error,
    );
    expect(failure.code).toBe(1);
    expect(failure.stderr).toContain("has no entry '9999'");
  });
});

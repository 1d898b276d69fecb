import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../../test/run-cli.js';

const v1 = `domain: shop.example.com
version: 1.0.0
docs: https://shop.example.com/errors
errors:
  ORDER_NOT_FOUND:
    code: 4040
    status: 404
    title: Order not found
    message: "Order '{id}' not found"
    details: { id: string }
  OLD_LIMIT:
    code: 4290
    status: 429
    message: Too many requests
    deprecated: true
    replacedBy: ORDER_NOT_FOUND
`;

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'errcat-diff-'));
  const files: Record<string, string> = {
    'v1.yaml': v1,
    'minor.yaml': `${v1.replace('1.0.0', '1.1.0')}  ORDER_GONE: { code: 4100, status: 410, message: Gone }\n`,
    'breaking.yaml': v1.replace('status: 404', 'status: 410').replace('Order not found\n', 'Missing order\n'),
    'trail.yaml': v1.slice(0, v1.indexOf('  OLD_LIMIT')).replace('1.0.0', '1.1.0'),
    'invalid.yaml': 'domain: shop.example.com\nerrors: { lower: { code: 1, message: x } }\n',
  };
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'core.hooksPath=/dev/null', ...args],
      {
        cwd: dir,
        stdio: 'ignore',
      },
    );
  git('init', '-q');
  await writeFile(join(dir, 'errors.yaml'), v1);
  git('add', 'errors.yaml');
  git('commit', '-q', '-m', 'v1');
  await writeFile(join(dir, 'errors.yaml'), files['breaking.yaml'] ?? '');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('errcat diff', () => {
  test('an additive change exits 0 and prints one line per change', async () => {
    const { code, stdout, stderr } = await runCli(dir, 'diff', 'v1.yaml', 'minor.yaml');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(
      [
        'v1.yaml → minor.yaml: minor',
        '  minor  ORDER_GONE (4100): added (code 4100, status 410) [entry-added]',
        '0 major, 1 minor, 0 patch; version 1.0.0 → 1.1.0 (minor) covers the changes.',
        '',
      ].join('\n'),
    );
  });

  test('a breaking change exits 1 and says so', async () => {
    const { code, stdout } = await runCli(dir, 'diff', 'v1.yaml', 'breaking.yaml');
    expect(code).toBe(1);
    expect(stdout).toContain('  major  ORDER_NOT_FOUND (4040): status 404 → 410 [status-changed]\n');
    expect(stdout).toContain('  patch  ORDER_NOT_FOUND (4040): title changed [docs-changed]\n');
    expect(stdout).toMatch(
      /1 major, 0 minor, 1 patch; version 1\.0\.0 → 1\.0\.0 \(none\) is too small: the changes need a major release\. Breaking: /,
    );
  });

  test('removing an entry along its deprecation trail exits 0', async () => {
    const { code, stdout } = await runCli(dir, 'diff', 'v1.yaml', 'trail.yaml');
    expect(code).toBe(0);
    expect(stdout).toContain(
      '  minor  OLD_LIMIT (4290): removed (code 4290) [entry-removed; accepted, was major: deprecated in the old catalog with replacedBy ORDER_NOT_FOUND]',
    );
  });

  test('--json prints the sources, the verdict and every change, and keeps the exit code', async () => {
    const { code, stdout } = await runCli(dir, 'diff', 'v1.yaml', 'breaking.yaml', '--json');
    expect(code).toBe(1);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({
      before: { source: 'v1.yaml', domain: 'shop.example.com', version: '1.0.0' },
      after: { source: 'breaking.yaml', domain: 'shop.example.com', version: '1.0.0' },
      verdict: 'major',
      breaking: true,
      counts: { major: 1, minor: 0, patch: 1 },
      version: { before: '1.0.0', after: '1.0.0', bump: 'none', sufficient: false },
    });
    expect(result.changes[0]).toEqual({
      rule: 'status-changed',
      level: 'major',
      path: 'errors.ORDER_NOT_FOUND.status',
      key: 'ORDER_NOT_FOUND',
      code: 4040,
      message: 'status 404 → 410',
      before: 404,
      after: 410,
    });
    expect((await runCli(dir, 'diff', 'v1.yaml', 'minor.yaml', '--format', 'json')).stdout).toContain(
      '"verdict": "minor"',
    );
  });

  test('--format github prints a Markdown summary with the patch changes folded', async () => {
    const { code, stdout } = await runCli(dir, 'diff', 'v1.yaml', 'breaking.yaml', '--format', 'github');
    expect(code).toBe(1);
    expect(stdout).toBe(
      [
        '### Error catalog contract: **major** — breaking changes',
        '',
        '`v1.yaml` → `breaking.yaml`: 1 major, 0 minor, 1 patch.',
        '',
        '> [!WARNING]',
        '> version 1.0.0 → 1.0.0 (none) is too small: the changes need a major release.',
        '',
        '| Level | Entry | Change | Rule |',
        '| --- | --- | --- | --- |',
        '| major | `ORDER_NOT_FOUND (4040)` | status 404 → 410 | `status-changed` |',
        '',
        '<details>',
        '<summary>1 patch-level change (documentation, server-side)</summary>',
        '',
        '| Level | Entry | Change | Rule |',
        '| --- | --- | --- | --- |',
        '| patch | `ORDER_NOT_FOUND (4040)` | title changed | `docs-changed` |',
        '',
        '</details>',
        '',
      ].join('\n'),
    );
  });

  test('no changes: exit 0, verdict none', async () => {
    const text = await runCli(dir, 'diff', 'v1.yaml', 'v1.yaml');
    expect(text).toMatchObject({
      code: 0,
      stdout:
        'v1.yaml → v1.yaml: no changes\n0 major, 0 minor, 0 patch; version 1.0.0 → 1.0.0 (none) covers the changes.\n',
    });
    expect((await runCli(dir, 'diff', 'v1.yaml', 'v1.yaml', '--format', 'github')).stdout).toContain(
      '### Error catalog contract: no changes',
    );
  });

  test('compares the committed catalog with the working copy through git:<rev>:<path>', async () => {
    const { code, stdout } = await runCli(dir, 'diff', 'git:HEAD:errors.yaml', 'errors.yaml');
    expect(code).toBe(1);
    expect(stdout).toMatch(/^git:HEAD:errors\.yaml → errors\.yaml: major\n/);
    expect(stdout).toContain('[status-changed]');
  });

  test.each([
    [['diff', 'v1.yaml'], 2, 'diff needs exactly two catalogs: <old> <new> [ERRCAT_BAD_ARGUMENT]'],
    [['diff', 'a', 'b', 'c'], 2, 'diff needs exactly two catalogs'],
    [
      ['diff', 'v1.yaml', 'v1.yaml', '--format', 'xml'],
      2,
      "--format must be text, json or github, got 'xml'",
    ],
    [
      ['diff', 'v1.yaml', 'missing.yaml'],
      1,
      "Cannot load catalog 'missing.yaml': no such file [ERRCAT_CATALOG_LOAD_FAILED]",
    ],
    [
      ['diff', 'invalid.yaml', 'v1.yaml'],
      1,
      "Cannot load catalog 'invalid.yaml': Invalid catalog 'shop.example.com'",
    ],
    [['diff', 'git:nope:errors.yaml', 'v1.yaml'], 1, "Cannot load catalog 'git:nope:errors.yaml': "],
  ])('errcat %j fails with exit %i and one line', async (argv, exit, message) => {
    const { code, stdout, stderr } = await runCli(dir, ...argv);
    expect({ code, stdout }).toEqual({ code: exit, stdout: '' });
    expect(stderr).toContain(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  test('--help shows the usage', async () => {
    const { code, stdout } = await runCli(dir, 'diff', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: errcat diff <old> <new>');
  });
});

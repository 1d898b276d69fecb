import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/run-cli.js';

const yaml = `domain: cli.example.com
name: CLI Errors
docs: https://docs.example.com/errors
x-docs: { sidebarPosition: 2 }
errors:
  PROMISE_NOT_FOUND: { code: 4040, status: 404, title: Promise not found, message: Not found }
`;

describe('errcat docs', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'errcat-docs-cmd-'));
    await writeFile(join(dir, 'catalog.yaml'), yaml);
    await writeFile(join(dir, 'broken.yaml'), yaml.replace('status: 404', 'status: four'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the site to <out>/index.html and says what it wrote', async () => {
    const run = await runCli(dir, 'docs', 'catalog.yaml', '--out', 'site', '--profiles', 'google');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^site\/index\.html: 1 errors, [\d.]+ KiB\n$/);
    const page = await readFile(join(dir, 'site', 'index.html'), 'utf8');
    expect(page).toContain('<h1>CLI Errors</h1>');
    expect(page).toContain('"profiles":["problem","google"]');
  });

  it('writes Markdown named after the docs URL, with the sidebar position given', async () => {
    const argv = ['docs', 'catalog.yaml', '--format', 'markdown', '--out', 'md', '--sidebar-position', '5'];
    const run = await runCli(dir, ...argv);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^md\/errors\.md: 1 errors/);
    expect(await readFile(join(dir, 'md', 'errors.md'), 'utf8')).toContain('sidebar_position: 5\n');
  });

  it('fails in one line on bad usage or a bad catalog', async () => {
    const cases: [string[], number, string][] = [
      [['docs', 'catalog.yaml'], 2, 'docs needs --out <dir>'],
      [['docs', '--out', 'x'], 2, 'docs needs a catalog path'],
      [
        ['docs', 'catalog.yaml', '--out', 'x', '--format', 'pdf'],
        2,
        "--format must be 'html' or 'markdown', got 'pdf'",
      ],
      [
        ['docs', 'catalog.yaml', '--out', 'x', '--sidebar-position', 'top'],
        2,
        '--sidebar-position must be a number',
      ],
      [['docs', 'catalog.yaml', '--out', 'x', '--profiles', 'nope'], 1, 'nope'],
      [['docs', 'broken.yaml', '--out', 'x'], 1, 'errors.PROMISE_NOT_FOUND.status'],
      [['docs', 'missing.yaml', '--out', 'x'], 1, 'no such file'],
    ];
    for (const [argv, code, message] of cases) {
      const run = await runCli(dir, ...argv);
      expect(run.code, argv.join(' ')).toBe(code);
      expect(run.stderr, argv.join(' ')).toContain(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

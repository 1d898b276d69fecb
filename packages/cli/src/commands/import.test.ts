import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import { runCli } from '../../test/run-cli.js';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '../..');
let dir: string;

const page = `# Shop errors

Errors of the shop API.

## Request Errors (4000-4999)

Retrying the same request will fail repeatedly unless changed.

### 4040
The order could not be found.

### 4090
An order with this id already exists.
`;

beforeAll(async () => {
  // Inside the package, so that a TypeScript catalog written here resolves 'errcat' (.errcat-tmp is ignored).
  await mkdir(join(packageDir, '.errcat-tmp'), { recursive: true });
  dir = await mkdtemp(join(packageDir, '.errcat-tmp', 'import-'));
  await writeFile(join(dir, 'errors.md'), page);
  await writeFile(join(dir, 'empty.md'), '# Hello\n\nNo codes here.\n');
  await writeFile(join(dir, 'bad-openapi.yaml'), 'openapi: 3.1.0\npaths: 12\n');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('errcat import', () => {
  test('prints a YAML catalog that errcat lint accepts, and says what it guessed on standard error', async () => {
    const { code, stdout, stderr } = await runCli(dir, 'import', 'errors.md');
    expect(code).toBe(0);
    expect(stdout).toContain('  ERROR_4040:\n    code: 4040\n    status: 404\n');
    expect(stdout).toContain('range: [4000, 4999]');
    expect(stderr).toContain('errcat: imported 2 entries and 1 category from errors.md');
    await writeFile(join(dir, 'printed.yaml'), stdout);
    expect((await runCli(dir, 'lint', 'printed.yaml')).code).toBe(0);
    expect((await runCli(dir, 'import', 'errors.md')).stdout).toBe(stdout);
  });

  test('--out writes YAML, JSON or TypeScript by its extension (or --ts); each lints clean', async () => {
    for (const out of ['catalog.yaml', 'catalog.json', 'catalog.ts']) {
      const run = await runCli(dir, 'import', 'errors.md', '--out', out);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe('');
      expect((await runCli(dir, 'lint', out)).code).toBe(0);
    }
    expect(await readFile(join(dir, 'catalog.ts'), 'utf8')).toContain(
      'export const catalog = defineCatalog({',
    );
    expect((await runCli(dir, 'import', 'errors.md', '--ts')).stdout).toMatch(
      /^import \{ defineCatalog \} from 'errcat';/,
    );
  });

  test('--merge appends what is new and leaves every existing entry byte for byte', async () => {
    const existing = [
      'domain: shop',
      '# Hand-written: keep this comment.',
      'errors:',
      '  ORDER_NOT_FOUND:',
      '    code: 4040',
      '    status: 404',
      '    message: "Order {id} not found"   # a comment',
      '    details: { id: { type: string, example: order-42 } }',
      '',
    ].join('\n');
    await writeFile(join(dir, 'existing.yaml'), existing);
    const { code, stdout } = await runCli(
      dir,
      'import',
      'errors.md',
      '--merge',
      'existing.yaml',
      '--format',
      'json',
    );
    expect(code).toBe(0);
    const summary = JSON.parse(stdout) as { merge: { added: string[]; kept: number[] }; catalog: string };
    expect(summary.merge).toMatchObject({ added: ['ERROR_4090'], kept: [4040], categories: ['request'] });
    const merged = summary.catalog;
    const before = parseDocument(existing);
    const after = parseDocument(merged);
    const source = (text: string, node: unknown): string => {
      const range = (node as { range: [number, number] }).range;
      return text.slice(range[0], range[1]);
    };
    expect(source(merged, after.getIn(['errors', 'ORDER_NOT_FOUND'], true))).toBe(
      source(existing, before.getIn(['errors', 'ORDER_NOT_FOUND'], true)),
    );
    expect(merged).toContain('# Hand-written: keep this comment.\nerrors:\n  ORDER_NOT_FOUND:');
    await writeFile(join(dir, 'merged.yaml'), merged);
    expect((await runCli(dir, 'lint', 'merged.yaml')).code).toBe(0);
    const again = await runCli(dir, 'import', 'errors.md', '--merge', 'merged.yaml');
    expect(again.stdout).toBe(merged);
  });

  test.each([
    ['openapi/orders-3.1.yaml', [], 'openapi'],
    ['responses/showcase-rstmdb', ['--from-responses'], 'responses'],
  ])('%s: the colleague sources run through the same command', async (fixture, flags, kind) => {
    const path = join(packageDir, 'test/fixtures/import', fixture);
    const { code, stdout } = await runCli(dir, 'import', ...flags, path, '--format', 'json');
    expect(code).toBe(0);
    const summary = JSON.parse(stdout) as { kind: string; entries: string[]; lint: { errors: number } };
    expect(summary.kind).toBe(kind);
    expect(summary.entries.length).toBeGreaterThan(0);
    expect(summary.lint.errors).toBe(0);
  });

  test('--format json prints a summary for scripts', async () => {
    const { code, stdout } = await runCli(
      dir,
      'import',
      'errors.md',
      '--out',
      'summary.yaml',
      '--format',
      'json',
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      source: 'errors.md',
      kind: 'page',
      language: 'yaml',
      out: 'summary.yaml',
      entries: ['ERROR_4040', 'ERROR_4090'],
      categories: ['request'],
      lint: { errors: 0 },
    });
  });

  test.each([
    [['missing.md'], "Cannot import 'missing.md': no such file or directory [ERRCAT_IMPORT_FAILED]"],
    [['empty.md'], "Cannot import 'empty.md': no error codes found in this Markdown page"],
    [['.'], "Cannot import '.': is a directory"],
    [['errors.md', '--merge', 'nowhere.yaml'], "Cannot load catalog 'nowhere.yaml': no such file"],
    [['bad-openapi.yaml'], "Cannot import 'bad-openapi.yaml': "],
    [['--from-responses', 'errors.md'], "Cannot import 'errors.md': not a directory"],
  ])('bad input %j: one line on standard error, exit 1', async (argv, message) => {
    const { code, stdout, stderr } = await runCli(dir, 'import', ...argv);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  test.each([
    [[], 'import needs one source'],
    [['a.md', 'b.md'], 'import needs one source'],
    [['errors.md', '--from-responses', 'dir'], 'import needs one source'],
    [['errors.md', '--bogus'], "Unknown option '--bogus'"],
    [['errors.md', '--format', 'xml'], "--format must be text or json, got 'xml'"],
    [['errors.md', '--ts', '--merge', 'existing.yaml'], '--merge writes the YAML catalog'],
  ])('usage mistake %j: exit 2', async (argv, message) => {
    const { code, stderr } = await runCli(dir, 'import', ...argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});

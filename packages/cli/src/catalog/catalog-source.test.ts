import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errcatErrors } from 'errcat';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadCatalogSource, readCatalogSource } from './catalog-source.js';

const v1 =
  'domain: shop.example.com\nversion: 1.0.0\nerrors:\n  GONE: { code: 4100, status: 410, message: Gone }\n';
const v2 = v1.replace('1.0.0', '1.1.0');

let repo: string;
let outside: string;

function git(...args: string[]): void {
  execFileSync(
    'git',
    [
      '-c',
      'user.name=errcat',
      '-c',
      'user.email=errcat@example.com',
      '-c',
      'core.hooksPath=/dev/null',
      ...args,
    ],
    {
      cwd: repo,
      stdio: 'ignore',
    },
  );
}

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'errcat-git-'));
  outside = await mkdtemp(join(tmpdir(), 'errcat-nogit-'));
  await mkdir(join(repo, 'catalogs'));
  git('init', '-q', '-b', 'main');
  await writeFile(join(repo, 'catalogs/shop.yaml'), v1);
  await writeFile(
    join(repo, 'catalogs/shop.json'),
    JSON.stringify({ domain: 'json.example.com', errors: {} }),
  );
  await writeFile(join(repo, 'catalogs/broken.yaml'), 'domain: [unclosed\n');
  await writeFile(
    join(repo, 'catalogs/invalid.yaml'),
    'domain: shop.example.com\nerrors: { lower: { code: 1, message: x } }\n',
  );
  git('add', '.');
  git('commit', '-q', '-m', 'v1');
  git('tag', 'v1');
  await writeFile(join(repo, 'catalogs/shop.yaml'), v2);
  git('commit', '-q', '-am', 'v2');
});

afterAll(async () => {
  await rm(repo, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

/** The one-line message of what `promise` rejects with. */
async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(errcatErrors.is(error)).toBe(true);
  return (error as Error).message;
}

describe('readCatalogSource', () => {
  test('reads a file path as before', async () => {
    expect(await readCatalogSource('catalogs/shop.yaml', repo)).toMatchObject({ version: '1.1.0' });
  });

  test('reads git:<rev>:<path> at a tag, a relative rev and HEAD', async () => {
    expect(await readCatalogSource('git:v1:catalogs/shop.yaml', repo)).toMatchObject({ version: '1.0.0' });
    expect(await readCatalogSource('git:HEAD~1:catalogs/shop.yaml', repo)).toMatchObject({
      version: '1.0.0',
    });
    expect(await readCatalogSource('git:HEAD:catalogs/shop.yaml', repo)).toMatchObject({ version: '1.1.0' });
    expect(await readCatalogSource('git:main:catalogs/shop.json', repo)).toMatchObject({
      domain: 'json.example.com',
    });
  });

  test('paths are from the repository root; ./ makes them relative to cwd', async () => {
    const sub = join(repo, 'catalogs');
    expect(await readCatalogSource('git:v1:catalogs/shop.yaml', sub)).toMatchObject({ version: '1.0.0' });
    expect(await readCatalogSource('git:v1:./shop.yaml', sub)).toMatchObject({ version: '1.0.0' });
  });

  test.each([
    ['git:nope:catalogs/shop.yaml', /^Cannot load catalog 'git:nope:catalogs\/shop\.yaml': .*nope/],
    [
      'git:v1:catalogs/missing.yaml',
      /^Cannot load catalog 'git:v1:catalogs\/missing\.yaml': path 'catalogs\/missing\.yaml' does not exist in 'v1'$/,
    ],
    [
      'git:v1:catalogs/broken.yaml',
      /^Cannot load catalog 'git:v1:catalogs\/broken\.yaml': invalid YAML at line 2, column 1: /,
    ],
    ['git:v1:catalogs/shop.ts', /a git source must be a \.yaml, \.yml or \.json file, not '\.ts'$/],
  ])('%s fails with one line naming the source', async (source, expected) => {
    const message = await failure(readCatalogSource(source, repo));
    expect(message).toMatch(expected);
    expect(message).not.toContain('\n');
  });

  test('outside a repository, git says so in one line', async () => {
    const message = await failure(readCatalogSource('git:HEAD:shop.yaml', outside));
    expect(message).toMatch(/^Cannot load catalog 'git:HEAD:shop\.yaml': not a git repository/);
  });

  test.each([
    ['git:', 'is not a git source'],
    ['git:HEAD', 'is not a git source'],
    ['git::x.yaml', 'is not a git source'],
    ['git:--output=/tmp/x:x.yaml', "a git revision cannot start with '-'"],
  ])('%s is a usage error', async (source, expected) => {
    const error = await readCatalogSource(source, repo).catch((reason: unknown) => reason);
    expect(errcatErrors.is(error, 'ERRCAT_BAD_ARGUMENT')).toBe(true);
    expect((error as Error).message).toContain(expected);
  });
});

describe('readCatalogSource: property', () => {
  test('any git: source loads or fails with one catalog error line, never a crash', async () => {
    const part = fc.string({
      unit: fc.constantFrom(
        'a',
        'v',
        '1',
        '-',
        ':',
        '/',
        '.',
        '~',
        '^',
        ' ',
        'é',
        'yaml',
        'HEAD',
        'catalogs/shop',
      ),
    });
    await fc.assert(
      fc.asyncProperty(part, async (rest) => {
        const outcome = await readCatalogSource(`git:${rest}`, repo).then(
          () => undefined,
          (error: unknown) => error,
        );
        if (outcome === undefined) return;
        expect(errcatErrors.is(outcome)).toBe(true);
        expect((outcome as Error).message).not.toContain('\n');
      }),
      { numRuns: 60 },
    );
  });
});

describe('loadCatalogSource', () => {
  test('validates, and an invalid catalog names its source', async () => {
    expect((await loadCatalogSource('git:v1:catalogs/shop.yaml', repo)).version).toBe('1.0.0');
    const message = await failure(loadCatalogSource('git:v1:catalogs/invalid.yaml', repo));
    expect(message).toMatch(
      /^Cannot load catalog 'git:v1:catalogs\/invalid\.yaml': Invalid catalog 'shop\.example\.com': errors\.lower/,
    );
  });
});

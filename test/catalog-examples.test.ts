// Every entry of every catalog in catalogs/ and examples/ renders with `errcat render <catalog> <key>`
// and no --param, in the catalog's own profile, and shows only the entry's own details: its example
// values, never a field or a placeholder lent by the base role it plays. Lint agrees (no entry's
// example fails to render), and the rstmdb examples are the seed's own.
import { readdirSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import {
  buildDocsModel,
  lintCatalog,
  loadCatalogFile,
  main,
  readCatalogSpec,
  renderMarkdown,
} from '@errcat/cli';
import type { CatalogEntry, FieldMap } from 'errcat';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, readSeed, SEEDS_DIR } from '../test-support/seed-catalogs.js';

/** The catalog files under catalogs/ and the catalog modules of each example under examples/. */
function catalogFiles(): string[] {
  const seeds = readdirSync(join(REPO_ROOT, 'catalogs'))
    .filter((name) => /\.(ya?ml|json)$/.test(name))
    .map((name) => `catalogs/${name}`);
  const examples = readdirSync(join(REPO_ROOT, 'examples')).flatMap((example) => {
    const dir = join(REPO_ROOT, 'examples', example, 'src', 'catalog');
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return [];
    }
    return names
      .filter((name) => name.endsWith('-catalog.ts') && !name.endsWith('.test.ts'))
      .map((name) => relative(REPO_ROOT, join(dir, name)));
  });
  return [...seeds, ...examples];
}

const FILES = catalogFiles();

/** Runs the CLI in-process from the repository root. */
async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    cwd: REPO_ROOT,
    stdin: async () => '',
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

/** The public details the entry itself declares (its own field map, else its message parameters). */
function ownPublicFields(entry: CatalogEntry): Set<string> {
  const own = entry.spec.details as FieldMap | undefined;
  if (own === undefined) return new Set([...entry.template.required, ...entry.template.optional]);
  return new Set(
    Object.entries(own)
      .filter(([, declaration]) => typeof declaration === 'string' || declaration.internal !== true)
      .map(([name]) => name),
  );
}

/**
 * What the entry's example shows: the public fields its own `example` names (an entry without
 * details of its own may name a field its role lends), then its own fields' examples. Never a
 * value the entry's example does not give: no role example, no placeholder.
 */
function expectedDetails(entry: CatalogEntry): Record<string, unknown> {
  const own = ownPublicFields(entry);
  const expected: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(entry.example ?? {})) {
    if (own.has(name) || (entry.spec.details === undefined && entry.publicFields?.has(name)))
      expected[name] = value;
  }
  for (const field of entry.fields ?? []) {
    if (own.has(field.name) && expected[field.name] === undefined && field.spec.example !== undefined)
      expected[field.name] = field.spec.example;
  }
  return expected;
}

/** The value at `path` in parsed JSON, or `undefined`. */
function at(value: unknown, ...path: readonly (string | number)[]): unknown {
  let current = value;
  for (const step of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}

/** Where each profile puts the details object; the Resonate profiles carry none. */
const DETAILS_AT: Record<string, readonly (string | number)[]> = {
  problem: ['details'],
  simple: ['error', 'details'],
  'simple-flat': ['details'],
  jsonapi: ['errors', 0, 'meta', 'details'],
  rstmdb: ['error', 'details'],
};

/**
 * The file to render a catalog's entries from: a YAML or JSON catalog itself; for a module, its
 * spec written once as JSON (the same data: loading the module again per entry would take seconds).
 */
async function renderable(file: string): Promise<string> {
  if (!file.endsWith('.ts')) return file;
  const { catalog } = await loadCatalogFile(file, REPO_ROOT);
  const json = JSON.stringify(catalog.spec);
  expect(JSON.parse(json), 'the module spec is plain data').toEqual(catalog.spec);
  const dir = await mkdtemp(join(tmpdir(), 'errcat-catalog-'));
  const out = join(dir, `${basename(file, '.ts')}.json`);
  await writeFile(out, json);
  return out;
}

describe.each(FILES)('%s', (file) => {
  it('every entry renders with no --param in its own profile, showing only its own details', async () => {
    const { catalog } = await loadCatalogFile(file, REPO_ROOT);
    const profile = catalog.spec.profile ?? 'problem';
    const source = await renderable(file);
    expect(catalog.entries.length).toBeGreaterThan(0);
    for (const entry of catalog.entries) {
      const rendered = await cli('render', source, entry.key, '--format', 'json', '--request-id', 'r1');
      expect({ key: entry.key, code: rendered.code, stderr: rendered.stderr }).toEqual({
        key: entry.key,
        code: 0,
        stderr: '',
      });
      // No placeholder and no unfilled parameter.
      expect(rendered.stdout, entry.key).not.toMatch(/"<\w+>"|\{[A-Za-z_]\w*\}/);
      const output: unknown = JSON.parse(rendered.stdout);
      const expected = expectedDetails(entry);
      const body = at(output, 'body');
      if (body === undefined) {
        // An entry without a status never crosses HTTP: render shows the error an SDK raises.
        expect(at(output, 'error', 'details') ?? {}, entry.key).toEqual(expected);
        continue;
      }
      const path = DETAILS_AT[profile];
      if (path) expect(at(body, ...path) ?? {}, entry.key).toEqual(expected);
      // Whatever the own profile carries, the view holds exactly the entry's own example details.
      const problem = await cli('render', source, entry.key, '--format', 'json', '--profile', 'problem');
      expect(at(JSON.parse(problem.stdout), 'body', 'details') ?? {}, entry.key).toEqual(expected);
    }
  });

  it.runIf(file.endsWith('.ts'))('the module itself renders with errcat render', async () => {
    const { catalog } = await loadCatalogFile(file, REPO_ROOT);
    const entry =
      catalog.entries.find((candidate) => candidate.role === 'RATE_LIMITED') ?? catalog.entries[0];
    const rendered = await cli('render', file, String(entry?.key), '--format', 'json');
    expect(rendered.code).toBe(0);
  });

  it("the docs examples (site and Markdown) show only the entry's own details", async () => {
    const { catalog } = await loadCatalogFile(file, REPO_ROOT);
    const model = buildDocsModel(catalog);
    const docsEntries = model.groups.flatMap((group) => group.entries);
    expect(docsEntries.length).toBe(catalog.entries.length);
    for (const docsEntry of docsEntries) {
      const entry = catalog.entry(docsEntry.key) as CatalogEntry;
      if (docsEntry.example)
        expect(docsEntry.example.view.details, entry.key).toEqual(expectedDetails(entry));
    }
    // The Markdown's example responses carry no placeholder (`"<policy>"`, say) either.
    const responses = renderMarkdown(model).match(/```http\n[\s\S]*?```/g) ?? [];
    expect(responses.length).toBeGreaterThan(0);
    for (const response of responses) expect(response).not.toMatch(/"<\w+>"/);
  });

  it('lint reports no entry whose example cannot render', async () => {
    const findings = lintCatalog(await readCatalogSpec(file, REPO_ROOT));
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  });
});

it('covers the seed catalogs and the showcase', () => {
  expect(FILES).toEqual(
    expect.arrayContaining([
      'catalogs/rstmdb.yaml',
      'catalogs/devdocs.yaml',
      'catalogs/api-reference.yaml',
      'examples/promises/src/catalog/promises-catalog.ts',
    ]),
  );
});

it('role entries without details of their own render none (CONFLICT, 429s)', async () => {
  const cases = [
    ['catalogs/rstmdb.yaml', 'CONFLICT', { expected_offset: 100, actual_offset: 105 }],
    ['catalogs/rstmdb.yaml', 'RATE_LIMITED', undefined],
    ['catalogs/api-reference.yaml', 'CONCURRENT_MODIFICATION', undefined],
    ['catalogs/devdocs.yaml', 'TOOLIMITED-429', undefined],
  ] as const;
  for (const [file, key, details] of cases) {
    const { code, stdout } = await cli('render', file, key, '--format', 'json');
    expect(code, key).toBe(0);
    expect(at(JSON.parse(stdout), 'body', 'error', 'details'), key).toEqual(details);
  }
});

describe.skipIf(SEEDS_DIR === undefined)('seed examples (skipped: ../shared/seeds not found)', () => {
  it('002 rstmdb: every example response with details renders from the catalog as the seed shows it', async () => {
    const blocks = [...readSeed('002').matchAll(/```json\n([\s\S]+?)```/g)].flatMap(([, json]) => {
      try {
        return [JSON.parse(json as string) as unknown];
      } catch {
        return []; // the batch sketch elides its results with `...`
      }
    });
    const examples = blocks
      .map((block) => at(block, 'error') as { code: string; message: string; details?: object } | undefined)
      .filter((error) => error?.details !== undefined && Object.keys(error.details).length > 0);
    expect(examples.map((error) => error?.code)).toEqual(
      expect.arrayContaining(['INSTANCE_NOT_FOUND', 'INVALID_TRANSITION', 'GUARD_FAILED', 'CONFLICT']),
    );
    for (const seed of examples) {
      const code = String(seed?.code);
      const rendered = await cli('render', 'catalogs/rstmdb.yaml', code, '--format', 'json');
      expect(rendered.code, code).toBe(0);
      const error = at(JSON.parse(rendered.stdout), 'body', 'error');
      expect({
        code: at(error, 'code'),
        message: at(error, 'message'),
        details: at(error, 'details'),
      }).toEqual({ code, message: seed?.message, details: seed?.details });
    }
  });
});

// The five seed references (../shared/seeds) against the catalogs made from them: every code, message,
// description, cause and resolution a seed lists must be in its catalog. The codes are read from
// the seed text with small patterns, so a code left out of a catalog fails here.
import { type Catalog, type CatalogEntry, CatalogError, validateCatalog } from 'errcat';
import { describe, expect, it } from 'vitest';
import { loadSeedCatalog, readSeed, SEED_CATALOGS, SEEDS_DIR } from '../test-support/seed-catalogs.js';

/** Whitespace collapsed, for comparing prose that the seeds wrap differently. */
const norm = (text: string): string => text.replace(/\s+/g, ' ').trim();
/** Lower case letters and digits only, for seeds whose markup glued words together. */
const squash = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Everything a reader of the docs sees about an entry. */
function entryText(entry: CatalogEntry): string {
  return [entry.title, entry.template.source, entry.description, ...entry.causes, entry.resolution].join(' ');
}

/** The words of `seed` that `text` lacks; empty when the text says everything the seed says. */
function missingWords(seed: string, text: string): string[] {
  const haystack = squash(text);
  return seed
    .split(/\s+/)
    .map(squash)
    .filter((word) => word !== '' && !haystack.includes(word));
}

/** A regular expression matching every rendering of a message template (parameters as wildcards). */
function templatePattern(source: string): RegExp {
  let pattern = '';
  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string;
    if ('{}[]'.includes(char) && source[i + 1] === char) {
      pattern += `\\${char}`;
      i++;
    } else if (char === '{') {
      i = source.indexOf('}', i);
      pattern += '(.+?)';
    } else if (char === '[') pattern += '(?:';
    else if (char === ']') pattern += ')?';
    else pattern += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${pattern}$`);
}

function entryByCode(catalog: Catalog, code: string | number): CatalogEntry {
  const entry = catalog.entries.find((candidate) => candidate.code === code);
  expect(entry, `code ${String(code)} is in catalog ${catalog.domain}`).toBeDefined();
  return entry as CatalogEntry;
}

/** The message an entry renders with the given details. */
function render(entry: CatalogEntry, details: Record<string, unknown>): string {
  return new CatalogError(entry, details).message;
}

describe('seed catalogs load', () => {
  it.each(SEED_CATALOGS)('%s parses and passes validation', (name) => {
    const { data, catalog } = loadSeedCatalog(name);
    expect(validateCatalog(data)).toEqual([]);
    expect(catalog.entries.length).toBeGreaterThan(0);
  });

  it.each(SEED_CATALOGS)(
    '%s documents every entry: title (a heading: no final period), causes, resolution',
    (name) => {
      const { catalog } = loadSeedCatalog(name);
      for (const entry of catalog.entries) {
        expect(entry.spec.title, entry.key).toBeTruthy();
        expect(entry.causes.length, entry.key).toBeGreaterThan(0);
        expect(entry.resolution, entry.key).toBeTruthy();
        expect(entry.title, entry.key).not.toMatch(/\.\s*$/);
      }
    },
  );

  it.each(SEED_CATALOGS)('%s has an example for every entry whose message needs a parameter', (name) => {
    const { catalog } = loadSeedCatalog(name);
    for (const entry of catalog.entries.filter((candidate) => candidate.template.required.length > 0)) {
      expect(entry.example, entry.key).toBeDefined();
      expect(render(entry, { ...entry.example }), entry.key).not.toMatch(/\{[A-Za-z_]\w*\}/);
    }
  });
});

describe.skipIf(SEEDS_DIR === undefined)('seed references (skipped: ../shared/seeds not found)', () => {
  it('000 Resonate legacy: every code, its description, status and category', () => {
    const seed = readSeed('000');
    const { catalog } = loadSeedCatalog('resonate-legacy');
    const ranges = [...seed.matchAll(/^## (\w+) Errors \((\d+)-(\d+)\)$/gm)];
    expect(ranges).toHaveLength(2);
    for (const [, title, from, to] of ranges) {
      const [name, category] = Object.entries(catalog.spec.categories ?? {}).find(
        ([, candidate]) => candidate.title === `${title} Errors`,
      ) ?? [undefined, undefined];
      expect(category?.range, `category ${title}`).toEqual([Number(from), Number(to)]);
      expect(category?.retryable).toBe(name === 'server');
    }
    const sections = [...seed.matchAll(/^### (\d{4})\n([\s\S]+?)(?=\n#|(?![\s\S]))/gm)];
    const sectionsFound = [...seed.matchAll(/^### (\d{4})$/gm)];
    expect(sections.length).toBe(sectionsFound.length);
    expect(sections.length).toBeGreaterThanOrEqual(15);
    for (const [, code, body] of sections) {
      const entry = entryByCode(catalog, Number(code));
      expect(norm(entry.description ?? '')).toContain(norm(body as string));
      expect(entry.status).toBe(Math.floor(Number(code) / 10));
      expect(entry.docs).toBe(`https://docs.resonatehq.io/reference/error-codes#${code}`);
      expect(entry.retryable).toBe(Number(code) >= 5000);
    }
    expect(catalog.entries.map((entry) => String(entry.code)).sort()).toEqual(
      sections.map(([, code]) => code).sort(),
    );
  });

  it('001 Resonate server v0.9.5: every status with its causes', () => {
    const seed = readSeed('001');
    const { catalog } = loadSeedCatalog('resonate');
    const sections = [...seed.matchAll(/^(\d{3}) — (.+)#\n([\s\S]+?)(?=\n(?:\d{3} — |[A-Z][\w ]+#\n))/gm)];
    expect(sections.map(([, status]) => status)).toEqual(['400', '401', '403', '404', '409', '422', '500']);
    for (const [, status, title, body] of sections) {
      const entry = entryByCode(catalog, Number(status));
      expect(entry.status).toBe(Number(status));
      expect(entry.title).toBe(title);
      expect(entry.retryable).toBe(Number(status) >= 500);
      const text = (body as string).replace(/Common (causes|cases):/g, '');
      expect(missingWords(text, entryText(entry)), `${status} covers the seed`).toEqual([]);
    }
  });

  it('001 Resonate Python SDK: every store sub-code and exception', () => {
    const seed = readSeed('001');
    const { catalog } = loadSeedCatalog('resonate');
    const subCodes = [...seed.matchAll(/(100\.\d+)— (.+?)(?=100\.\d|\n)/g)];
    expect(subCodes.length).toBe(6);
    for (const [, code, meaning] of subCodes) {
      const entry = entryByCode(catalog, code as string);
      expect(entry.extensions.python).toEqual({ exception: 'ResonateStoreError' });
      expect(missingWords(meaning as string, entryText(entry)), code).toEqual([]);
    }
    const classes = [
      ...seed.matchAll(
        /^(Resonate\w+Error) \(codes? ([\d.x]+)\)#\n([\s\S]+?)(?=\n\S+ \(code|\nTypeScript SDK)/gm,
      ),
    ];
    expect(classes.map(([, name]) => name)).toEqual([
      'ResonateStoreError',
      'ResonateCanceledError',
      'ResonateTimedoutError',
      'ResonateShutdownError',
    ]);
    for (const [, exception, code, body] of classes) {
      const entries = catalog.entries.filter(
        (entry) => (entry.extensions.python as { exception?: string } | undefined)?.exception === exception,
      );
      if (code === '100.x') expect(entries.map((entry) => entry.code)).toEqual(subCodes.map(([, c]) => c));
      else expect(entries.map((entry) => entry.code)).toEqual([Number(code)]);
      const text = (body as string).replace(/Common sub-codes:\n.*\n/, '');
      expect(missingWords(text, entries.map(entryText).join(' ')), exception).toEqual([]);
      for (const entry of entries) expect(entry.category).toBe('python-sdk');
    }
  });

  it('001 Resonate TypeScript SDK: every code with its key and message template', () => {
    const seed = readSeed('001');
    const { catalog } = loadSeedCatalog('resonate');
    const [, from, to] = seed.match(/TypeScript SDK errors#\nRange: (\d+) - (\d+)/) ?? [];
    expect(catalog.spec.categories?.['typescript-sdk']?.range).toEqual([Number(from), Number(to)]);
    const codes = [...seed.matchAll(/^(1\d{3})#\n([A-Z_]+)\n(.+)$/gm)];
    expect(codes.length).toBe(12);
    for (const [, code, key, message] of codes) {
      const entry = entryByCode(catalog, Number(code));
      expect(entry.key).toBe(key);
      expect(entry.declaredStatus).toBeUndefined();
      expect(entry.category).toBe('typescript-sdk');
      // The seed writes parameters as x, y, u and the optional part as [ … ]; its words, final period
      // included, are the message (test/seed-messages.test.ts renders each one exactly).
      const rendered = (message as string).replace(/[[\]]/g, '');
      expect(rendered).toMatch(templatePattern(entry.template.source));
    }
  });

  it('002 rstmdb: every code with its retryable flag, category and examples', () => {
    const seed = readSeed('002');
    const { catalog } = loadSeedCatalog('rstmdb');
    const seen: string[] = [];
    for (const [, heading, body] of seed.matchAll(/^### (.+)\n([\s\S]+?)(?=\n### |\n## |(?![\s\S]))/gm)) {
      for (const [, code, retryable, description] of (body as string).matchAll(
        /^\| `([A-Z_]+)` \| (Yes|No) \| (.+?) \|$/gm,
      )) {
        const entry = entryByCode(catalog, code as string);
        seen.push(code as string);
        expect(entry.retryable, code).toBe(retryable === 'Yes');
        expect(entry.description, code).toContain(description);
        expect(catalog.spec.categories?.[entry.category ?? '']?.title, code).toBe(heading);
      }
    }
    expect(seen.length).toBe(18);
    expect(catalog.entries.map((entry) => entry.code).sort()).toEqual([...seen].sort());

    let examples = 0;
    for (const [, json] of seed.matchAll(/```json\n([\s\S]+?)```/g)) {
      let body: { error?: { code?: string; message?: string; retryable?: boolean; details?: object } };
      try {
        body = JSON.parse(json as string);
      } catch {
        continue; // the BATCH example elides results with `...`
      }
      const error = body.error;
      if (!error?.code || error.code === 'ERROR_CODE' || !error.message) continue;
      examples++;
      const entry = entryByCode(catalog, error.code);
      if (error.retryable !== undefined) expect(entry.retryable).toBe(error.retryable);
      if (error.details) {
        expect(Object.keys(error.details).every((name) => entry.fields?.some((f) => f.name === name))).toBe(
          true,
        );
        expect(render(entry, error.details as Record<string, unknown>)).toBe(error.message);
      } else {
        expect(render(entry, { ...entry.example })).toContain(error.message);
      }
    }
    expect(examples).toBe(8);
  });

  it('003 developer docs: every code with title, description, causes and resolution', () => {
    const seed = readSeed('003');
    const { catalog } = loadSeedCatalog('devdocs');
    const blocks = [
      ...seed.matchAll(
        /^([A-Z]+-(\d{3}))\n\n(.+)\n\n(.+)\n\nPossible Causes:\n\n((?: {2}• .+\n)+)\nResolution:\n\n(.+)$/gm,
      ),
    ];
    expect(blocks.length).toBe([...seed.matchAll(/^[A-Z]+-\d{3}$/gm)].length);
    expect(blocks.length).toBe(7);
    for (const [, code, status, title, description, causes, resolution] of blocks) {
      const entry = entryByCode(catalog, code as string);
      expect(entry.status).toBe(Number(status));
      expect(entry.title).toBe(title);
      expect(norm(entry.description ?? '')).toBe(description);
      expect(entry.causes).toEqual(
        (causes as string)
          .trim()
          .split(/\n\s*• /)
          .map((cause) => cause.replace(/^• /, '')),
      );
      expect(norm(entry.resolution ?? '')).toBe(resolution);
    }
    expect(catalog.entries.length).toBe(blocks.length);
  });

  it('004 API reference: statuses, sub-codes, violation types, rate limits and database codes', () => {
    const seed = readSeed('004');
    const { catalog } = loadSeedCatalog('api-reference');
    const api = catalog.entries.filter((entry) => entry.category !== 'database');
    for (const [, status, meaning, description] of seed.matchAll(/^\| (\d{3}) \| (.+?) \| (.+?) \|$/gm)) {
      if (Number(status) < 400) {
        expect(catalog.spec.description).toContain(
          `${status} ${meaning} (${(description as string).toLowerCase()})`,
        );
        continue;
      }
      const entries = api.filter((entry) => entry.status === Number(status));
      expect(entries.length, `status ${status}`).toBeGreaterThan(0);
      for (const entry of entries) {
        expect(entry.description?.toLowerCase()).toContain(
          `${meaning} (${status}): ${description}`.toLowerCase(),
        );
      }
    }
    const sections = [
      ...seed.matchAll(/^(\d{3}) [A-Z][\w ]+\n([\s\S]+?)(?=\n\d{3} [A-Z]|\nDatabase Error Codes)/gm),
    ];
    expect(sections.map(([, status]) => status)).toEqual([
      '400',
      '401',
      '403',
      '404',
      '409',
      '422',
      '429',
      '500',
      '503',
    ]);
    let subCodes = 0;
    for (const [, status, body] of sections) {
      const entries = api.filter((entry) => entry.status === Number(status));
      const [, returned] = (body as string).match(/^Returned when (.+?)\./) ?? [];
      expect(
        entries.some((entry) => entry.description?.includes(`Returned when ${returned}.`)),
        status,
      ).toBe(true);
      for (const [, cause] of (body as string).matchAll(/(?:^|Example Response:)- (.+)$/gm)) {
        expect(
          entries.flatMap((entry) => entry.causes),
          status,
        ).toContain(cause);
      }
      for (const [, name, meaning] of (body as string).matchAll(/^([a-z_]+) \| (.+?) \|$/gm)) {
        if (status === '422') {
          const [entry] = entries;
          expect(entry?.description).toContain(`\`${name}\` (${(meaning as string).toLowerCase()})`);
          expect(entry?.causes).toContain(meaning);
        } else {
          subCodes++;
          const entry = entryByCode(catalog, name as string);
          expect(entry.status).toBe(Number(status));
          expect(entry.template.source).toBe(meaning);
        }
      }
    }
    expect(subCodes).toBe(8);

    const limited = entryByCode(catalog, 'rate_limited');
    const limits = [...seed.matchAll(/^\| ([A-Za-z ]+) \| (\d+) \| (.+?) \|$/gm)];
    expect(limits.length).toBe(4);
    for (const [, endpointType, limit, window] of limits) {
      expect(limited.description).toContain(`${endpointType} ${limit} per ${window}`);
      expect(limited.extensions.rateLimits).toContainEqual({ endpointType, limit: Number(limit), window });
    }
    expect(limited.retryable && limited.throttling).toBe(true);

    expect(seed).toMatch(/requestId from the error response/);
    expect(entryByCode(catalog, 'internal_error').resolution).toContain('requestId from the error response');

    // The seed glues the unique-constraint list into one line: "email- Email already registeredname- …".
    const [, line = ''] = seed.match(/Unique Constraint Violations\nExample Response:(.+)$/m) ?? [];
    const database = catalog.entries.filter((entry) => entry.category === 'database');
    expect(database.length).toBe(line.split('- ').length - 1);
    for (const entry of database) {
      const column = entry.spec.database?.column;
      expect(entry.spec.database?.violation).toBe('unique');
      expect(line).toContain(`${column}- ${entry.template.source}`);
    }
  });
});

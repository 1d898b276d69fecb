// The JSON Schema of the YAML/JSON catalog form (packages/errcat/catalog.schema.json): it accepts the
// seed catalogs, rejects what validateCatalog rejects, and agrees with it on keys and statuses.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { MAX_KEY_LENGTH, validateCatalog } from 'errcat';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// KEY_PATTERN is internal (no entry exports it); the schema must agree with the source's own.
import { KEY_PATTERN } from '../packages/errcat/src/validate-catalog.js';
import { loadSeedCatalog, REPO_ROOT, SEED_CATALOGS } from '../test-support/seed-catalogs.js';

const schema: object = JSON.parse(
  readFileSync(join(REPO_ROOT, 'packages/errcat/catalog.schema.json'), 'utf8'),
);
const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true });
const validate = ajv.compile(schema);

const valid = {
  domain: 'api.example.com',
  errors: {
    PROMISE_NOT_FOUND: {
      code: 4040,
      status: 404,
      message: "Promise '{id}' not found",
      details: { id: 'string' },
    },
  },
};
type Spec = typeof valid & Record<string, unknown>;
const withEntry = (entry: Record<string, unknown>): Spec =>
  ({ ...valid, errors: { PROMISE_NOT_FOUND: entry } }) as Spec;
const entry = valid.errors.PROMISE_NOT_FOUND;

describe('catalog.schema.json', () => {
  it('is a valid draft 2020-12 schema that Ajv compiles in strict mode', () => {
    expect(ajv.validateSchema(schema)).toBe(true);
    expect((schema as { $schema: string }).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it.each(SEED_CATALOGS)('accepts the seed catalog %s', (name) => {
    const { data } = loadSeedCatalog(name);
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  });

  it('accepts every field of the authoring format and x- extension fields', () => {
    const full = {
      $schema: './catalog.schema.json',
      domain: 'api.example.com',
      name: 'Example',
      description: 'All of it',
      version: '1.2.0',
      docs: 'https://example.com/errors/{code}',
      profile: 'problem',
      stack: 'never',
      'x-owner': 'team-a',
      categories: {
        request: { title: 'Request', description: 'd', range: [4000, 4999], retryable: false, 'x-a': 1 },
      },
      errors: {
        OLD_NOT_FOUND: {
          code: 4041,
          message: 'Gone',
          deprecated: 'use PROMISE_NOT_FOUND',
          replacedBy: 'PROMISE_NOT_FOUND',
          database: { violation: 'unique', column: 'tenant, sku', constraint: 'sku_tenant', table: 'items' },
        },
        PROMISE_NOT_FOUND: {
          code: 4040,
          status: 404,
          title: 'Promise not found',
          message: "Promise '{id}' not found[ in '{store}']",
          description: 'd',
          details: {
            id: { type: 'string', description: 'The id', format: 'uuid', example: 'p1', 'x-db': 'id' },
            store: 'string?',
            tags: { type: 'array', items: 'string', optional: true },
            kind: { type: 'string', enum: ['a', 'b'], internal: true, optional: true },
          },
          causes: ['c'],
          resolution: 'r',
          category: 'request',
          docs: 'https://example.com/errors#promise-not-found',
          expose: true,
          logLevel: 'warn',
          retryable: false,
          throttling: false,
          notApplied: true,
          retryAfter: 1.5,
          headers: { 'x-reason': 'missing' },
          since: '1.0.0',
          deprecated: false,
          replacedBy: ['OLD_NOT_FOUND'],
          messages: { de: "Promise '{id}' nicht gefunden" },
          titles: { de: 'Promise nicht gefunden' },
          example: { id: 'p1' },
          stack: false,
          role: 'NOT_FOUND',
          extensions: { google: { reason: 'NOT_FOUND' } },
          'x-note': 'anything',
        },
      },
    };
    expect(validate(full), JSON.stringify(validate.errors)).toBe(true);
    expect(validateCatalog(full)).toEqual([]);
  });

  const invalid: [string, unknown][] = [
    ['no domain', { errors: valid.errors }],
    ['a domain with spaces', { ...valid, domain: 'my api' }],
    ['no errors', { domain: 'x' }],
    ['an empty errors map', { domain: 'x', errors: {} }],
    ['an unknown catalog field', { ...valid, owner: 'me' }],
    ['a lower-case key', { ...valid, errors: { promise_not_found: entry } }],
    ['a key longer than 63 characters', { ...valid, errors: { [`A${'_B'.repeat(40)}`]: entry } }],
    ['an entry without a message', withEntry({ code: 1 })],
    ['an entry without a code', withEntry({ message: 'm' })],
    ['a blank message', withEntry({ code: 1, message: '  ' })],
    ['a code with spaces', withEntry({ code: 'AUTH 401', message: 'm' })],
    ['a status of 700', withEntry({ ...entry, status: 700 })],
    ['a fractional status', withEntry({ ...entry, status: 404.5 })],
    ['an unknown entry field', withEntry({ ...entry, severity: 'high' })],
    ['a docs URL that is not http(s)', withEntry({ ...entry, docs: 'ftp://example.com' })],
    ['a catalog docs value that is no URL', { ...valid, docs: 'see the wiki' }],
    ['a details field of unknown type', withEntry({ ...entry, details: { id: 'strin' } })],
    ['a reserved details field', withEntry({ ...entry, details: { id: 'string', cause: 'string' } })],
    ['internalFields in YAML', withEntry({ ...entry, internalFields: ['id'] })],
    ['a negative retryAfter', withEntry({ ...entry, retryAfter: -1 })],
    ['a log level pino lacks', withEntry({ ...entry, logLevel: 'verbose' })],
    ['causes that are not strings', withEntry({ ...entry, causes: [1] })],
    ['headers that are not strings', withEntry({ ...entry, headers: { 'retry-after': 5 } })],
    ['a lower-case role', withEntry({ ...entry, role: 'not_found' })],
    ['an unknown violation kind', withEntry({ ...entry, database: { violation: 'uniq', column: 'email' } })],
    ['a database binding naming only its kind', withEntry({ ...entry, database: { violation: 'unique' } })],
    ['a column that is no name', withEntry({ ...entry, database: { violation: 'unique', column: 'a b' } })],
    [
      'an unknown database binding field',
      withEntry({ ...entry, database: { violation: 'unique', column: 'email', field: 'email' } }),
    ],
    [
      'a database binding with a role',
      withEntry({ ...entry, role: 'UNIQUE_VIOLATION', database: { violation: 'unique', column: 'email' } }),
    ],
    ['a range with three numbers', { ...valid, categories: { r: { range: [1, 2, 3] } } }],
    ['an unknown category field', { ...valid, categories: { r: { retry: true } } }],
    ['an unknown stack rule', { ...valid, stack: 'sometimes' }],
  ];

  it.each(invalid)('rejects %s, as validateCatalog does', (_name, spec) => {
    expect(validate(spec)).toBe(false);
    expect(validateCatalog(spec).length).toBeGreaterThan(0);
  });

  it('agrees with validateCatalog on entry keys', () => {
    const keyLike = fc.oneof(
      fc.string({ maxLength: 70 }),
      fc.stringMatching(/^[A-Z][A-Z0-9_]{0,70}$/),
      fc.array(fc.constantFrom('A', 'Z', '0', '9', '_'), { maxLength: 70 }).map((chars) => chars.join('')),
    );
    fc.assert(
      fc.property(keyLike, (key) => {
        const spec = { ...valid, errors: { [key]: entry } };
        const expected = KEY_PATTERN.test(key) && key.length <= MAX_KEY_LENGTH;
        expect(validate(spec)).toBe(expected);
        expect(validateCatalog(spec).length === 0).toBe(expected);
      }),
    );
  });

  it('agrees with validateCatalog on statuses and codes', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -10, max: 1000 }), fc.double({ noNaN: true, noDefaultInfinity: true })),
        fc.oneof(fc.integer(), fc.string({ maxLength: 12 })),
        (status, code) => {
          const spec = withEntry({ code, status, message: 'm' });
          expect(validate(spec)).toBe(validateCatalog(spec).length === 0);
        },
      ),
    );
  });
});

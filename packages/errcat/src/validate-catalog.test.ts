import { describe, expect, test } from 'vitest';
import { baseCatalogSpec } from './base/base-catalog.js';
import { errcatErrors } from './errcat-catalog.js';
import { validateCatalog } from './validate-catalog.js';

const entry = { code: 4040, status: 404, message: 'Promise not found' };
const valid = {
  domain: 'resonate',
  docs: 'https://docs.example.com/errors',
  errors: { PROMISE_NOT_FOUND: entry },
};

/** The problems of `valid` with `patch` applied to the catalog, or to entry PROMISE_NOT_FOUND. */
function problemsWith(patch: Record<string, unknown>, target: 'catalog' | 'entry' = 'entry') {
  const spec =
    target === 'catalog'
      ? { ...valid, ...patch }
      : { ...valid, errors: { PROMISE_NOT_FOUND: { ...entry, ...patch } } };
  return validateCatalog(spec);
}

describe("errcat's own catalogs", () => {
  // errcat's catalog is built without validation, so the browser client need not carry the
  // validator: this test is what keeps it valid.
  test("errcat's errors and the base catalog pass validation", () => {
    expect(validateCatalog(errcatErrors.spec)).toEqual([]);
    expect(validateCatalog(baseCatalogSpec)).toEqual([]);
  });
});

describe('validateCatalog', () => {
  test('accepts a valid catalog', () => {
    expect(validateCatalog(valid)).toEqual([]);
  });

  test('rejects what is not a catalog', () => {
    expect(validateCatalog(null)[0]?.message).toContain('must be an object');
    expect(validateCatalog([])[0]?.message).toContain('must be an object');
    expect(validateCatalog({ domain: 'x' })).toContainEqual({
      path: 'errors',
      message: 'must be an object with at least one entry',
    });
  });

  test.each([
    [{ domain: '' }, 'domain', 'non-empty string'],
    [{ domain: 'has space' }, 'domain', 'without spaces'],
    [{ docs: 'not a url' }, 'docs', 'absolute http(s) URL'],
    [{ docs: 'ftp://example.com' }, 'docs', 'absolute http(s) URL'],
    [{ version: 3 }, 'version', 'must be a string'],
    [{ stack: 'sometimes' }, 'stack', "'server', 'always' or 'never'"],
    [{ colour: 'red' }, 'colour', 'unknown field'],
    [{ categories: { a: { range: [5, 1] } } }, 'categories.a.range', 'from <= to'],
    [
      { categories: { a: { range: [1, 10] }, b: { range: [5, 20] } } },
      'categories.b.range',
      "overlaps the range of category 'a'",
    ],
    [{ categories: { a: { retryable: 'yes' } } }, 'categories.a.retryable', 'true or false'],
  ])('catalog field %j → %s', (patch, path, message) => {
    const problems = problemsWith(patch, 'catalog');
    expect(problems.find((p) => p.path === path)?.message).toContain(message);
  });

  test.each([
    [{ code: '' }, 'code', 'non-empty string'],
    [{ code: Number.NaN }, 'code', 'finite number'],
    [{ code: 'has space' }, 'code', 'without spaces'],
    [{ status: 700 }, 'status', 'from 100 to 599, got 700'],
    [{ status: 99 }, 'status', 'from 100 to 599'],
    [{ status: 404.5 }, 'status', 'integer HTTP status'],
    [{ message: '' }, 'message', 'non-empty string'],
    [{ message: 'Promise {id' }, 'message', "unclosed '{'"],
    [{ message: 'Promise {not valid}' }, 'message', 'malformed parameter name'],
    [{ docs: 'nope' }, 'docs', 'absolute http(s) URL'],
    [{ retryable: 'yes' }, 'retryable', 'true or false'],
    [{ logLevel: 'loud' }, 'logLevel', 'one of trace'],
    [{ retryAfter: -1 }, 'retryAfter', '0 or more'],
    [{ causes: 'one' }, 'causes', 'list of strings'],
    [{ headers: { a: 1 } }, 'headers', 'map names to strings'],
    [{ headers: { 'x-a': 'one\r\nset-cookie: b' } }, 'headers.x-a', 'visible ASCII'],
    [{ headers: { 'bad name': 'x' } }, 'headers.bad name', 'HTTP header name'],
    [{ category: 'nope' }, 'category', "no declared category: 'nope'"],
    [{ replacedBy: 'GONE' }, 'replacedBy', 'names no entry: GONE'],
    [{ retriable: true }, 'retriable', 'unknown field'],
    [{ details: { id: 'uuid' } }, 'details.id', 'must be a type name'],
    [{ details: { cause: 'string' } }, 'details.cause', 'reserved'],
    [{ details: { id: { type: 'string', optinal: true } } }, 'details.id.optinal', 'unknown field'],
    [
      { message: 'Promise {id} not found', details: { other: 'string' } },
      'message',
      "'{id}' is not a declared details field",
    ],
    [
      { message: 'Promise {id} not found', details: { id: 'string?' } },
      'message',
      'must be inside an optional segment',
    ],
    [
      { message: 'Promise {id}', details: { id: { type: 'string', internal: true } } },
      'message',
      'interpolates internal field',
    ],
    [{ messages: { de: 'Versprechen {id' } }, 'messages.de', "unclosed '{'"],
    [{ internalFields: ['x'] }, 'internalFields', 'only for Standard Schema'],
    [{ role: 'lower' }, 'role', 'UPPER_SNAKE'],
  ])('entry field %j → %s', (patch, field, message) => {
    const problems = problemsWith(patch);
    expect(problems.find((p) => p.path === `errors.PROMISE_NOT_FOUND.${field}`)?.message).toContain(message);
  });

  test('an internal field may appear in a message that is not exposed', () => {
    expect(
      problemsWith({
        status: 500,
        message: 'Disk {path} full',
        details: { path: { type: 'string', internal: true } },
      }),
    ).toEqual([]);
  });

  test('an SDK error (no status) exposes its message, as resolveEntry has it: no internal field in it', () => {
    const { status: _status, ...sdk } = entry;
    const spec = {
      ...valid,
      errors: {
        PROMISE_NOT_FOUND: {
          ...sdk,
          message: 'Disk {path} full',
          details: { path: { type: 'string', internal: true } },
        },
      },
    };
    expect(validateCatalog(spec).map((problem) => problem.path)).toEqual([
      'errors.PROMISE_NOT_FOUND.message',
    ]);
  });

  test('database names a kind of constraint violation and a column, constraint or table', () => {
    const at = 'errors.PROMISE_NOT_FOUND.database';
    const problem = (database: unknown, extra: Record<string, unknown> = {}) =>
      problemsWith({ database, ...extra }).map((p) => `${p.path}: ${p.message}`);
    expect(problem({ violation: 'unique', column: 'tenant, sku', table: 'products' })).toEqual([]);
    expect(problem({ violation: 'check', constraint: 'age_not_negative' })).toEqual([]);
    expect(problem({ violation: 'uniq', column: 'email' })).toEqual([
      `${at}.violation: must be one of unique, foreign_key, not_null, check`,
    ]);
    expect(problem({ violation: 'unique' })).toEqual([
      `${at}: must name a column, a constraint or a table besides the violation`,
    ]);
    expect(problem({ violation: 'unique', column: 'lower(email) x' })).toEqual([
      `${at}.column: must be a column name, or several separated by commas`,
    ]);
    expect(problem({ violation: 'unique', constraint: '', field: 'email' })).toEqual([
      `${at}.field: unknown field (violation, column, constraint or table)`,
      `${at}.constraint: must be a non-empty string`,
    ]);
    expect(problem('unique')).toEqual([`${at}: must be { violation, column?, constraint?, table? }`]);
    expect(problem({ violation: 'unique', column: 'email' }, { role: 'UNIQUE_VIOLATION' })).toEqual([
      `${at}: an entry answers a constraint violation in place of its role entry: drop \`role\` or \`database\``,
    ]);
    const twice = validateCatalog({
      domain: 'x',
      errors: {
        A: { ...entry, database: { violation: 'unique', column: 'tenant, sku' } },
        B: { ...entry, code: 2, database: { violation: 'unique', column: 'sku,tenant' } },
        C: { ...entry, code: 3, database: { violation: 'unique', column: 'sku', table: 'items' } },
      },
    });
    expect(twice).toEqual([{ path: 'errors.B.database', message: 'answers the same violation as A' }]);
  });

  test('keys are UPPER_SNAKE of at most 63 characters', () => {
    const bad = validateCatalog({
      domain: 'x',
      errors: { notUpper: entry, [`A${'B'.repeat(63)}`]: { ...entry, code: 2 } },
    });
    expect(bad.map((p) => p.path)).toEqual(['errors.notUpper', `errors.A${'B'.repeat(63)}`]);
    expect(validateCatalog({ domain: 'x', errors: { DOUBLE__UNDERSCORE: entry } })[0]?.message).toContain(
      'UPPER_SNAKE',
    );
  });

  test('duplicate codes are rejected, also across number and string', () => {
    const problems = validateCatalog({
      domain: 'x',
      errors: { A: entry, B: { ...entry }, C: { ...entry, code: '4040' } },
    });
    expect(problems).toEqual([
      { path: 'errors.B.code', message: 'duplicate code 4040, already used by A' },
      { path: 'errors.C.code', message: 'duplicate code 4040, already used by A' },
    ]);
  });

  test('a code outside its category range is rejected', () => {
    const problems = validateCatalog({
      domain: 'x',
      categories: { request: { range: [4000, 4999] } },
      errors: { A: { ...entry, code: 5000, category: 'request' } },
    });
    expect(problems).toEqual([
      { path: 'errors.A.code', message: "5000 is outside the range 4000–4999 of category 'request'" },
    ]);
  });

  test('two entries cannot play the same role', () => {
    const problems = validateCatalog({
      domain: 'x',
      errors: { A: { ...entry, role: 'INTERNAL_ERROR' }, B: { ...entry, code: 2, role: 'INTERNAL_ERROR' } },
    });
    expect(problems).toEqual([
      { path: 'errors.B.role', message: 'role INTERNAL_ERROR is already played by A' },
    ]);
  });

  test('x- fields are allowed everywhere', () => {
    expect(problemsWith({ 'x-team': 'core' })).toEqual([]);
    expect(problemsWith({ 'x-owner': 'me' }, 'catalog')).toEqual([]);
  });

  test('docs URLs may carry {code} and {key} placeholders', () => {
    expect(problemsWith({ docs: 'https://example.com/errors/{code}' }, 'catalog')).toEqual([]);
  });
});

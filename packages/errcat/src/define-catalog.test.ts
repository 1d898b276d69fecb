import { runInNewContext } from 'node:vm';
import { describe, expect, test, vi } from 'vitest';
import { CATALOG_ERROR_BRAND, CatalogError } from './catalog-error.js';
import { defineCatalog, parseCatalog } from './define-catalog.js';
import { errcatErrors } from './errcat-catalog.js';
import { isCatalogError } from './is-catalog-error.js';
import type { StandardSchemaV1 } from './standard-schema.js';

const catalog = defineCatalog({
  domain: 'promises.example.com',
  docs: 'https://docs.example.com/errors',
  version: '1.0.0',
  categories: {
    request: { title: 'Request errors', range: [4000, 4999], retryable: false },
    server: { title: 'Server errors', range: [5000, 5999], retryable: true },
  },
  errors: {
    PROMISE_NOT_FOUND: {
      code: 4040,
      status: 404,
      title: 'Promise not found',
      message: "Promise '{id}' could not be found",
      details: { id: 'string', trace: { type: 'string', optional: true, internal: true } },
      messages: { de: "Versprechen '{id}' wurde nicht gefunden" },
      titles: { de: 'Versprechen nicht gefunden' },
    },
    FUNCTION_ALREADY_REGISTERED: {
      code: 1102,
      message: "Function '{name}' (version {version}) is already registered[ under '{under}']",
      details: { name: 'string', version: 'integer', under: 'string?' },
    },
    STORAGE_FAILED: { code: 5002, status: 500, message: 'Failed to update promise', role: 'INTERNAL_ERROR' },
    SHUTTING_DOWN: { code: 5030, status: 503, message: 'The system is shutting down', retryAfter: 5 },
    RATE_LIMITED: { code: 'RATE_LIMITED', status: 429, message: 'Too many requests' },
    UNAUTHORIZED: {
      code: 'AUTH-401',
      status: 401,
      message: 'Authentication failed',
      headers: { 'WWW-Authenticate': 'Bearer realm="api"' },
      docs: 'https://docs.example.com/auth#401',
    },
  },
});

describe('catalog errors', () => {
  test('carry every fact of their entry', () => {
    const error = catalog.PROMISE_NOT_FOUND({ id: 'p1' });
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(CatalogError);
    expect(error).toMatchObject({
      key: 'PROMISE_NOT_FOUND',
      code: 4040,
      status: 404,
      statusCode: 404,
      title: 'Promise not found',
      message: "Promise 'p1' could not be found",
      retryable: false,
      throttling: false,
      notApplied: false,
      expose: true,
      logLevel: 'info',
      domain: 'promises.example.com',
      docs: 'https://docs.example.com/errors#4040',
      details: { id: 'p1' },
    });
    expect(error.name).toBe('CatalogError');
  });

  test('defaults come from the category range, then the status', () => {
    expect(catalog.STORAGE_FAILED().retryable).toBe(true);
    expect(catalog.STORAGE_FAILED().expose).toBe(false);
    expect(catalog.STORAGE_FAILED().logLevel).toBe('error');
    expect(catalog.RATE_LIMITED()).toMatchObject({ retryable: true, throttling: true });
    expect(catalog.FUNCTION_ALREADY_REGISTERED({ name: 'f', version: 1 }).status).toBe(500);
    expect(catalog.entry(1102)?.declaredStatus).toBeUndefined();
  });

  test('expected errors skip the stack trace; server errors keep it', () => {
    expect(catalog.PROMISE_NOT_FOUND({ id: 'p1' }).stack).toBe(
      "CatalogError: Promise 'p1' could not be found",
    );
    expect(catalog.STORAGE_FAILED().stack).toContain('define-catalog.test.ts');
    expect(Error.stackTraceLimit).toBeGreaterThan(0);
  });

  test('cause, headers and retryAfter are options, not details', () => {
    const cause = new Error('disk full');
    const error = catalog.SHUTTING_DOWN({ cause, retryAfter: 2.2, headers: { 'x-extra': '1' } });
    expect(error.cause).toBe(cause);
    expect(error.details).toEqual({});
    expect(error.retryAfter).toBe(2.2);
    expect(error.headers).toEqual({ 'retry-after': '3', 'x-extra': '1' });
    expect(catalog.SHUTTING_DOWN().headers).toEqual({ 'retry-after': '5' });
    // As servers send them: names in lower case.
    expect(catalog.UNAUTHORIZED().headers).toEqual({ 'www-authenticate': 'Bearer realm="api"' });
  });

  test('optional template segments follow the given details', () => {
    expect(catalog.FUNCTION_ALREADY_REGISTERED({ name: 'f', version: 2, under: 'g' }).message).toBe(
      "Function 'f' (version 2) is already registered under 'g'",
    );
  });

  test('docs URLs: catalog base with #code, or the entry’s own', () => {
    expect(catalog.UNAUTHORIZED().docs).toBe('https://docs.example.com/auth#401');
    const templated = defineCatalog({
      domain: 'x',
      docs: 'https://example.com/errors/{code}?key={key}',
      errors: { DEVICE_MISMATCH: { code: 'AUTH-403', message: 'm' } },
    });
    expect(templated.DEVICE_MISMATCH().docs).toBe('https://example.com/errors/AUTH-403?key=DEVICE_MISMATCH');
  });

  test('publicDetails drops internal fields and keeps __proto__ keys inert', () => {
    const details = JSON.parse('{"id":"p1","trace":"secret","__proto__":{"polluted":true}}');
    const error = catalog.PROMISE_NOT_FOUND(details);
    const visible = error.publicDetails();
    expect(visible.id).toBe('p1');
    expect(visible.trace).toBeUndefined();
    expect(Object.getPrototypeOf(visible)).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('toJSON is sanitised: no stack, cause or internal fields; 5xx messages hidden', () => {
    const error = catalog.PROMISE_NOT_FOUND({ id: 'p1', trace: 'secret', cause: new Error('db password') });
    const json = JSON.stringify(error);
    expect(json).not.toContain('secret');
    expect(json).not.toContain('password');
    expect(JSON.parse(json)).toEqual({
      name: 'CatalogError',
      domain: 'promises.example.com',
      key: 'PROMISE_NOT_FOUND',
      code: 4040,
      status: 404,
      message: "Promise 'p1' could not be found",
      retryable: false,
      details: { id: 'p1' },
    });
    expect(catalog.STORAGE_FAILED().toJSON().message).toBe('STORAGE_FAILED');
  });

  test('translations', () => {
    const error = catalog.PROMISE_NOT_FOUND({ id: 'p1' });
    expect(error.localizedMessage(['fr', 'DE'])).toEqual({
      message: "Versprechen 'p1' wurde nicht gefunden",
      language: 'DE',
    });
    expect(error.localizedMessage(['fr'])).toEqual({
      message: "Promise 'p1' could not be found",
      language: undefined,
    });
  });
});

describe('catalog lookups and narrowing', () => {
  test('entry() finds by key, numeric code and string code', () => {
    expect(catalog.entry(4040)?.key).toBe('PROMISE_NOT_FOUND');
    expect(catalog.entry('4040')?.key).toBe('PROMISE_NOT_FOUND');
    expect(catalog.entry('AUTH-401')?.key).toBe('UNAUTHORIZED');
    expect(catalog.entry('PROMISE_NOT_FOUND')?.code).toBe(4040);
    expect(catalog.entry('nope')).toBeUndefined();
    expect(catalog.roleEntry('INTERNAL_ERROR')?.key).toBe('STORAGE_FAILED');
  });

  test('create() by key, and a clear error for an unknown key', () => {
    expect(catalog.create('PROMISE_NOT_FOUND', { id: 'x' }).message).toBe("Promise 'x' could not be found");
    let thrown: unknown;
    try {
      catalog.create('NOPE' as 'PROMISE_NOT_FOUND');
    } catch (error) {
      thrown = error;
    }
    expect(errcatErrors.is(thrown, 'ERRCAT_UNKNOWN_ENTRY')).toBe(true);
    expect((thrown as Error).message).toBe("Catalog 'promises.example.com' has no entry 'NOPE'");
  });

  test('is() narrows by catalog and key', () => {
    const error: unknown = catalog.PROMISE_NOT_FOUND({ id: 'p1' });
    expect(catalog.is(error)).toBe(true);
    expect(catalog.is(error, 'PROMISE_NOT_FOUND')).toBe(true);
    expect(catalog.is(error, 'STORAGE_FAILED')).toBe(false);
    expect(errcatErrors.is(error)).toBe(false);
    expect(catalog.is(new Error('x'))).toBe(false);
    expect(catalog.is(null)).toBe(false);
    if (catalog.is(error, 'PROMISE_NOT_FOUND')) expect(error.details.id).toBe('p1');
  });

  test('narrowing works across two copies of the module', async () => {
    vi.resetModules();
    // A query string makes the loader evaluate the module again: a second copy, as a duplicate install.
    const specifier = './index.js?copy';
    const copy = (await import(specifier)) as typeof import('./index.js');
    expect(copy.CatalogError).not.toBe(CatalogError);
    const other = copy.defineCatalog({
      domain: 'promises.example.com',
      errors: { PROMISE_NOT_FOUND: { code: 4040, message: 'x' } },
    });
    const foreign = other.PROMISE_NOT_FOUND();
    expect(foreign instanceof CatalogError).toBe(false);
    expect(isCatalogError(foreign, 'PROMISE_NOT_FOUND')).toBe(true);
    expect(catalog.is(foreign, 'PROMISE_NOT_FOUND')).toBe(true);
    expect(copy.isCatalogError(catalog.PROMISE_NOT_FOUND({ id: 'p' }))).toBe(true);
  });

  test('the brand is a registered symbol, the same in every realm', () => {
    expect(runInNewContext("Symbol.for('errcat.CatalogError')")).toBe(CATALOG_ERROR_BRAND);
  });
});

describe('defineCatalog and parseCatalog', () => {
  test('an invalid catalog throws ERRCAT_INVALID_CATALOG listing every problem', () => {
    let thrown: unknown;
    try {
      parseCatalog({
        domain: 'bad',
        errors: { A: { code: 1, status: 700, message: 'x' }, B: { code: 1, message: '' } },
      });
    } catch (error) {
      thrown = error;
    }
    expect(errcatErrors.is(thrown, 'ERRCAT_INVALID_CATALOG')).toBe(true);
    if (!errcatErrors.is(thrown, 'ERRCAT_INVALID_CATALOG')) return;
    expect(thrown.message).toBe(
      "Invalid catalog 'bad': errors.A.status: must be an integer HTTP status from 100 to 599, got 700 (and 2 more)",
    );
    expect(thrown.details.problems).toHaveLength(3);
  });

  test('parseCatalog of garbage never crashes with anything but the catalog error', () => {
    for (const garbage of [undefined, 42, 'x', [], { errors: 5 }, { domain: 'x', errors: { A: null } }]) {
      expect(() => parseCatalog(garbage)).toThrow(/Invalid catalog/);
    }
  });

  test('Standard Schema details: typed input, internal fields by name', () => {
    const schema: StandardSchemaV1<{ table: string; sql: string }> = {
      '~standard': {
        version: 1,
        vendor: 'test',
        validate: (value) => ({ value: value as { table: string; sql: string } }),
      },
    };
    const withSchema = defineCatalog({
      domain: 'db',
      errors: {
        WRITE_FAILED: {
          code: 5002,
          message: 'Cannot write {table}',
          details: schema,
          internalFields: ['sql'],
        },
      },
    });
    const error = withSchema.WRITE_FAILED({ table: 'promises', sql: 'UPDATE secret' });
    expect(error.message).toBe('Cannot write promises');
    expect(error.publicDetails()).toEqual({ table: 'promises' });
  });

  test('the stack rule of the catalog and of an entry', () => {
    const always = defineCatalog({
      domain: 'x',
      stack: 'always',
      errors: {
        A: { code: 1, status: 404, message: 'a' },
        B: { code: 2, status: 500, message: 'b', stack: false },
      },
    });
    expect(always.A().stack?.split('\n').length).toBeGreaterThan(1);
    expect(always.B().stack).toBe('CatalogError: b');
  });
});

describe('what may reach a response', () => {
  test('undeclared details never render; message parameters do when nothing is declared', () => {
    const plain = defineCatalog({
      domain: 'x',
      errors: {
        DECLARED: { code: 1, status: 400, message: 'm', details: { shown: 'string' } },
        INFERRED: { code: 2, status: 400, message: 'Hello {name}' },
      },
    });
    const smuggled = { shown: 'yes', secret: 'token-123' } as { shown: string };
    expect(plain.DECLARED(smuggled).publicDetails()).toEqual({ shown: 'yes' });
    const inferred = { name: 'Ada', secret: 'token-123' } as { name: string };
    expect(plain.INFERRED(inferred).publicDetails()).toEqual({ name: 'Ada' });
  });

  test("an entry playing a base role inherits the role's fields, internal ones stay internal", () => {
    const renamed = defineCatalog({
      domain: 'x',
      errors: {
        EMAIL_TAKEN: {
          code: 'duplicate_email',
          status: 409,
          message: 'Already registered',
          role: 'VALIDATION_FAILED',
        },
      },
    });
    const entry = renamed.entry('EMAIL_TAKEN');
    expect(entry?.fields?.map((f) => f.name)).toContain('errors');
    const error = renamed.EMAIL_TAKEN({ errors: [{ pointer: '/email' }], sql: 'INSERT …' } as never);
    expect(error.publicDetails()).toEqual({ errors: [{ pointer: '/email' }] });
  });

  test('a role lends its fields only as optional defaults: never a required field', () => {
    const roles = defineCatalog({
      domain: 'x',
      errors: {
        CONCURRENT_MODIFICATION: {
          code: 'concurrent_modification',
          status: 409,
          message: 'Resource was modified by another request',
          role: 'VERSION_CONFLICT',
        },
        TOO_MANY: { code: 4290, status: 429, message: 'Slow down[, {who}]', role: 'RATE_LIMITED' },
      },
    });
    const conflict = roles.entry('CONCURRENT_MODIFICATION');
    expect(conflict?.fields?.map((f) => [f.name, f.optional])).toEqual([
      ['expected', true],
      ['actual', true],
    ]);
    expect(roles.CONCURRENT_MODIFICATION().publicDetails()).toEqual({});
    // What a guard passes still renders, and so do the entry's own message parameters.
    const limited = roles.TOO_MANY({ policy: 'general', who: 'ada' } as never);
    expect(limited.publicDetails()).toEqual({ policy: 'general', who: 'ada' });
    expect(limited.message).toBe('Slow down, ada');
  });

  test("an entry's own details are its whole contract: the role adds no public field", () => {
    const own = defineCatalog({
      domain: 'x',
      errors: {
        CONFLICT: {
          code: 'CONFLICT',
          status: 409,
          message: 'Instance was modified by another request',
          role: 'VERSION_CONFLICT',
          details: { expected_offset: 'integer', actual_offset: 'integer' },
          example: { expected_offset: 100, actual_offset: 105 },
        },
        EMAIL_TAKEN: {
          code: 'duplicate_email',
          status: 409,
          message: 'Email already registered',
          role: 'UNIQUE_VIOLATION',
          details: { field: 'string?' },
        },
      },
    });
    expect(own.entry('CONFLICT')?.fields?.map((f) => f.name)).toEqual(['expected_offset', 'actual_offset']);
    const conflict = own.CONFLICT({ expected_offset: 100, actual_offset: 105, expected: 0 } as never);
    expect(conflict.publicDetails()).toEqual({ expected_offset: 100, actual_offset: 105 });
    // The role's internal fields stay internal, so a guard still logs them and never sends them.
    const taken = own.entry('EMAIL_TAKEN');
    expect(taken?.fields?.map((f) => f.name)).toEqual(['field']);
    expect([...(taken?.internalFields ?? [])].sort()).toEqual(['constraint', 'table']);
    const error = own.EMAIL_TAKEN({ field: 'email', constraint: 'users_email_key' } as never);
    expect(error.publicDetails()).toEqual({ field: 'email' });
  });

  test("a role entry inherits the role's retry facts and headers unless it says otherwise", () => {
    const mapped = defineCatalog({
      domain: 'x',
      categories: { request: { range: [4000, 4999], retryable: false } },
      errors: {
        TOO_MANY: { code: 4290, status: 429, message: 'Slow down', role: 'RATE_LIMITED' },
        NO_TOKEN: { code: 4010, status: 401, message: 'No token', role: 'UNAUTHENTICATED' },
        CUSTOM: {
          code: 4291,
          status: 429,
          message: 'Slow',
          role: 'QUEUE_FULL',
          retryable: false,
          retryAfter: 7,
        },
      },
    });
    expect(mapped.TOO_MANY()).toMatchObject({ retryable: true, throttling: true, notApplied: true });
    expect(Object.keys(mapped.NO_TOKEN().headers).map((h) => h.toLowerCase())).toContain('www-authenticate');
    expect(mapped.CUSTOM()).toMatchObject({ retryable: false, retryAfter: 7 });
  });

  test('an entry without a status is not an HTTP error: not retryable by default, message exposed', () => {
    const sdk = defineCatalog({
      domain: 'sdk',
      errors: { PANIC: { code: 1198, message: 'An unrecoverable internal error occurred' } },
    });
    expect(sdk.PANIC()).toMatchObject({ retryable: false, expose: true, logLevel: 'error' });
    expect(sdk.PANIC().stack?.split('\n').length).toBeGreaterThan(1);
  });
});

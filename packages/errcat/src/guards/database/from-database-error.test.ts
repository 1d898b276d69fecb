import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../../../../../test-support/postgres.js';
import { freePort } from '../../../../../test-support/redis.js';
import { loadSeedCatalog } from '../../../../../test-support/seed-catalogs.js';
import type { CatalogError } from '../../catalog-error.js';
import { defineCatalog } from '../../define-catalog.js';
import { renderError } from '../../render/render-error.js';
import { fromDatabaseError } from './from-database-error.js';
import { columnsFromDetail } from './postgres-failure.js';

/** The row values of the tests: never in a response's body or headers, nor in the error's details. */
const VALUES = ['alice@example.com', 'SKU-SECRET-1', 'Team-Secret'];
/** What must never reach a response body: row values, SQL, constraint and table names. */
const SECRETS = [...VALUES, 'INSERT', 'SELECT', 'UPDATE', 'users_email_key', 'sku_tenant', '"users"'];

/** Runs a statement that must fail, maps its error, renders it, and checks nothing leaks. */
async function mapped(run: () => unknown, options?: Parameters<typeof fromDatabaseError>[1]) {
  let thrown: unknown;
  try {
    await run();
  } catch (error) {
    thrown = error;
  }
  if (thrown === undefined) throw new Error('expected the statement to fail');
  const error = fromDatabaseError(thrown, options);
  if (!error) throw new Error(`not mapped: ${String(thrown)}`);
  const rendered = renderError(error);
  for (const secret of SECRETS) expect(rendered.body, `leaks ${secret}`).not.toContain(secret);
  for (const value of VALUES) {
    expect(JSON.stringify(rendered.headers), `headers leak ${value}`).not.toContain(value);
    expect(JSON.stringify(error.details), `details hold ${value}`).not.toContain(value);
  }
  const body = JSON.parse(rendered.body);
  return {
    error,
    status: rendered.status,
    code: body.code,
    details: body.details ?? {},
    headers: rendered.headers,
  };
}

/** Seed 004's catalog: `duplicate_email`, `duplicate_name` and `duplicate_sku` answer unique violations. */
const apiReference = loadSeedCatalog('api-reference').catalog;

/** A catalog with a role entry for unique violations and entries bound to one violation each. */
const bound = defineCatalog({
  domain: 'bindings.example.com',
  errors: {
    DUPLICATE: { code: 'duplicate', status: 409, message: 'Already exists', role: 'UNIQUE_VIOLATION' },
    EMAIL_TAKEN: {
      code: 'email_taken',
      status: 409,
      message: 'Email taken',
      database: { violation: 'unique', column: 'email' },
    },
    USER_EMAIL_TAKEN: {
      code: 'user_email_taken',
      status: 409,
      message: 'A user has this email',
      database: { violation: 'unique', column: 'email', table: 'users' },
    },
    NAME_REQUIRED: {
      code: 'name_required',
      status: 422,
      message: 'A name is required',
      database: { violation: 'not_null', column: 'name' },
    },
    UNKNOWN_ORG: {
      code: 'unknown_org',
      status: 422,
      message: 'No such organisation',
      database: { violation: 'foreign_key', column: 'org_id' },
    },
    NEGATIVE_AGE: {
      code: 'negative_age',
      status: 422,
      message: 'The age must not be negative',
      database: { violation: 'check', constraint: 'age_not_negative' },
    },
    HANDLE_TAKEN: {
      code: 'handle_taken',
      status: 409,
      message: 'Handle taken',
      database: { violation: 'unique', constraint: 'handles_lower_name' },
    },
  },
});

describe('fromDatabaseError with a real PostgreSQL', () => {
  let server: TestPostgres;
  let a: pg.Client;
  let b: pg.Client;

  beforeAll(async () => {
    server = await startPostgres();
    a = new pg.Client({ connectionString: server.url });
    b = new pg.Client({ connectionString: server.url });
    // A terminated session emits 'error' on its client; the tests look at the query's rejection.
    b.on('error', () => {});
    await Promise.all([a.connect(), b.connect()]);
    await a.query(`
      CREATE TABLE orgs (id int PRIMARY KEY);
      CREATE TABLE users (
        id serial PRIMARY KEY,
        email text NOT NULL UNIQUE,
        name text NOT NULL,
        org_id int REFERENCES orgs (id),
        age int CONSTRAINT age_not_negative CHECK (age >= 0)
      );
      CREATE TABLE products (tenant int, sku text, CONSTRAINT sku_tenant UNIQUE (tenant, "sku"));
      CREATE TABLE handles (name text);
      CREATE UNIQUE INDEX handles_lower_name ON handles (lower(name));
      CREATE TABLE teams (name text CONSTRAINT team_name_taken UNIQUE);
      CREATE TABLE items (sku text UNIQUE);
      CREATE TABLE ledger (v int);
      CREATE TABLE rows (id int PRIMARY KEY, v int);
      INSERT INTO orgs VALUES (1);
      INSERT INTO users (email, name, org_id) VALUES ('alice@example.com', 'Alice', 1);
      INSERT INTO products VALUES (1, 'SKU-SECRET-1');
      INSERT INTO handles VALUES ('Bob');
      INSERT INTO teams VALUES ('Team-Secret');
      INSERT INTO items VALUES ('SKU-SECRET-1');
      INSERT INTO rows VALUES (1, 0), (2, 0);
    `);
  });

  afterAll(async () => {
    await Promise.allSettled([a?.end(), b?.end()]);
    await server?.stop();
  });

  it('maps unique violations to 409 with the column, never the value', async () => {
    const unique = await mapped(() =>
      a.query("INSERT INTO users (email, name) VALUES ('alice@example.com', 'A2')"),
    );
    expect([unique.status, unique.code, unique.details]).toEqual([
      409,
      'UNIQUE_VIOLATION',
      { field: 'email' },
    ]);
    expect(unique.error.details).toMatchObject({ constraint: 'users_email_key', table: 'users' });
    const composite = await mapped(() => a.query("INSERT INTO products VALUES (1, 'SKU-SECRET-1')"));
    expect(composite.details).toEqual({ field: 'tenant, sku' });
    const expression = await mapped(() => a.query("INSERT INTO handles VALUES ('BOB')"));
    expect(expression.details).toEqual({});
    const named = await mapped(() => a.query("INSERT INTO handles VALUES ('BOB')"), {
      fields: { handles_lower_name: 'name' },
    });
    expect(named.details).toEqual({ field: 'name' });
  });

  it("raises seed 004's own entries for its unique violations, the field but never the value", async () => {
    const query = (sql: string) => () => a.query(sql);
    const seed = { catalog: apiReference };
    const email = await mapped(
      query("INSERT INTO users (email, name) VALUES ('alice@example.com', 'A5')"),
      seed,
    );
    expect([email.status, email.code, email.details]).toEqual([409, 'duplicate_email', { field: 'email' }]);
    // The constraint and table reach the logs, as under the role's entry.
    expect(email.error.details).toEqual({ field: 'email', constraint: 'users_email_key', table: 'users' });
    // team_name_taken is no default name: the column comes from the detail, never its value.
    const name = await mapped(query("INSERT INTO teams VALUES ('Team-Secret')"), seed);
    expect([name.code, name.details]).toEqual(['duplicate_name', { field: 'name' }]);
    const sku = await mapped(query("INSERT INTO items VALUES ('SKU-SECRET-1')"), seed);
    expect([sku.code, sku.details]).toEqual(['duplicate_sku', { field: 'sku' }]);
    // (tenant, sku) is not the sku column: the role's entry answers.
    const composite = await mapped(query("INSERT INTO products VALUES (1, 'SKU-SECRET-1')"), seed);
    expect([composite.code, composite.details]).toEqual(['UNIQUE_VIOLATION', { field: 'tenant, sku' }]);
  });

  it('picks the entry bound to the violation, the most specific first, else the role entry', async () => {
    const query = (sql: string) => () => a.query(sql);
    const own = { catalog: bound };
    const email = await mapped(query("INSERT INTO users (email, name) VALUES ('alice@example.com', 'A6')"), {
      ...own,
      fields: { users_email_key: 'emailAddress' },
    });
    // Column and table beat the column alone; `fields` renames what the response reports.
    expect([email.code, email.details]).toEqual(['user_email_taken', { field: 'emailAddress' }]);
    const composite = await mapped(query("INSERT INTO products VALUES (1, 'SKU-SECRET-1')"), own);
    expect([composite.code, composite.details]).toEqual(['duplicate', { field: 'tenant, sku' }]);
    const missing = await mapped(query("INSERT INTO users (email) VALUES ('m@y.z')"), own);
    expect([missing.status, missing.code, missing.details]).toEqual([
      422,
      'name_required',
      { field: 'name' },
    ]);
    const foreign = await mapped(
      query("INSERT INTO users (email, name, org_id) VALUES ('o@y.z', 'O', 99)"),
      own,
    );
    expect([foreign.code, foreign.details]).toEqual(['unknown_org', { field: 'org_id' }]);
    const check = await mapped(query("INSERT INTO users (email, name, age) VALUES ('k@y.z', 'K', -1)"), own);
    expect([check.code, check.details]).toEqual(['negative_age', {}]);
    expect(check.error.details).toEqual({ constraint: 'age_not_negative', table: 'users' });
    const handle = await mapped(query("INSERT INTO handles VALUES ('BOB')"), own);
    expect([handle.code, handle.details]).toEqual(['handle_taken', {}]);
  });

  it('maps foreign key, not-null and check violations', async () => {
    const foreign = await mapped(() =>
      a.query("INSERT INTO users (email, name, org_id) VALUES ('x@y.z', 'X', 99)"),
    );
    expect([foreign.status, foreign.code, foreign.details]).toEqual([
      409,
      'FOREIGN_KEY_VIOLATION',
      { field: 'org_id' },
    ]);
    const missing = await mapped(() => a.query("INSERT INTO users (email) VALUES ('n@y.z')"));
    expect([missing.status, missing.code, missing.details]).toEqual([
      422,
      'NOT_NULL_VIOLATION',
      { field: 'name' },
    ]);
    const check = await mapped(() =>
      a.query("INSERT INTO users (email, name, age) VALUES ('c@y.z', 'C', -1)"),
    );
    expect([check.status, check.code, check.details]).toEqual([422, 'CHECK_VIOLATION', {}]);
    expect(check.error.details).toMatchObject({ constraint: 'age_not_negative' });
  });

  it('maps a serialization failure to a retryable 409', async () => {
    await a.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
    await b.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
    await a.query('SELECT sum(v) FROM ledger');
    await b.query('SELECT sum(v) FROM ledger');
    await a.query('INSERT INTO ledger VALUES (1)');
    await b.query('INSERT INTO ledger VALUES (2)');
    await a.query('COMMIT');
    const failure = await mapped(() => b.query('COMMIT'));
    await b.query('ROLLBACK');
    expect([failure.status, failure.code, JSON.parse(renderError(failure.error).body).retryable]).toEqual([
      409,
      'SERIALIZATION_FAILURE',
      true,
    ]);
  });

  it('maps a deadlock to a retryable 409 and a NOWAIT lock to a retryable 503', async () => {
    await a.query('BEGIN');
    await b.query('BEGIN');
    await a.query('UPDATE rows SET v = 1 WHERE id = 1');
    await b.query('UPDATE rows SET v = 1 WHERE id = 2');
    const results = await Promise.allSettled([
      a.query('UPDATE rows SET v = 2 WHERE id = 2'),
      b.query('UPDATE rows SET v = 2 WHERE id = 1'),
    ]);
    const rejected = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    await Promise.all([a.query('ROLLBACK'), b.query('ROLLBACK')]);
    const deadlock = await mapped(() => Promise.reject(rejected.reason));
    expect([deadlock.status, deadlock.code, deadlock.error.retryable]).toEqual([
      409,
      'DEADLOCK_DETECTED',
      true,
    ]);

    await a.query('BEGIN');
    await a.query('SELECT * FROM rows WHERE id = 1 FOR UPDATE');
    const busy = await mapped(() => b.query('SELECT * FROM rows WHERE id = 1 FOR UPDATE NOWAIT'));
    await a.query('ROLLBACK');
    expect([busy.status, busy.code, busy.headers['retry-after']]).toEqual([503, 'DATABASE_BUSY', '1']);
  });

  it('maps a statement timeout, a read-only transaction and a terminated session', async () => {
    await b.query("SET statement_timeout = '50ms'");
    const canceled = await mapped(() => b.query('SELECT pg_sleep(5)'));
    await b.query('RESET statement_timeout');
    expect([canceled.status, canceled.code, canceled.error.retryable]).toEqual([503, 'QUERY_CANCELED', true]);

    await a.query('BEGIN READ ONLY');
    const readOnly = await mapped(() => a.query('INSERT INTO ledger VALUES (3)'));
    await a.query('ROLLBACK');
    expect([readOnly.status, readOnly.code, readOnly.headers['retry-after']]).toEqual([
      503,
      'DATABASE_READ_ONLY',
      '5',
    ]);

    const { rows } = await b.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const sleeping = b.query('SELECT pg_sleep(5)');
    sleeping.catch(() => undefined); // handled below, once the session is terminated
    await new Promise((resolve) => setTimeout(resolve, 50));
    await a.query('SELECT pg_terminate_backend($1)', [rows[0]?.pid]);
    const terminated = await mapped(() => sleeping);
    expect([terminated.status, terminated.code]).toEqual([503, 'DATABASE_UNAVAILABLE']);
  });

  it('maps a refused connection, speaks the user’s codes, and ignores what it does not know', async () => {
    const closed = new pg.Client({ host: '127.0.0.1', port: await freePort(), user: 'postgres' });
    const refused = await mapped(() => closed.connect());
    expect([refused.status, refused.code]).toEqual([503, 'DATABASE_UNAVAILABLE']);

    const catalog = defineCatalog({
      domain: 'seed004.example.com',
      errors: {
        UNIQUE: {
          code: 'unique',
          status: 409,
          message: 'Value already exists',
          details: { field: 'string' },
          role: 'UNIQUE_VIOLATION',
        },
      },
    });
    const own = await mapped(
      () => a.query("INSERT INTO users (email, name) VALUES ('alice@example.com', 'A3')"),
      {
        catalog,
      },
    );
    expect([own.code, own.details]).toEqual(['unique', { field: 'email' }]);
    // The user's entry inherits the role's internal fields: the constraint is logged, not rendered.
    expect((own.error as CatalogError).details).toEqual({
      field: 'email',
      constraint: 'users_email_key',
      table: 'users',
    });

    let syntax: unknown;
    await a.query('SELEC 1').catch((error) => {
      syntax = error;
    });
    expect(fromDatabaseError(syntax)).toBeUndefined();
    // Drivers wrapped by an ORM keep the driver error as `cause`.
    let wrapped: unknown;
    await a.query("INSERT INTO users (email, name) VALUES ('alice@example.com', 'A4')").catch((error) => {
      wrapped = new Error('Failed query', { cause: error });
    });
    expect(fromDatabaseError(wrapped)?.key).toBe('UNIQUE_VIOLATION');
  });
});

describe('fromDatabaseError with real SQLite files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'errcat-sqlite-'));
  const file = join(dir, 'shop.db');
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  db.exec(`
    CREATE TABLE orgs (id INTEGER PRIMARY KEY);
    CREATE TABLE users (
      id INTEGER PRIMARY KEY,
      email TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      org_id INTEGER REFERENCES orgs (id),
      age INTEGER CONSTRAINT age_not_negative CHECK (age >= 0)
    );
    CREATE TABLE products (tenant INTEGER, sku TEXT, UNIQUE (tenant, sku));
    CREATE TABLE handles (name TEXT);
    CREATE UNIQUE INDEX handles_lower_name ON handles (lower(name));
    CREATE TABLE teams (name TEXT UNIQUE);
    CREATE TABLE items (sku TEXT UNIQUE);
    INSERT INTO users (email, name) VALUES ('alice@example.com', 'Alice');
    INSERT INTO products VALUES (1, 'SKU-SECRET-1');
    INSERT INTO handles VALUES ('Bob');
    INSERT INTO teams VALUES ('Team-Secret');
    INSERT INTO items VALUES ('SKU-SECRET-1');
  `);

  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('maps constraint failures with the column, never the value', async () => {
    const unique = await mapped(() =>
      db.prepare("INSERT INTO users (email, name) VALUES ('alice@example.com', 'A')").run(),
    );
    expect([unique.status, unique.code, unique.details]).toEqual([
      409,
      'UNIQUE_VIOLATION',
      { field: 'email' },
    ]);
    expect(unique.error.details).toMatchObject({ table: 'users' });
    const primary = await mapped(() =>
      db.prepare("INSERT INTO users (id, email, name) VALUES (1, 'b@y.z', 'B')").run(),
    );
    expect([primary.code, primary.details]).toEqual(['UNIQUE_VIOLATION', { field: 'id' }]);
    const composite = await mapped(() => db.prepare("INSERT INTO products VALUES (1, 'SKU-SECRET-1')").run());
    expect(composite.details).toEqual({ field: 'tenant, sku' });
    const expression = await mapped(() => db.prepare("INSERT INTO handles VALUES ('BOB')").run(), {
      fields: { handles_lower_name: 'name' },
    });
    expect(expression.details).toEqual({ field: 'name' });
    const missing = await mapped(() => db.prepare("INSERT INTO users (email) VALUES ('n@y.z')").run());
    expect([missing.status, missing.code, missing.details]).toEqual([
      422,
      'NOT_NULL_VIOLATION',
      { field: 'name' },
    ]);
    const foreign = await mapped(() =>
      db.prepare("INSERT INTO users (email, name, org_id) VALUES ('f@y.z', 'F', 9)").run(),
    );
    expect([foreign.status, foreign.code]).toEqual([409, 'FOREIGN_KEY_VIOLATION']);
    const check = await mapped(() =>
      db.prepare("INSERT INTO users (email, name, age) VALUES ('c@y.z', 'C', -1)").run(),
    );
    expect([check.status, check.code, check.details]).toEqual([422, 'CHECK_VIOLATION', {}]);
  });

  it("raises seed 004's own entries and the entries bound to each violation", async () => {
    const run = (sql: string) => () => db.prepare(sql).run();
    const seed = { catalog: apiReference };
    const email = await mapped(
      run("INSERT INTO users (email, name) VALUES ('alice@example.com', 'A')"),
      seed,
    );
    expect([email.status, email.code, email.details]).toEqual([409, 'duplicate_email', { field: 'email' }]);
    expect(email.error.details).toEqual({ field: 'email', table: 'users' });
    const name = await mapped(run("INSERT INTO teams VALUES ('Team-Secret')"), seed);
    expect([name.code, name.details]).toEqual(['duplicate_name', { field: 'name' }]);
    const sku = await mapped(run("INSERT INTO items VALUES ('SKU-SECRET-1')"), seed);
    expect([sku.code, sku.details]).toEqual(['duplicate_sku', { field: 'sku' }]);
    const composite = await mapped(run("INSERT INTO products VALUES (1, 'SKU-SECRET-1')"), seed);
    expect([composite.code, composite.details]).toEqual(['UNIQUE_VIOLATION', { field: 'tenant, sku' }]);

    const own = { catalog: bound };
    const taken = await mapped(run("INSERT INTO users (email, name) VALUES ('alice@example.com', 'A')"), own);
    expect([taken.code, taken.details]).toEqual(['user_email_taken', { field: 'email' }]);
    const missing = await mapped(run("INSERT INTO users (email) VALUES ('n@y.z')"), own);
    expect([missing.status, missing.code, missing.details]).toEqual([
      422,
      'name_required',
      { field: 'name' },
    ]);
    const check = await mapped(run("INSERT INTO users (email, name, age) VALUES ('c@y.z', 'C', -1)"), own);
    expect([check.code, check.details]).toEqual(['negative_age', {}]);
    const handle = await mapped(run("INSERT INTO handles VALUES ('BOB')"), own);
    expect([handle.code, handle.details]).toEqual(['handle_taken', {}]);
    // SQLite names no column in "FOREIGN KEY constraint failed": the role's entry answers.
    const foreign = await mapped(
      run("INSERT INTO users (email, name, org_id) VALUES ('f@y.z', 'F', 9)"),
      own,
    );
    expect([foreign.code, foreign.details]).toEqual(['FOREIGN_KEY_VIOLATION', {}]);
  });

  it('maps a locked database to DATABASE_BUSY and a read-only one to DATABASE_READ_ONLY', async () => {
    const writer = new Database(file);
    const other = new Database(file, { timeout: 0 });
    const reader = new Database(file, { readonly: true });
    try {
      writer.exec('BEGIN IMMEDIATE');
      const busy = await mapped(() => other.prepare("INSERT INTO handles VALUES ('Carol')").run());
      writer.exec('ROLLBACK');
      expect([busy.status, busy.code, busy.error.retryable]).toEqual([503, 'DATABASE_BUSY', true]);
      const readOnly = await mapped(() => reader.prepare("INSERT INTO handles VALUES ('Dave')").run());
      expect([readOnly.status, readOnly.code]).toEqual([503, 'DATABASE_READ_ONLY']);
    } finally {
      for (const handle of [writer, other, reader]) handle.close();
    }
    const unopenable = await mapped(() => new Database(join(dir, 'missing.db'), { fileMustExist: true }));
    expect(unopenable.code).toBe('DATABASE_UNAVAILABLE');
  });

  it('maps node:sqlite errors where the runtime has node:sqlite', async () => {
    const sqlite = (await import('node:' + 'sqlite').catch(() => undefined)) as
      | { DatabaseSync: new (path: string) => { exec(sql: string): void; close(): void } }
      | undefined;
    if (!sqlite) return; // Node 20 has no node:sqlite; Node 22.5+ runs this.
    const native = new sqlite.DatabaseSync(':memory:');
    native.exec("CREATE TABLE t (email TEXT UNIQUE); INSERT INTO t VALUES ('alice@example.com')");
    const unique = await mapped(() => native.exec("INSERT INTO t VALUES ('alice@example.com')"));
    native.close();
    expect([unique.code, unique.details]).toEqual(['UNIQUE_VIOLATION', { field: 'email' }]);
  });
});

describe('columnsFromDetail', () => {
  it('reads plain, quoted and translated column lists, and refuses expressions', () => {
    expect(columnsFromDetail('Key (email)=(a@b.c) already exists.')).toBe('email');
    expect(columnsFromDetail('Key (tenant, "Sku")=(1, x) already exists.')).toBe('tenant, Sku');
    expect(columnsFromDetail('Schlüssel »(email)=(a@b.c)« existiert bereits.')).toBe('email');
    expect(columnsFromDetail('Key (lower(name))=(bob) already exists.')).toBeUndefined();
    expect(columnsFromDetail('Key (email)=(a)=(b) already exists.')).toBe('email');
    expect(columnsFromDetail(undefined)).toBeUndefined();
  });

  it('never returns any part of the value (property)', () => {
    const identifier = fc.stringMatching(/^[a-z_][a-z0-9_]{0,15}$/);
    fc.assert(
      fc.property(
        fc.array(identifier, { minLength: 1, maxLength: 3 }),
        fc.string({ unit: 'binary' }),
        (columns, value) => {
          const marked = `\u0000${value}`;
          const result = columnsFromDetail(`Key (${columns.join(', ')})=(${marked}) already exists.`);
          expect(result).toBe(columns.join(', '));
          expect(columnsFromDetail(`Key ${marked}`) ?? '').not.toContain('\u0000');
        },
      ),
      { numRuns: 500 },
    );
  });
});

import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { groupCommit } from './group-commit.js';

function table(): Database.Database {
  const database = new Database(':memory:');
  database.exec('CREATE TABLE t (k TEXT PRIMARY KEY)');
  return database;
}

describe('groupCommit', () => {
  it('runs the work of one turn in one transaction, a lone piece in none', async () => {
    const database = table();
    const group = groupCommit(database);
    const insert = database.prepare('INSERT INTO t (k) VALUES (?)');
    const inside = await Promise.all(
      ['a', 'b', 'c'].map((k) =>
        group.run(() => {
          insert.run(k);
          return database.inTransaction;
        }),
      ),
    );
    expect(inside).toEqual([true, true, true]);
    expect(await group.run(() => database.inTransaction)).toBe(false);
    expect(database.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 3 });
  });

  it('rejects only the work that failed; the rest of its turn commits', async () => {
    const database = table();
    const group = groupCommit(database);
    const insert = database.prepare('INSERT INTO t (k) VALUES (?)');
    const outcomes = await Promise.allSettled(
      ['a', 'a', 'b'].map((k) => group.run(() => insert.run(k).changes)),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(database.prepare('SELECT k FROM t ORDER BY k').pluck().all()).toEqual(['a', 'b']);
  });

  it('rejects the whole turn when its commit fails, and leaves nothing of it', async () => {
    const database = table();
    database.exec('CREATE TABLE child (k TEXT REFERENCES t (k) DEFERRABLE INITIALLY DEFERRED)');
    database.pragma('foreign_keys = ON');
    const group = groupCommit(database);
    const outcomes = await Promise.allSettled([
      group.run(() => database.prepare('INSERT INTO t (k) VALUES (?)').run('a')),
      // Checked at COMMIT: no parent row 'x', so the commit fails.
      group.run(() => database.prepare('INSERT INTO child (k) VALUES (?)').run('x')),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect(database.inTransaction).toBe(false);
    expect(database.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 0 });
  });

  it('joins a transaction the connection has open (an app sharing it) instead of nesting one', async () => {
    const database = table();
    const group = groupCommit(database);
    const insert = database.prepare('INSERT INTO t (k) VALUES (?)');
    database.exec('BEGIN');
    const done = Promise.all([group.run(() => insert.run('a')), group.run(() => insert.run('b'))]);
    await done;
    expect(database.inTransaction).toBe(true);
    database.exec('ROLLBACK');
    expect(database.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 0 });
  });

  it('runs what is queued at once on flush', async () => {
    const database = table();
    const group = groupCommit(database);
    const insert = database.prepare('INSERT INTO t (k) VALUES (?)');
    const done = Promise.all([group.run(() => insert.run('a')), group.run(() => insert.run('b'))]);
    group.flush();
    expect(database.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 2 });
    await done;
  });
});

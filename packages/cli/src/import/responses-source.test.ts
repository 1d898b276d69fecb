import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCurlTranscript } from './responses-curl.js';
import { parseJsonRecords } from './responses-jsonl.js';
import { readResponses } from './responses-read.js';
import { importResponses } from './responses-source.js';

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/import/responses');
const scratch = mkdtempSync(join(tmpdir(), 'errcat-import-responses-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A fresh directory holding the given files. */
function directory(name: string, files: Record<string, string>): string {
  const dir = join(scratch, name);
  mkdirSync(dir);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

function thrown(run: () => unknown): { code: unknown; message: string } {
  try {
    run();
  } catch (error) {
    return { code: (error as { code?: unknown }).code, message: (error as Error).message };
  }
  throw new Error('expected a throw');
}

describe('importResponses on curl -i transcripts of errcat’s showcase (rstmdb profile)', () => {
  const draft = importResponses(join(FIXTURES, 'showcase-rstmdb'));

  it('groups by code, sorted, in the profile the bodies are in', () => {
    expect(draft.profile).toBe('rstmdb');
    expect(draft.notes).toEqual([]);
    expect(draft.entries.map((entry) => [entry.code, entry.status, entry.retryable])).toEqual([
      [4010, 401, false],
      [4034, 403, false],
      [4040, 404, false],
      [4290, 429, true],
    ]);
  });

  it('makes a template of the varying messages, named after the details field', () => {
    expect(draft.entries[2]).toMatchObject({
      message: "The specified promise '{id}' could not be found",
      details: { id: { type: 'string' } },
      example: { id: 'invoice-77' },
    });
  });

  it('reads the response after a 100 Continue head, and Retry-After as retryable', () => {
    expect(draft.entries[1]).toMatchObject({
      message: 'The principal is not permitted to perform the requested action',
      details: { missing: { type: 'array' } },
    });
    expect(draft.entries[3]?.guessed.retryable).toBe(
      'a response said when to retry (Retry-After or a delay in the body)',
    );
  });
});

describe('importResponses on JSON lines', () => {
  it('reads the showcase in the problem profile, and notes what it cannot read', () => {
    const dir = join(scratch, 'jsonl');
    mkdirSync(dir);
    copyFileSync(join(FIXTURES, 'showcase-problem.jsonl'), join(dir, 'showcase-problem.jsonl'));
    writeFileSync(
      join(dir, 'more.jsonl'),
      [
        '{"status":200,"headers":{},"body":{"ok":true}}',
        'not json',
        '{"headers":{}}',
        '{"statusCode":404,"headers":{"content-type":"application/problem+json"},"body":"{\\"type\\":\\"about:blank\\",\\"title\\":\\"Promise not found\\",\\"status\\":404,\\"detail\\":\\"The specified promise \'p9\' could not be found\\",\\"code\\":4040,\\"details\\":{\\"id\\":\\"p9\\"}}"}',
      ].join('\n'),
    );
    const draft = importResponses(dir);
    expect(draft.profile).toBe('problem');
    expect(draft.entries.map((entry) => entry.code)).toEqual([4000, 4010, 4034, 4040]);
    expect(draft.entries[3]).toMatchObject({
      status: 404,
      title: 'Promise not found',
      message: "The specified promise '{id}' could not be found",
      retryable: false,
    });
    expect(draft.notes).toEqual([
      'more.jsonl:2: not JSON',
      "more.jsonl:3: no HTTP status (a 'status' from 100 to 599)",
      '1 responses were not errors (below 400) and were left out',
    ]);
  });
});

describe('importResponses on the error corpus', () => {
  it('groups responses without a code by status, and names the formats no profile renders', () => {
    const draft = importResponses(join(FIXTURES, 'corpus'));
    expect(draft.entries.map((entry) => [entry.code, entry.status])).toEqual([
      [404, 404],
      ['NotFound', 404],
      ['VALIDATION_FAILED', 422],
      ['not_found', 404],
      ['rate_limited', 429],
    ]);
    expect(draft.entries[0]).toMatchObject({
      message: '{value} 42 not found',
      details: { value: { type: 'string' } },
      guessed: { code: 'no response carried a code: the status stands for it' },
    });
    expect(draft.entries[4]).toMatchObject({ retryable: true, message: 'Slow down' });
    // `{error: 'not_found', message}` decodes as simple-flat (as simple before the decoder told them apart).
    expect(['simple', 'simple-flat']).toContain(draft.profile);
    expect(draft.notes).toContain('some bodies are in formats no errcat profile renders (boom, json)');
  });

  it('types details from the observed values, optional where some responses lack them', () => {
    const record = (details: Record<string, unknown>) =>
      JSON.stringify({
        status: 409,
        headers: { 'content-type': 'application/json' },
        body: { error: { code: 'CONFLICT_X', message: 'Conflict', details } },
      });
    const dir = directory('typed', {
      'a.jsonl': [record({ expected: 3, actual: 4.5, key: 'k' }), record({ expected: 7, actual: 2 })].join(
        '\n',
      ),
    });
    expect(importResponses(dir).entries[0]?.details).toEqual({
      actual: { type: 'number' },
      expected: { type: 'integer' },
      key: { type: 'string', optional: true },
    });
  });
});

describe('importResponses keeps codes unique', () => {
  it('merges responses without a code into the entry whose numeric code is their status', () => {
    const dir = directory('merged', {
      'a.txt':
        'HTTP/1.1 404 Not Found\r\ncontent-type: application/json\r\n\r\n{"code":404,"message":"No such user"}',
      'b.txt': 'HTTP/1.1 404 Not Found\r\ncontent-type: text/plain\r\n\r\nNot Found',
    });
    const { entries } = importResponses(dir);
    // Whether the decoder reads `code: 404` as a code or as the status again, one entry.
    expect(entries.map((entry) => [entry.code, entry.status])).toEqual([[404, 404]]);
  });
});

describe('importResponses refuses', () => {
  it('a directory without error responses, and one that does not exist', () => {
    const empty = directory('empty', {});
    const junk = directory('junk', { 'a.txt': 'hello', 'b.json': '{"status":201}' });
    for (const dir of [empty, junk, join(scratch, 'missing')]) {
      const { code, message } = thrown(() => importResponses(dir));
      expect(code).toBe('ERRCAT_IMPORT_FAILED');
      expect(message).not.toContain('\n');
    }
  });
});

describe('the readers never throw', () => {
  it('on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        readResponses(text, 'x');
        parseCurlTranscript(text, 'x');
        parseJsonRecords(text, 'x');
      }),
    );
  });

  it('on text that starts like a transcript or like JSON', () => {
    const start = fc.constantFrom(
      'HTTP/1.1 404 Not Found\r\n',
      'HTTP/2 100\n\n',
      '{"status":',
      '[{"response":',
      '{',
    );
    fc.assert(
      fc.property(start, fc.string({ unit: 'binary' }), (head, rest) => {
        readResponses(head + rest, 'x');
      }),
    );
  });

  it('on deeply nested JSON bodies', () => {
    const deep = `{"status":500,"body":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(readResponses(deep, 'deep.json').problems).toEqual(['deep.json: a body nested too deep to read']);
  });
});

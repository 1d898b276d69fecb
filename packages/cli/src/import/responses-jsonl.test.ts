import { describe, expect, it } from 'vitest';
import { parseJsonRecords } from './responses-jsonl.js';

describe('parseJsonRecords', () => {
  it('reads JSON lines, a JSON array and the corpus form, with string or JSON bodies', () => {
    const lines = [
      '{"status":404,"headers":{"Content-Type":"application/json","Set-Cookie":["a","b"]},"body":{"error":"x"}}',
      '',
      '{"statusCode":503,"body":"down"}',
    ].join('\n');
    expect(parseJsonRecords(lines, 'a.jsonl')).toEqual({
      responses: [
        {
          source: 'a.jsonl:1',
          status: 404,
          headers: { 'content-type': 'application/json', 'set-cookie': 'a, b' },
          body: '{"error":"x"}',
        },
        { source: 'a.jsonl:3', status: 503, headers: {}, body: 'down' },
      ],
      problems: [],
    });
    expect(
      parseJsonRecords('[{"status":400},{"response":{"status":409,"body":null}}]', 'b.json').responses,
    ).toEqual([
      { source: 'b.json#1', status: 400, headers: {}, body: '' },
      { source: 'b.json#2', status: 409, headers: {}, body: '' },
    ]);
  });

  it('reports what is not a record', () => {
    expect(parseJsonRecords('{"status":99}\n[1]\nnope', 'c.jsonl').problems).toEqual([
      "c.jsonl:1: no HTTP status (a 'status' from 100 to 599)",
      'c.jsonl:2: not an object',
      'c.jsonl:3: not JSON',
    ]);
  });
});

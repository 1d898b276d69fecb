import { describe, expect, test } from 'vitest';
import { readText } from './text-reader.js';

describe('readText', () => {
  test('a trailing anchor # makes a heading; other lines are paragraphs', () => {
    expect(
      readText('Server errors#\nRange: HTTP 5XX\n500 — Internal Server Error#\nAn unexpected failure.\n'),
    ).toEqual([
      { kind: 'heading', level: 2, text: 'Server errors' },
      { kind: 'paragraph', text: 'Range: HTTP 5XX' },
      { kind: 'heading', level: 2, text: '500 — Internal Server Error' },
      { kind: 'paragraph', text: 'An unexpected failure.' },
    ]);
  });

  test('blank-line separated pages join the lines of a paragraph; bullets make a list', () => {
    expect(
      readText(
        'AUTH-401\n\nThe credentials\nare invalid.\n\nPossible Causes:\n\n  • Expired token.\n  • Wrong password.\n',
      ),
    ).toEqual([
      { kind: 'heading', level: 3, text: 'AUTH-401' },
      { kind: 'paragraph', text: 'The credentials are invalid.' },
      { kind: 'paragraph', text: 'Possible Causes:' },
      { kind: 'list', items: ['Expired token.', 'Wrong password.'] },
    ]);
  });

  test('a list or table glued to its label is split from it; rows may lack the leading pipe', () => {
    expect(
      readText(
        'Returned when invalid. Example Response:| Error | Description |\n|---|---|\ninvalid_token | Token is malformed |\n',
      ),
    ).toEqual([
      { kind: 'paragraph', text: 'Returned when invalid. Example Response:' },
      { kind: 'table', header: ['Error', 'Description'], rows: [['invalid_token', 'Token is malformed']] },
    ]);
    expect(readText('Example Response:- Malformed JSON\n- Missing fields\n')).toEqual([
      { kind: 'paragraph', text: 'Example Response:' },
      { kind: 'list', items: ['Malformed JSON', 'Missing fields'] },
    ]);
  });

  test('a JSON example runs to its closing brace; prose glued after it is a line of its own', () => {
    expect(
      readText('Shape\n{\n"data": "a } in a string",\n"head": { "status": 404 }\n}If it persists, ask.\n'),
    ).toEqual([
      { kind: 'heading', level: 3, text: 'Shape' },
      { kind: 'code', text: '{\n"data": "a } in a string",\n"head": { "status": 404 }\n}' },
      { kind: 'paragraph', text: 'If it persists, ask.' },
    ]);
    expect(readText('{ never closed\nnext')).toEqual([
      { kind: 'paragraph', text: '{ never closed' },
      { kind: 'paragraph', text: 'next' },
    ]);
  });

  test('a lower-case line continues the list item before it', () => {
    expect(readText('- Invalid\nlimitoutside the range\n')).toEqual([
      { kind: 'list', items: ['Invalid limitoutside the range'] },
    ]);
  });
});

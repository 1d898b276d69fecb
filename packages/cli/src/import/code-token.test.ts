import { describe, expect, test } from 'vitest';
import { codeRange, rangeHeading, rangeLine } from './code-range.js';
import { definitions, entryHeading, isCodeToken } from './code-token.js';

describe('entry headings', () => {
  test.each([
    ['4040', { code: 4040 }],
    ['AUTH-401', { code: 'AUTH-401' }],
    ['INVALID_DEFINITION', { code: 'INVALID_DEFINITION' }],
    ['400 — Bad Request', { code: 400, title: 'Bad Request' }],
    ['400 Bad Request', { code: 400, title: 'Bad Request' }],
    ['Bad Request (400)', { code: 400, title: 'Bad Request' }],
    ['ResonateCanceledError (code 200)', { code: 200, name: 'ResonateCanceledError' }],
    ['ResonateStoreError (codes 100.x)', { family: 'ResonateStoreError' }],
  ])('%s', (heading, read) => {
    expect(entryHeading(heading)).toEqual(read);
  });

  test.each(['Server Errors (5000-5999)', 'Handling Errors', 'API', '4xx Client Errors', 'Range: HTTP 4XX'])(
    '%s is no entry',
    (heading) => {
      expect(entryHeading(heading)).toBeUndefined();
    },
  );

  test('codes are words of a code shape, not plain words', () => {
    expect(['100.40400', 'E404', 'invalid_token', 'TOOLIMITED-429'].every(isCodeToken)).toBe(true);
    expect(['Conflict', 'PANIC', '42', 'v0.9.5'].some(isCodeToken)).toBe(false);
  });
});

describe('definitions', () => {
  test('glued definitions split before each code of the first one’s shape', () => {
    expect(
      definitions(
        '100.40400— promise/schedule not found100.40303— promise already timed out100.0— transport-level failure',
      ),
    ).toEqual([
      { code: '100.40400', text: 'promise/schedule not found' },
      { code: '100.40303', text: 'promise already timed out' },
      { code: '100.0', text: 'transport-level failure' },
    ]);
    expect(definitions('4040: The promise was not found.')).toEqual([
      { code: 4040, text: 'The promise was not found.' },
    ]);
    expect(definitions('Note: this is prose — with a dash')).toEqual([]);
  });
});

describe('ranges', () => {
  test('spans and status classes, in headings and Range: lines', () => {
    expect(codeRange('1100 - 1199')).toEqual([1100, 1199]);
    expect(codeRange('HTTP 4XX')).toEqual([400, 499]);
    expect(codeRange('5000-4000')).toBeUndefined();
    expect(rangeHeading('Request Errors (4000-4999)')).toEqual({
      title: 'Request Errors',
      range: [4000, 4999],
    });
    expect(rangeHeading('4xx Client Errors')).toEqual({ title: '4xx Client Errors', range: [400, 499] });
    expect(rangeLine('Range: HTTP 5XX')).toEqual([500, 599]);
    expect(rangeLine('Server errors (5000-5999)')).toBeUndefined();
  });
});

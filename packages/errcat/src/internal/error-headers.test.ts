import { describe, expect, test } from 'vitest';
import { defineCatalog } from '../define-catalog.js';
import { addErrorHeaders } from './error-headers.js';

const catalog = defineCatalog({
  domain: 'shop.example.com',
  errors: {
    SHOP_BUSY: {
      code: 'SHOP_BUSY',
      status: 503,
      title: 'Shop busy',
      message: 'The shop is busy',
      retryAfter: 2.5,
      headers: { 'X-Shard': 'b' },
    },
  },
});

function headersOf(error: ReturnType<typeof catalog.SHOP_BUSY>): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/problem+json' };
  addErrorHeaders(headers, error);
  return headers;
}

describe('addErrorHeaders', () => {
  test("adds the entry's headers in lower case and Retry-After rounded up, after what was there", () => {
    expect(Object.entries(headersOf(catalog.SHOP_BUSY()))).toEqual([
      ['content-type', 'application/problem+json'],
      ['x-shard', 'b'],
      ['retry-after', '3'],
    ]);
  });

  test("the error's own delay and extra headers win over the entry's", () => {
    const error = catalog.SHOP_BUSY({ retryAfter: 10, headers: { 'X-Shard': 'c', 'x-extra': '1' } });
    expect(headersOf(error)).toMatchObject({ 'x-shard': 'c', 'retry-after': '10', 'x-extra': '1' });
  });

  test('drops extra headers that could split the response instead of sending them', () => {
    const error = catalog.SHOP_BUSY({
      headers: { 'x-ok': 'yes', 'x-evil': 'a\r\nset-cookie: s=1', 'bad name': 'x', 'x-nul': 'a\u0000b' },
    });
    const headers = headersOf(error);
    expect(headers['x-ok']).toBe('yes');
    expect(Object.keys(headers)).not.toContain('x-evil');
    expect(Object.keys(headers)).not.toContain('bad name');
    expect(Object.keys(headers)).not.toContain('x-nul');
  });
});

import { describe, expect, it } from 'vitest';
import { defineCatalog } from '../../define-catalog.js';
import { catalogRateLimits } from './catalog-rate-limits.js';

function catalogWith(rateLimits: unknown) {
  return defineCatalog({
    domain: 'api.example.com',
    errors: {
      LIMITED: {
        code: 'rate_limited',
        status: 429,
        message: 'Rate limit exceeded',
        role: 'RATE_LIMITED',
        extensions: { rateLimits },
      },
    },
  });
}

describe('catalogRateLimits', () => {
  it('makes one policy per row, window in whole seconds, the row as its details', () => {
    const rows = [
      { name: 'Queue entry', limit: 5, window: '10 seconds' },
      { name: 'login', limit: 10, window: '1 minute' },
      { name: 'daily', limit: 1000, window: '1 day' },
      { name: 'hourly', limit: 50, window: '2 Hours' },
      { name: 'raw', limit: 3, window: 30 },
    ];
    expect(catalogRateLimits(catalogWith(rows), { key: 'user' })).toEqual({
      'Queue entry': { limit: 5, window: 10, details: rows[0], key: 'user' },
      login: { limit: 10, window: 60, details: rows[1], key: 'user' },
      daily: { limit: 1000, window: 86_400, details: rows[2], key: 'user' },
      hourly: { limit: 50, window: 7200, details: rows[3], key: 'user' },
      raw: { limit: 3, window: 30, details: rows[4], key: 'user' },
    });
  });

  it('names policies by the field the options choose', () => {
    const rows = [{ endpointType: 'Webhook', limit: 1000, window: '1 minute' }];
    expect(Object.keys(catalogRateLimits(catalogWith(rows), { name: 'endpointType' }))).toEqual(['Webhook']);
  });

  it('refuses a missing or malformed table with ERRCAT_INVALID_CATALOG naming the row', () => {
    const cases: [unknown, RegExp][] = [
      [undefined, /declares no rate-limit table/],
      [[], /declares no rate-limit table/],
      [['x'], /rateLimits\[0\]: must be an object/],
      [[{ limit: 1, window: 1 }], /rateLimits\[0\]: must name its policy in `name`/],
      [[{ name: 'a', limit: 0, window: 1 }], /`limit` must be a positive integer/],
      [[{ name: 'a', limit: 1.5, window: 1 }], /`limit` must be a positive integer/],
      [[{ name: 'a', limit: 1, window: 'a fortnight' }], /rateLimits\[0\]: `window` must be whole seconds/],
      [[{ name: 'a', limit: 1, window: '0 seconds' }], /`window` must be whole seconds/],
      [[{ name: 'a', limit: 1, window: -5 }], /`window` must be whole seconds/],
      [
        [
          { name: 'a', limit: 1, window: 1 },
          { name: 'a', limit: 2, window: 1 },
        ],
        /rateLimits\[1\]: names policy 'a' a second time/,
      ],
    ];
    for (const [rows, message] of cases) {
      expect(() => catalogRateLimits(catalogWith(rows))).toThrow(
        expect.objectContaining({ key: 'ERRCAT_INVALID_CATALOG', message: expect.stringMatching(message) }),
      );
    }
    const none = defineCatalog({
      domain: 'x.example.com',
      errors: { A: { code: 1, status: 400, message: 'a' } },
    });
    expect(() => catalogRateLimits(none)).toThrow(/declares no rate-limit table/);
  });
});

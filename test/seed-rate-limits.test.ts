// Seed 004's rate-limit table ("| Queue entry | 5 | 10 seconds |"…), loaded from the catalog as
// written and enforced: every row becomes a limiter policy that never admits more than its limit
// in any window, announces itself under its own name, and refuses with the row as details.
import { isCatalogError, renderError } from 'errcat';
import {
  catalogRateLimits,
  createRateLimiter,
  memoryRateLimitStore,
  parseRateLimitPolicy,
} from 'errcat/rate-limit';
import { describe, expect, it } from 'vitest';
import { busiestWindow } from '../test-support/rate-limit-model.js';
import { loadSeedCatalog, readSeed, SEEDS_DIR } from '../test-support/seed-catalogs.js';

const { catalog } = loadSeedCatalog('api-reference');
const policies = catalogRateLimits(catalog, { name: 'endpointType' });

describe('seed 004 rate limits, enforced from the catalog', () => {
  it('loads the table as written: one policy per row', () => {
    expect(Object.entries(policies).map(([name, policy]) => [name, policy.limit, policy.window])).toEqual([
      ['Authentication', 10, 60],
      ['Queue entry', 5, 10],
      ['General API', 100, 60],
      ['Webhook', 1000, 60],
    ]);
  });

  it.skipIf(SEEDS_DIR === undefined)('has every row of the seed table, with its limit and window', () => {
    const rows = [...readSeed('004').matchAll(/^\| ([A-Za-z ]+) \| (\d+) \| (\d+) (second|minute)s? \|$/gm)];
    expect(rows).toHaveLength(4);
    for (const [, name, limit, count, unit] of rows) {
      expect(policies[name as string]).toMatchObject({
        limit: Number(limit),
        window: Number(count) * (unit === 'minute' ? 60 : 1),
      });
    }
  });

  it.each(Object.keys(policies))(
    "enforces '%s': at most its limit in any window of a steady stream, then a 429 with its row",
    async (name) => {
      const policy = policies[name] as (typeof policies)[string];
      let now = 1_700_000_000_000;
      const limiter = createRateLimiter({
        catalog,
        policies,
        store: memoryRateLimitStore({ now: () => now }),
      });
      const windowMs = policy.window * 1000;
      // Twice the allowed rate, for three windows.
      const every = windowMs / (2 * policy.limit);
      const admitted: number[] = [];
      let refusal: unknown;
      for (let elapsed = 0; elapsed < 3 * windowMs; elapsed += every, now += every) {
        try {
          const { headers } = await limiter.check(name, { ip: '198.51.100.7' });
          expect(parseRateLimitPolicy(headers['ratelimit-policy'])).toEqual([
            { name, quota: policy.limit, window: policy.window },
          ]);
          admitted.push(elapsed);
        } catch (error) {
          refusal ??= error;
        }
      }
      expect(busiestWindow(admitted, windowMs)).toBe(policy.limit);
      expect(admitted).toHaveLength(3 * policy.limit);
      if (!isCatalogError(refusal)) throw refusal;
      const { status, headers, body } = renderError(refusal);
      expect(status).toBe(429);
      expect(headers['ratelimit-policy']).toBe(`"${name}";q=${policy.limit};w=${policy.window}`);
      expect(Number(headers['retry-after'])).toBeGreaterThan(0);
      expect(JSON.parse(body)).toMatchObject({ code: 'rate_limited', details: policy.details });
    },
  );
});

// Every message a seed spells out, word for word and final period included, against the message its
// catalog renders. The messages are read from the seed text itself:
// - seed 001 (../shared/seeds/001_*.txt, "TypeScript SDK errors"): each code, its key and its message,
//   with the parameters written x, y (in order) and the optional part in brackets with u;
// - seed 001, "Error response shape": the envelope's `head.status` and its `data` message.
// Seed 002's example messages are checked with their details in seed-catalogs.test.ts.
import { type CatalogEntry, CatalogError } from 'errcat';
import { describe, expect, it } from 'vitest';
import { loadSeedCatalog, readSeed, SEEDS_DIR } from '../test-support/seed-catalogs.js';

/** The details that render an entry's message with the seed's placeholders: x, y… and u. */
function seedPlaceholders(entry: CatalogEntry): Record<string, string> {
  const details: Record<string, string> = {};
  entry.template.required.forEach((name, index) => {
    details[name] = 'xyzw'[index] ?? name;
  });
  for (const name of entry.template.optional) details[name] = 'u';
  return details;
}

describe.skipIf(SEEDS_DIR === undefined)(
  'seed messages, exactly (skipped: ../shared/seeds not found)',
  () => {
    it('001 TypeScript SDK: every message as the seed writes it, final period included', () => {
      const seed = readSeed('001');
      const { catalog } = loadSeedCatalog('resonate');
      const listed = [...seed.matchAll(/^(1\d{3})#\n([A-Z_]+)\n(.+)$/gm)];
      expect(listed.length).toBe(12);
      const withPeriod = listed.filter(([, , , message]) => (message as string).endsWith('.'));
      expect(withPeriod.map(([, code]) => code)).toEqual([
        '1103',
        '1105',
        '1106',
        '1107',
        '1108',
        '1109',
        '1198',
        '1199',
      ]);
      for (const [, code, key, message] of listed) {
        const entry = catalog.entry(key as string);
        expect(entry?.code, key).toBe(Number(code));
        if (!entry) continue;
        // The optional part, `[under 'u']`, rendered in: the brackets are the seed's notation only.
        const seedText = (message as string).replace(/[[\]]/g, '');
        expect(new CatalogError(entry, seedPlaceholders(entry)).message, key).toBe(seedText);
      }
    });

    it("001 Resonate Server v0.9.5: the envelope's data is the message of its head.status", () => {
      const seed = readSeed('001');
      const { catalog } = loadSeedCatalog('resonate');
      const [, status, data] = seed.match(/"status": (\d+),[\s\S]*?"data": "([^"]+)"/) ?? [];
      expect([status, data]).toEqual(['404', 'Promise not found']);
      const entry = catalog.entries.find((candidate) => candidate.declaredStatus === Number(status));
      expect(entry?.key).toBe('NOT_FOUND');
      if (entry) expect(new CatalogError(entry, { resource: 'Promise' }).message).toBe(data);
    });
  },
);

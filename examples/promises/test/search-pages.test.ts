import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestService, type TestService } from './support.js';

const LATER = Date.now() + 3_600_000;
const PARAM_BYTES = 900_000;

describe('a search page is bounded in bytes, not only in items', () => {
  let main: TestService;
  beforeAll(async () => {
    main = await startTestService({ profile: 'problem' });
  });
  afterAll(() => main.stop());

  test('7 promises of 900 KB each: limit=1000 answers pages of at most 4 MiB, and the cursors reach them all', async () => {
    const api = await main.client('hoarder');
    for (let index = 0; index < 7; index++) {
      await api.createPromise({ id: `big-${index}`, timeout: LATER, param: 'x'.repeat(PARAM_BYTES) });
    }
    await api.createPromise({ id: 'small-0', timeout: LATER });
    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.searchPromises({ limit: 1000, ...(cursor ? { cursor } : {}) });
      sizes.push(JSON.stringify(page).length);
      seen.push(...page.promises.map((promise) => promise.id));
      cursor = page.cursor;
    } while (cursor !== undefined && sizes.length < 100);

    expect(seen).toEqual([...Array.from({ length: 7 }, (_, index) => `big-${index}`), 'small-0']);
    expect(sizes.length).toBeGreaterThanOrEqual(2);
    for (const size of sizes) expect(size).toBeLessThan(4 * 1024 * 1024 + PARAM_BYTES);
  });

  test('a page of small promises still honours the item limit and its cursor', async () => {
    const api = await main.client('lister');
    for (let index = 0; index < 5; index++) await api.createPromise({ id: `list-${index}`, timeout: LATER });
    const first = await api.searchPromises({ id: 'list-*', limit: 3 });
    expect(first.promises.map((promise) => promise.id)).toEqual(['list-0', 'list-1', 'list-2']);
    const rest = await api.searchPromises({
      id: 'list-*',
      limit: 3,
      ...(first.cursor ? { cursor: first.cursor } : {}),
    });
    expect(rest.promises.map((promise) => promise.id)).toEqual(['list-3', 'list-4']);
    expect(rest.cursor).toBeUndefined();
  });
});

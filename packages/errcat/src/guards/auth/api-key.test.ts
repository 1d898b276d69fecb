import { describe, expect, it } from 'vitest';
import { isCatalogError } from '../../is-catalog-error.js';
import { renderError } from '../../render/render-error.js';
import { createApiKeyAuth, safeEqual } from './api-key.js';

const KEY = 'k'.repeat(32);

async function rejection(promise: Promise<unknown>): Promise<ReturnType<typeof renderError>> {
  try {
    await promise;
  } catch (error) {
    if (!isCatalogError(error)) throw error;
    return renderError(error);
  }
  throw new Error('expected a rejection');
}

describe('safeEqual', () => {
  it('compares secrets of any length without throwing (RELIABILITY S9)', async () => {
    for (const length of [0, 1, 31, 32, 33, 10_000]) {
      expect(await safeEqual('k'.repeat(length), KEY)).toBe(length === 32);
    }
    expect(await safeEqual('', '')).toBe(true);
    expect(await safeEqual('é', 'e')).toBe(false);
  });
});

describe('createApiKeyAuth', () => {
  const auth = createApiKeyAuth({ keys: { billing: KEY, reports: 'r'.repeat(40) } });

  it('returns the name of the presented key', async () => {
    expect(await auth.authenticate({ 'x-api-key': KEY })).toBe('billing');
    expect(await auth.authenticate(new Headers({ 'X-Api-Key': 'r'.repeat(40) }))).toBe('reports');
    expect(await auth.authenticate({ 'x-api-key': [KEY] })).toBe('billing');
  });

  it('answers 401 for a missing, wrong or repeated key, never echoing it', async () => {
    const missing = await rejection(auth.authenticate({}));
    expect([missing.status, JSON.parse(missing.body).code, missing.headers['www-authenticate']]).toEqual([
      401,
      'UNAUTHENTICATED',
      'ApiKey header="x-api-key"',
    ]);
    for (const presented of ['', 'k', 'k'.repeat(31), `${KEY}k`, 'x'.repeat(10_000), [KEY, KEY]]) {
      const rendered = await rejection(auth.authenticate({ 'x-api-key': presented }));
      if (presented === '') continue;
      expect([rendered.status, JSON.parse(rendered.body).code]).toEqual([401, 'INVALID_CREDENTIALS']);
      expect(rendered.body).not.toContain('kkkk');
    }
  });

  it('refuses an empty key set or an empty key at creation', () => {
    expect(() => createApiKeyAuth({ keys: {} })).toThrow(/keys/);
    expect(() => createApiKeyAuth({ keys: { a: '' } })).toThrow(/keys/);
  });
});

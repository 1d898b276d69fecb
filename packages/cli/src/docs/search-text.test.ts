import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesTokens, normalizeSearchText, queryTokens } from './search-text.js';

describe('search text', () => {
  it('folds case, accents, underscores and white space', () => {
    expect(normalizeSearchText('PROMISE_NOT_FOUND')).toBe('promise not found');
    expect(normalizeSearchText('  Café\tcrème  ')).toBe('cafe creme');
    expect(queryTokens('  Token   EXPIRED ')).toEqual(['token', 'expired']);
    expect(queryTokens('   ')).toEqual([]);
  });

  it('matches when every word occurs, in any order', () => {
    const text = normalizeSearchText('AUTH-401 | Invalid or expired API key/token.');
    expect(matchesTokens(text, queryTokens('token expired'))).toBe(true);
    expect(matchesTokens(text, queryTokens('auth-401'))).toBe(true);
    expect(matchesTokens(text, queryTokens('token refreshed'))).toBe(false);
    expect(matchesTokens(text, [])).toBe(true);
  });

  it('is idempotent, and any slice of a text finds that text', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(), fc.nat(), (raw, a, b) => {
        const text = normalizeSearchText(raw);
        expect(normalizeSearchText(text)).toBe(text);
        const slice = text.slice(Math.min(a, b) % (text.length + 1), Math.max(a, b) % (text.length + 1));
        expect(matchesTokens(text, queryTokens(slice))).toBe(true);
      }),
    );
  });
});

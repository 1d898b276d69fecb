/**
 * The text normalisation that the docs search uses on both sides: the generator applies it to each
 * entry's searchable text, the page applies it to what the reader types, so both compare alike.
 * It runs in the browser too (bundled into the page script), so it must not import anything.
 */

// Combining marks left after NFKD decomposition: dropping them makes `é` match `e`.
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NON_ASCII = /[^ -~\t\n\r]/;
// Underscores and runs of white space compare as one space: `not found` finds `PROMISE_NOT_FOUND`.
const SEPARATORS = /[\s_]+/g;

/**
 * Lower-cases text, strips accents and folds underscores and white space into single spaces.
 *
 * @example
 * ```ts
 * normalizeSearchText('PROMISE_NOT_FOUND  Café'); // 'promise not found cafe'
 * ```
 */
export function normalizeSearchText(text: string): string {
  // Plain ASCII, most catalog text, has no accents to strip: skip the costly decomposition.
  const folded = NON_ASCII.test(text) ? text.normalize('NFKD').replace(COMBINING_MARKS, '') : text;
  return folded.toLowerCase().replace(SEPARATORS, ' ').trim();
}

/**
 * Splits a query into the normalised words that must all occur in an entry's text.
 *
 * @example
 * ```ts
 * queryTokens('  Token   EXPIRED '); // ['token', 'expired']
 * ```
 */
export function queryTokens(query: string): string[] {
  const normalized = normalizeSearchText(query);
  return normalized === '' ? [] : normalized.split(' ');
}

/**
 * True when every token occurs in the (normalised) text: words match anywhere and in any order,
 * so `token expired` finds "Invalid or expired token".
 *
 * @example
 * ```ts
 * matchesTokens('auth-401 invalid or expired token', ['token', 'expired']); // true
 * ```
 */
export function matchesTokens(text: string, tokens: readonly string[]): boolean {
  for (const token of tokens) if (!text.includes(token)) return false;
  return true;
}

/** Words that turn a sentence about retrying into "retrying does not help". */
const NEGATION = /\b(?:not|never|won't|cannot|can't|fail(?:s)?\s+(?:again|repeatedly)|will fail|no use)\b/i;

/**
 * What a sentence of prose says about retrying: `false` for "Retrying the same request will fail
 * repeatedly unless changed" or "retrying … will not resolve the issue", `true` for "The client may
 * retry after a delay", `undefined` when no sentence speaks of retrying.
 *
 * @example
 * ```ts
 * retryFromProse('Retrying the request may resolve the issue.'); // true
 * retryFromProse('Request errors signify problems with the request itself.'); // undefined
 * ```
 */
export function retryFromProse(text: string): boolean | undefined {
  for (const sentence of text.split(/(?<=[.!?])\s+/)) {
    if (!/\bretr(?:y|ying|ied|ies|yable)\b/i.test(sentence)) continue;
    return !NEGATION.test(sentence);
  }
  return undefined;
}

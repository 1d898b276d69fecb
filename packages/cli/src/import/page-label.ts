/**
 * What a label introduces: the entry's causes or its resolution.
 *
 * @example
 * ```ts
 * const kind: LabelKind = 'causes';
 * ```
 */
export type LabelKind = 'causes' | 'resolution';

/** Label words, at the start of a paragraph or after a sentence, before a colon. */
const LABEL =
  /(?:^|(?<=[.!?]\s+))((?:possible|common|typical|likely|known)\s+(?:causes|reasons|cases)|causes|reasons|resolution|solution|how to (?:fix|resolve)(?: it)?|what to do|remedy|fix)\s*(?::\s*|$)/i;

/**
 * Finds a label in a paragraph — `Possible Causes:`, `Common cases:`, `Resolution:` — alone or
 * after the paragraph's prose (`The request is malformed. Common causes:`), with what follows it on
 * the same line (`Common cases: promise not found, task not found.`). A label without a colon
 * counts only when it is the whole paragraph (HTML writes `<strong>Causes</strong>`).
 *
 * @example
 * ```ts
 * splitLabel('The request is malformed. Common causes:');
 * // { before: 'The request is malformed.', kind: 'causes', after: '' }
 * splitLabel('Example Response:'); // undefined
 * ```
 */
export function splitLabel(text: string): { before: string; kind: LabelKind; after: string } | undefined {
  const found = LABEL.exec(text);
  if (!found || (!found[0].includes(':') && found[0].length !== text.length)) return undefined;
  const word = (found[1] as string).toLowerCase();
  return {
    before: text.slice(0, found.index).trim(),
    kind: /cause|reason|case/.test(word) ? 'causes' : 'resolution',
    after: text.slice(found.index + found[0].length).trim(),
  };
}

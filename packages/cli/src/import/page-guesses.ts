import { statusFromCode, statusFromWords } from './code-status.js';
import type { ImportDraft, ImportedEntry } from './import-draft.js';
import { escapeTemplate } from './responses-template.js';
import { retryFromProse } from './retry-phrase.js';

/** A code written as a lower-case name: `invalid_token`, `unauthorized`. */
const LOWER_NAME = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

/** The first sentence of a text, without its final period. */
function firstSentence(text: string): string {
  const [first = text] = text.split(/(?<=[.!?])\s+(?=[A-Z])/);
  return first.replace(/\.$/, '');
}

/**
 * One page, one code style: when a page names its codes in lower_snake (`invalid_token`), an
 * entry it lists only by its HTTP status (`400 | Bad Request`) gets a code in that style from its
 * title (`bad_request`), as a guess.
 */
function matchCodeStyle(entries: readonly ImportedEntry[]): void {
  const named = entries.filter((entry) => typeof entry.code === 'string' && LOWER_NAME.test(entry.code));
  if (named.length < 2) return;
  const taken = new Set(entries.map((entry) => String(entry.code)));
  for (const entry of entries) {
    if (entry.code !== entry.status || entry.title === undefined) continue;
    const code = entry.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '');
    if (code === '' || taken.has(code)) continue;
    taken.add(code);
    (entry as { code: string | number }).code = code;
    entry.guessed.code = `the page names its codes in lower_snake; made from the title of status ${entry.status}`;
  }
}

/** The status a page did not state: from a status the code embeds, else from its words. */
function guessStatus(entry: ImportedEntry): void {
  if (entry.status !== undefined) return;
  const fromCode = statusFromCode(entry.code);
  if (fromCode !== undefined) {
    entry.status = fromCode;
    entry.guessed.status = `from the code ${entry.code}`;
    return;
  }
  // A number that embeds no status is an SDK's own code, which never crosses HTTP.
  if (typeof entry.code === 'number' || /^\d+\.\d+$/.test(entry.code)) return;
  const fromWords = statusFromWords(entry.code.replace(/_/g, ' ')) ?? statusFromWords(entry.title ?? '');
  if (fromWords !== undefined) {
    entry.status = fromWords;
    entry.guessed.status = `from the words of ${entry.title === undefined ? entry.code : `${entry.code} / ${entry.title}`}`;
  } else entry.guessed.status = 'none stated: the entry never crosses HTTP unless you add one';
}

/**
 * Completes a page's entries with what the page implies but does not state, each recorded in the
 * entry's `guessed`: a code in the page's style for status-only entries, the status (from the code
 * or its words), the retryability its prose states, and a message template from the first
 * sentence of its description (else its title).
 *
 * @example
 * ```ts
 * completeEntries(draft);
 * draft.entries[0]?.guessed; // { status: 'from the code 4000', message: 'the first sentence of the description' }
 * ```
 */
export function completeEntries(draft: ImportDraft): void {
  matchCodeStyle(draft.entries);
  for (const entry of draft.entries) {
    guessStatus(entry);
    if (entry.retryable === undefined) {
      const retryable = retryFromProse(`${entry.description ?? ''} ${entry.resolution ?? ''}`);
      if (retryable !== undefined) {
        entry.retryable = retryable;
        entry.guessed.retryable = 'read from what the page says about retrying it';
      }
    }
    if (entry.message === undefined) {
      const text = entry.description ?? entry.title;
      entry.message = escapeTemplate(text === undefined ? `Error ${entry.code}` : firstSentence(text));
      entry.guessed.message =
        entry.description !== undefined
          ? 'the first sentence of the description'
          : text
            ? 'the title'
            : 'the code';
    }
  }
}

import { plainText } from './page-block.js';

/**
 * The cells of a pipe-table row (`| 400 | Bad Request |`), or `undefined` for a line that is not
 * one. A row that continues an open table may lack its leading pipe, as pages flattened from HTML
 * write `unauthorized | No authentication provided |` when the first cell was a code element.
 *
 * @example
 * ```ts
 * pipeCells('| 400 | Bad Request |'); // ['400', 'Bad Request']
 * pipeCells('unauthorized | No authentication provided |', true); // ['unauthorized', 'No authentication provided']
 * pipeCells('Malformed JSON'); // undefined
 * ```
 */
export function pipeCells(line: string, continuing = false): string[] | undefined {
  const trimmed = line.trim();
  if (!trimmed.endsWith('|') || (!continuing && !trimmed.startsWith('|'))) return undefined;
  const cells = trimmed.slice(trimmed.startsWith('|') ? 1 : 0, -1).split('|');
  return cells.length < 2 ? undefined : cells.map(plainText);
}

/**
 * Whether a row is a table's delimiter row (`|---|:---:|`).
 *
 * @example
 * ```ts
 * isDelimiterRow(['---', ':---:']); // true
 * ```
 */
export function isDelimiterRow(cells: readonly string[]): boolean {
  return cells.every((cell) => /^:?-+:?$/.test(cell));
}

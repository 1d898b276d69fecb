/** `4000-4999`, `1100 - 1199`, `4000–4999`: an explicit span of codes. */
const SPAN = /\b(\d{1,6})\s*[-–—]\s*(\d{1,6})\b/;

/** `4XX`, `HTTP 5xx`: a class of HTTP statuses. */
const STATUS_CLASS = /\b([1-5])xx\b/i;

/**
 * The inclusive code range a text states: an explicit span (`4000-4999`, `1100 - 1199`) or an
 * HTTP status class (`HTTP 4XX` → 400–499). `undefined` when it states none.
 *
 * @example
 * ```ts
 * codeRange('Request Errors (4000-4999)'); // [4000, 4999]
 * codeRange('Range: HTTP 4XX'); // [400, 499]
 * codeRange('Python SDK errors'); // undefined
 * ```
 */
export function codeRange(text: string): readonly [number, number] | undefined {
  const span = SPAN.exec(text);
  if (span) {
    const [from, to] = [Number(span[1]), Number(span[2])];
    return from < to ? [from, to] : undefined;
  }
  const status = STATUS_CLASS.exec(text);
  return status ? [Number(status[1]) * 100, Number(status[1]) * 100 + 99] : undefined;
}

/**
 * A section heading that states its range, as `Request Errors (4000-4999)` or `4xx Client
 * Errors`: the title without a parenthesised range, and the range.
 *
 * @example
 * ```ts
 * rangeHeading('Request Errors (4000-4999)'); // { title: 'Request Errors', range: [4000, 4999] }
 * rangeHeading('Handling Errors'); // { title: 'Handling Errors' }
 * ```
 */
export function rangeHeading(text: string): { title: string; range?: readonly [number, number] } {
  const range = codeRange(text);
  if (!range) return { title: text };
  const title = text.replace(/\s*\([^()]*\d[^()]*\)\s*$/, '').trim() || text;
  return { title, range };
}

/**
 * The range a `Range:` line states (`Range: HTTP 4XX`, `Range: 1100 - 1199`), for the section it
 * is in; `undefined` for any other line.
 *
 * @example
 * ```ts
 * rangeLine('Range: 1100 - 1199'); // [1100, 1199]
 * ```
 */
export function rangeLine(text: string): readonly [number, number] | undefined {
  const line = /^(?:code\s+)?range\s*:\s*(.*)$/i.exec(text);
  return line ? codeRange(line[1] as string) : undefined;
}

/**
 * One block of an error reference page, whatever its markup: the readers for Markdown, HTML and
 * plain text all turn a page into these, and {@link pageDraft} reads errors out of them.
 *
 * @example
 * ```ts
 * const blocks: PageBlock[] = [
 *   { kind: 'heading', level: 2, text: 'Request Errors (4000-4999)' },
 *   { kind: 'paragraph', text: 'Retrying the same request will fail repeatedly unless changed.' },
 * ];
 * ```
 */
export type PageBlock =
  /** A heading; `level` 1–6, and 7 for a definition list's term. */
  | { readonly kind: 'heading'; readonly level: number; readonly text: string }
  /** A paragraph (or, in plain text, one line), as plain text. */
  | { readonly kind: 'paragraph'; readonly text: string }
  /** A list's items, as plain text (nested lists flattened). */
  | { readonly kind: 'list'; readonly items: readonly string[] }
  /** A table: the header cells and the body rows. */
  | {
      readonly kind: 'table';
      readonly header: readonly string[];
      readonly rows: readonly (readonly string[])[];
    }
  /** A code block (a fence, `<pre>`) as written: an example body may show the wire format. */
  | { readonly kind: 'code'; readonly text: string };

/**
 * Collapses runs of white space to one space, drops zero-width characters (documentation sites put
 * one before a heading's anchor link) and trims: the readers' plain text.
 *
 * @example
 * ```ts
 * plainText('  Bad\n  Request '); // 'Bad Request'
 * ```
 */
export function plainText(text: string): string {
  return text
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

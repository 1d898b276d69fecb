/**
 * One HTTP response read from a file of observed responses, before decoding.
 *
 * @example
 * ```ts
 * const observed: ObservedResponse = {
 *   source: 'not-found.txt', status: 404, headers: { 'content-type': 'application/json' }, body: '{"error":{"code":"NOT_FOUND"}}',
 * };
 * ```
 */
export interface ObservedResponse {
  /** Where it was read: the file name, and `:line` for a JSON lines record. */
  readonly source: string;
  readonly status: number;
  /** Header names in lower case; a repeated header's values joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body as text (a JSON value given already parsed is serialised again). */
  readonly body: string;
}

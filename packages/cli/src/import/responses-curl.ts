import type { ObservedResponse } from './responses-observed.js';

const STATUS_LINE = /^HTTP\/\d(?:\.\d)? (\d{3})(?:[ \t][^\r\n]*)?$/;
/** More heads than this in one transcript (interim responses, redirects) are not followed. */
const MAX_HEADS = 16;
/** More header lines than this are not read. */
const MAX_HEADERS = 256;

/** The next line from `at`: its text without `\r`, and where the line after it starts. */
function lineAt(text: string, at: number): { line: string; next: number } {
  const end = text.indexOf('\n', at);
  const raw = end === -1 ? text.slice(at) : text.slice(at, end);
  return { line: raw.endsWith('\r') ? raw.slice(0, -1) : raw, next: end === -1 ? text.length : end + 1 };
}

/**
 * Reads the output of `curl -i` (or `curl -si`, `curl -iL`): a status line (`HTTP/1.1 404 Not
 * Found`, `HTTP/2 429`), header lines, a blank line and the body, with CRLF or LF line ends. Interim
 * heads (`HTTP/1.1 100 Continue`, a proxy's `200 Connection established`) and the heads of
 * followed redirects are skipped: the last head and its body are the response. Lines before the
 * first status line (a pasted command) are ignored. `undefined` when no status line is found.
 *
 * @example
 * ```ts
 * parseCurlTranscript('HTTP/2 404\r\ncontent-type: application/json\r\n\r\n{"error":"not_found"}', 'a.txt');
 * // { source: 'a.txt', status: 404, headers: { 'content-type': 'application/json' }, body: '{"error":"not_found"}' }
 * ```
 */
export function parseCurlTranscript(text: string, source: string): ObservedResponse | undefined {
  let at = 0;
  // Skip to the first status line.
  for (;;) {
    if (at >= text.length) return undefined;
    const { line, next } = lineAt(text, at);
    if (STATUS_LINE.test(line.replace(/^\uFEFF/, '').trim())) break;
    at = next;
  }
  for (let head = 0; head < MAX_HEADS; head++) {
    const first = lineAt(text, at);
    const status = Number(STATUS_LINE.exec(first.line.replace(/^\uFEFF/, '').trim())?.[1]);
    const headers: Record<string, string> = Object.create(null);
    let count = 0;
    at = first.next;
    while (at < text.length) {
      const { line, next } = lineAt(text, at);
      at = next;
      if (line === '') break;
      const colon = line.indexOf(':');
      if (colon <= 0 || count >= MAX_HEADERS) continue;
      count++;
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      headers[name] = Object.hasOwn(headers, name) ? `${headers[name]}, ${value}` : value;
    }
    const body = text.slice(at);
    // Another head follows an interim response or a followed redirect: that one is the answer.
    if (!STATUS_LINE.test(lineAt(body, 0).line.trim())) return { source, status, headers, body };
  }
  return undefined;
}

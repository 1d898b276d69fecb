import { parseCurlTranscript } from './responses-curl.js';
import { type ParsedRecords, parseJsonRecords } from './responses-jsonl.js';

/**
 * The responses one file holds: JSON records (a document or JSON lines) when it starts with `{`
 * or `[`, else a `curl -i` transcript; a file that is neither is one problem, never an exception.
 *
 * @example
 * ```ts
 * readResponses('HTTP/1.1 404 Not Found\n\n{"error":"not_found"}', 'a.txt').responses.length; // 1
 * ```
 */
export function readResponses(text: string, source: string): ParsedRecords {
  const start = text.replace(/^\uFEFF/, '').trimStart()[0];
  if (start === '{' || start === '[') return parseJsonRecords(text, source);
  const transcript = parseCurlTranscript(text, source);
  if (transcript !== undefined) return { responses: [transcript], problems: [] };
  return {
    responses: [],
    problems: [`${source}: neither a curl -i transcript (no HTTP/… status line) nor JSON records`],
  };
}

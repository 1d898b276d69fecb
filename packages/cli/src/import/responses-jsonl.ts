import type { ObservedResponse } from './responses-observed.js';

/**
 * What a file of JSON records held: the responses it could read, and a sentence for each record
 * it could not.
 *
 * @example
 * ```ts
 * const parsed: ParsedRecords = { responses: [], problems: ['log.jsonl:3: not JSON'] };
 * ```
 */
export interface ParsedRecords {
  readonly responses: ObservedResponse[];
  readonly problems: string[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parse(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

function headerText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(', ');
  return undefined;
}

function bodyText(body: unknown): string | undefined {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  try {
    return JSON.stringify(body);
  } catch {
    // Nested too deep to serialise (or a BigInt, which JSON.parse never yields): not a real body.
    return undefined;
  }
}

/** One record: `{status, headers, body}`, or errcat's corpus form `{response: {status, headers, body}}`. */
function toResponse(value: unknown, source: string): ObservedResponse | string {
  const record = isObject(value) && isObject(value.response) ? value.response : value;
  if (!isObject(record)) return `${source}: not an object`;
  const status = record.status ?? record.statusCode;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) {
    return `${source}: no HTTP status (a 'status' from 100 to 599)`;
  }
  const headers: Record<string, string> = Object.create(null);
  if (isObject(record.headers)) {
    for (const [name, raw] of Object.entries(record.headers)) {
      const text = headerText(raw);
      if (text !== undefined) headers[name.toLowerCase()] = text;
    }
  }
  const body = bodyText(record.body);
  if (body === undefined) return `${source}: a body nested too deep to read`;
  return { source, status, headers, body };
}

/**
 * Reads observed responses written as JSON: one JSON document (a record or an array of records)
 * or JSON lines, one record a line. A record is `{status, headers, body}` (`statusCode` is read
 * too; `body` a string or any JSON value) or errcat's error-corpus form `{response: {…}}`. Lines
 * that are not JSON or not records become problems, never exceptions.
 *
 * @example
 * ```ts
 * parseJsonRecords('{"status":404,"headers":{},"body":{"error":"not_found"}}\nnope', 'log.jsonl');
 * // { responses: [{ source: 'log.jsonl:1', status: 404, … }], problems: ['log.jsonl:2: not JSON'] }
 * ```
 */
export function parseJsonRecords(text: string, source: string): ParsedRecords {
  const responses: ObservedResponse[] = [];
  const problems: string[] = [];
  const add = (value: unknown, at: string) => {
    const read = toResponse(value, at);
    if (typeof read === 'string') problems.push(read);
    else responses.push(read);
  };
  const whole = parse(text);
  if (whole !== undefined) {
    if (!Array.isArray(whole.value)) add(whole.value, source);
    else for (const [index, item] of whole.value.entries()) add(item, `${source}#${index + 1}`);
    return { responses, problems };
  }
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const parsed = parse(line);
    if (parsed === undefined) problems.push(`${source}:${index + 1}: not JSON`);
    else add(parsed.value, `${source}:${index + 1}`);
  }
  return { responses, problems };
}

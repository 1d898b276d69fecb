import { closeSync, openSync, readdirSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { builtinProfiles, errcatErrors } from 'errcat';
import { decodeErrorSync } from 'errcat/client';
import type { FieldType, ImportDraft, ImportedEntry, ImportedField } from './import-draft.js';
import { jsonFieldType } from './openapi-schema.js';
import { settleMessage } from './responses-details.js';
import type { ObservedResponse } from './responses-observed.js';
import { byCode, mostCommon } from './responses-order.js';
import { readResponses } from './responses-read.js';

/** The most bytes read of one file: 1 MiB, as the decoder reads of a body. */
const MAX_FILE_BYTES = 1024 * 1024;
/** The most files read of one directory. */
const MAX_FILES = 10_000;
/** The most responses decoded in all; the rest are counted in a note. */
const MAX_RESPONSES = 100_000;
/** The most problems listed one by one in the notes; the rest are counted. */
const MAX_LISTED = 10;

/** One decoded error response. */
interface Observation {
  readonly source: string;
  readonly status: number;
  /** The code the server sent; `undefined` when it sent none. */
  readonly code: string | number | undefined;
  readonly message: string;
  readonly retryable: boolean;
  readonly delayed: boolean;
  readonly format: string;
  readonly details: Readonly<Record<string, unknown>>;
  /** A problem's or JSON:API error's `title`. */
  readonly title: string | undefined;
}

/** Reads at most {@link MAX_FILE_BYTES} of a file; `truncated` when there was more. */
function readBounded(path: string): { text: string; truncated: boolean } {
  const descriptor = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(MAX_FILE_BYTES + 1);
    let length = 0;
    for (;;) {
      const read = readSync(descriptor, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length === buffer.length) break;
    }
    const truncated = length > MAX_FILE_BYTES;
    return {
      text: new TextDecoder().decode(buffer.subarray(0, Math.min(length, MAX_FILE_BYTES))),
      truncated,
    };
  } finally {
    closeSync(descriptor);
  }
}

/** True when the body or a header holds the code: the decoder's answer was sent, not made up from the status. */
function sentCode(code: string, raw: unknown, headers: Readonly<Record<string, string>>): boolean {
  if (Object.values(headers).some((value) => value.includes(code))) return true;
  if (typeof raw === 'string') return raw.includes(code);
  try {
    return JSON.stringify(raw)?.includes(code) ?? false;
  } catch {
    return false;
  }
}

/** The title a problem or a JSON:API error carries (the decoder reports none). */
function titleOf(raw: unknown, format: string): string | undefined {
  const record = (value: unknown) =>
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  const holder =
    format === 'jsonapi' ? record((record(raw)?.errors as unknown[] | undefined)?.[0]) : record(raw);
  const title = format === 'problem' || format === 'jsonapi' ? holder?.title : undefined;
  return typeof title === 'string' && title !== '' ? title : undefined;
}

function observe(response: ObservedResponse): Observation | undefined {
  const error = decodeErrorSync(response.status, response.headers, response.body);
  if (error.ok) return undefined;
  // Older decoders make a code up from the status (`NOT_FOUND`); newer ones report `null`.
  const decoded: unknown = error.code;
  const text = typeof decoded === 'number' || typeof decoded === 'string' ? String(decoded) : undefined;
  const sent = text !== undefined && text !== '' && sentCode(text, error.raw, response.headers);
  const code = !sent ? undefined : /^\d{1,9}$/.test(text) ? Number(text) : text;
  return {
    source: response.source,
    status: error.httpStatus || response.status,
    code,
    message: error.message,
    retryable: error.retryable,
    // A RateLimit header's reset comes with every response: only a retryable error's delay counts.
    delayed:
      response.headers['retry-after'] !== undefined || (error.retryAfter !== undefined && error.retryable),
    title: titleOf(error.raw, error.format),
    format: error.format,
    details: error.details,
  };
}

/** The details fields of a group: every key of the observed details, typed from its values. */
function observedFields(
  observations: readonly Observation[],
  notes: string[],
): Record<string, ImportedField> {
  const types = new Map<string, FieldType[]>();
  const present = new Map<string, number>();
  for (const observation of observations) {
    for (const [name, value] of Object.entries(observation.details)) {
      const type = jsonFieldType(value);
      if (type === undefined) continue;
      present.set(name, (present.get(name) ?? 0) + 1);
      const list = types.get(name);
      if (list === undefined) types.set(name, [type]);
      else list.push(type);
    }
  }
  const fields: Record<string, ImportedField> = {};
  for (const name of [...types.keys()].sort()) {
    const seen = new Set(types.get(name));
    if (seen.has('integer') && seen.has('number')) seen.delete('integer');
    const [type] = seen as Set<FieldType>;
    if (seen.size > 1)
      notes.push(`details field '${name}' was sent as ${[...seen].join(' and ')}: typed ${type}`);
    fields[name] = {
      type: type as FieldType,
      ...(present.get(name) === observations.length ? {} : { optional: true }),
    };
  }
  return fields;
}

function toEntry(observations: readonly Observation[], notes: string[]): ImportedEntry {
  const guessed: Record<string, string> = {};
  const statuses = observations.map((observation) => observation.status);
  const status = mostCommon(statuses) as number;
  const sent = observations.find((observation) => observation.code !== undefined)?.code;
  const code = sent ?? status;
  if (sent === undefined) guessed.code = 'no response carried a code: the status stands for it';
  const distinct = [...new Set(statuses)].sort((a, b) => a - b);
  if (distinct.length > 1) {
    guessed.status = `the most common of ${distinct.join(', ')}`;
    notes.push(`code ${code} came with the statuses ${distinct.join(', ')}`);
  }
  const entry: ImportedEntry = { code, status, guessed };
  const title = mostCommon(observations.flatMap((observation) => observation.title ?? []));
  if (title !== undefined) entry.title = title;
  if (observations.some((observation) => observation.delayed)) {
    entry.retryable = true;
    guessed.retryable = 'a response said when to retry (Retry-After or a delay in the body)';
  } else {
    entry.retryable = mostCommon(observations.map((observation) => String(observation.retryable))) === 'true';
    guessed.retryable = "as the decoder read it: the body's flag, else the status";
  }
  const built = settleMessage(entry, observedFields(observations, notes), observations, 'observed');
  if (built === undefined) {
    entry.message = mostCommon(observations.map((observation) => observation.message)) as string;
    guessed.message = 'the most common of messages that share no word';
  }
  return entry;
}

/** The files of a directory, sorted by name, at most {@link MAX_FILES}. */
function listFiles(dir: string, notes: string[]): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw errcatErrors.ERRCAT_IMPORT_FAILED({ source: dir, reason: `cannot read the directory (${reason})` });
  }
  if (names.length > MAX_FILES) {
    notes.push(`read the first ${MAX_FILES} of ${names.length} files`);
    names.length = MAX_FILES;
  }
  return names;
}

function listed(problems: readonly string[]): string[] {
  if (problems.length <= MAX_LISTED) return [...problems];
  return [...problems.slice(0, MAX_LISTED), `and ${problems.length - MAX_LISTED} more unreadable records`];
}

/**
 * Reads a directory of observed error responses into an import draft. Each file is a `curl -i`
 * transcript or JSON records (`{status, headers, body}`, one document or JSON lines; see
 * {@link readResponses}), read up to 1 MiB, at most 10,000 files, in name order. Every response
 * is decoded with `decodeErrorSync` and grouped by the code the server sent, else by status; each
 * group proposes an entry with its status, whether it is retryable (a `Retry-After` says so, else
 * the decoder's reading), a message template aligned from its messages (the varying parts become
 * `{params}` named after the details field holding them), its details fields typed from the
 * observed values (optional when some responses lack them) and an example. The draft's profile is
 * the errcat profile most bodies are in. Files it cannot read become notes.
 *
 * Throws `ERRCAT_IMPORT_FAILED` when the directory cannot be read or holds no error response.
 *
 * @example
 * ```ts
 * const draft = importResponses('captured/');
 * draft.entries.map((entry) => [entry.code, entry.status, entry.message]);
 * // [[404, 404, "No such order '{value}'"], ['rate_limited', 429, 'Slow down']]
 * ```
 */
export function importResponses(dir: string): ImportDraft {
  const notes: string[] = [];
  const problems: string[] = [];
  const observations: Observation[] = [];
  let successes = 0;
  let skipped = 0;
  for (const name of listFiles(dir, notes)) {
    let read: { text: string; truncated: boolean };
    try {
      read = readBounded(join(dir, name));
    } catch (error) {
      problems.push(`${name}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      continue;
    }
    if (read.truncated) notes.push(`${name}: read only its first MiB`);
    const found = readResponses(read.text, name);
    problems.push(...found.problems);
    for (const response of found.responses) {
      if (observations.length + successes >= MAX_RESPONSES) {
        skipped++;
        continue;
      }
      const observation = observe(response);
      if (observation === undefined) successes++;
      else observations.push(observation);
    }
  }
  notes.push(...listed(problems));
  if (skipped > 0) notes.push(`decoded the first ${MAX_RESPONSES} responses; ${skipped} more were not read`);
  if (successes > 0) notes.push(`${successes} responses were not errors (below 400) and were left out`);
  if (observations.length === 0) {
    throw errcatErrors.ERRCAT_IMPORT_FAILED({ source: dir, reason: 'no error response found in its files' });
  }
  const groups = new Map<string, Observation[]>();
  for (const observation of observations) {
    // A response without a code stands for its status: with a numeric code equal to it, one entry.
    const code = observation.code ?? observation.status;
    const key = `${typeof code}:${code}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [observation]);
    else group.push(observation);
  }
  const entries = [...groups.values()].map((group) => toEntry(group, notes)).sort(byCode);
  const profiles: ReadonlySet<string> = new Set(Object.keys(builtinProfiles));
  const formats = observations.map((observation) => observation.format);
  const profile = mostCommon(formats.filter((format) => profiles.has(format)));
  const foreign = [...new Set(formats.filter((format) => !profiles.has(format)))].sort();
  if (foreign.length > 0) {
    notes.push(`some bodies are in formats no errcat profile renders (${foreign.join(', ')})`);
  }
  if (new Set(formats.filter((format) => profiles.has(format))).size > 1) {
    notes.push(`bodies are in several profiles; '${profile}' is the most common`);
  }
  return { ...(profile === undefined ? {} : { profile }), categories: [], entries, notes };
}

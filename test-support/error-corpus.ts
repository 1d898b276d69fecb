import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeErrorSync } from 'errcat/client';
import { REPO_ROOT } from './seed-catalogs.js';

/** Where the corpus lives: `captured/`, `documented/` and `held-out/`, one JSON file per response. */
export const CORPUS_DIR: string = join(REPO_ROOT, 'test-support', 'fixtures', 'error-corpus');

/**
 * What the decoder must read from one response: the facts a person reading the server's docs
 * would say it meant. `code` is the most specific machine code the server itself sent, or `null`.
 *
 * @example
 * ```ts
 * const expected: CorpusExpected = { status: 404, code: null, message: 'Not Found', retryable: false, requestId: null, retryAfter: null };
 * ```
 */
export interface CorpusExpected {
  readonly status: number;
  readonly code: string | null;
  readonly message: string;
  readonly retryable: boolean;
  readonly requestId: string | null;
  /** Seconds to wait, as the response says; `null` when it says nothing. */
  readonly retryAfter: number | null;
}

/** One corpus file. */
export interface CorpusEntry {
  readonly file: string;
  readonly source: string;
  readonly kind: 'captured' | 'documented';
  /** The documentation page the response is copied from (documented entries). */
  readonly url?: string;
  /** The time of the response in epoch ms, for epoch resets and HTTP-dates. */
  readonly now: number;
  readonly response: {
    readonly status: number;
    readonly headers: Readonly<Record<string, string>>;
    readonly body: string;
  };
  readonly expected: CorpusExpected;
}

/**
 * Reads every file of one part of the corpus.
 *
 * @example
 * ```ts
 * const captured = readCorpus('captured');
 * ```
 */
export function readCorpus(part: 'captured' | 'documented' | 'held-out'): CorpusEntry[] {
  const dir = join(CORPUS_DIR, part);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ file: `${part}/${name}`, ...JSON.parse(readFileSync(join(dir, name), 'utf8')) }));
}

/**
 * What errcat's decoder reads from an entry's response, in the shape of its expected facts.
 *
 * @example
 * ```ts
 * expect(decodeEntry(entry)).toEqual(entry.expected);
 * ```
 */
export function decodeEntry(entry: CorpusEntry): CorpusExpected {
  const { status, headers, body } = entry.response;
  const decoded = decodeErrorSync(status, headers, body, { now: entry.now });
  if (decoded.ok)
    return {
      status: decoded.status,
      code: null,
      message: '',
      retryable: false,
      requestId: null,
      retryAfter: null,
    };
  return {
    status: decoded.httpStatus,
    code: decoded.code === null ? null : String(decoded.code),
    message: decoded.message,
    retryable: decoded.retryable,
    requestId: decoded.requestId ?? null,
    retryAfter: decoded.retryAfter ?? null,
  };
}

/**
 * The entries decoded wrong, with the fields that differ, and the share decoded fully right.
 *
 * @example
 * ```ts
 * const { share, misses } = scoreCorpus(readCorpus('captured'));
 * ```
 */
export function scoreCorpus(entries: readonly CorpusEntry[]): {
  share: number;
  misses: { file: string; fields: Record<string, { expected: unknown; decoded: unknown }> }[];
} {
  const misses = [];
  for (const entry of entries) {
    const decoded = decodeEntry(entry);
    const fields: Record<string, { expected: unknown; decoded: unknown }> = {};
    for (const key of Object.keys(entry.expected) as (keyof CorpusExpected)[]) {
      if (decoded[key] !== entry.expected[key])
        fields[key] = { expected: entry.expected[key], decoded: decoded[key] };
    }
    if (Object.keys(fields).length > 0) misses.push({ file: entry.file, fields });
  }
  return { share: entries.length === 0 ? 0 : (entries.length - misses.length) / entries.length, misses };
}

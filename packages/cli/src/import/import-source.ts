import { readFile, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { errcatErrors } from 'errcat';
import type { ImportDraft } from './import-draft.js';
import { importOpenApi } from './openapi-source.js';
import { importPage } from './page-source.js';
import { importResponses } from './responses-source.js';

/**
 * Which kind of source an import read.
 *
 * @example
 * ```ts
 * const kind: ImportKind = 'page';
 * ```
 */
export type ImportKind = 'openapi' | 'page' | 'responses';

/** Files that hold data, not prose: an OpenAPI document. */
const DATA_EXTENSIONS = new Set(['.json', '.yaml', '.yml']);

function unreadable(source: string, code: string | undefined): Error {
  const reason =
    code === 'ENOENT'
      ? 'no such file or directory'
      : code === 'EISDIR'
        ? 'is a directory (a directory of observed responses needs --from-responses)'
        : code === 'ENOTDIR'
          ? 'not a directory (--from-responses reads a directory of responses)'
          : 'cannot read it';
  return errcatErrors.ERRCAT_IMPORT_FAILED({ source, reason });
}

/**
 * Reads an import source into a draft: with `fromResponses`, a directory of observed responses;
 * else a `.json`, `.yaml` or `.yml` file as an OpenAPI 3.0/3.1 document, and any other file as an
 * error reference page (Markdown, HTML or plain text). Throws `ERRCAT_IMPORT_FAILED` with a
 * one-line reason for a source that cannot be read or yields no codes.
 *
 * @example
 * ```ts
 * const { kind, draft } = await readImportSource('errors.md', process.cwd());
 * ```
 */
export async function readImportSource(
  source: string,
  cwd: string,
  fromResponses = false,
): Promise<{ kind: ImportKind; draft: ImportDraft }> {
  const path = resolve(cwd, source);
  if (fromResponses) {
    const found = await stat(path).catch((error: { code?: string }) => {
      throw unreadable(source, error.code);
    });
    if (!found.isDirectory()) throw unreadable(source, 'ENOTDIR');
    return { kind: 'responses', draft: importResponses(path) };
  }
  const text = await readFile(path, 'utf8').catch((error: { code?: string }) => {
    throw unreadable(source, error.code);
  });
  if (DATA_EXTENSIONS.has(extname(source).toLowerCase())) {
    return { kind: 'openapi', draft: await importOpenApi(text, source) };
  }
  return { kind: 'page', draft: importPage(text, source) };
}

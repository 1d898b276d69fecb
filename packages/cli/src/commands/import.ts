import { readFile, writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { errcatErrors } from 'errcat';
import { parse as parseYaml } from 'yaml';
import { lintCatalog } from '../catalog/lint-catalog.js';
import type { Command } from '../command.js';
import { catalogTypeScript, catalogYaml } from '../import/catalog-writer.js';
import { draftCatalog, type ImportedCatalog } from '../import/draft-catalog.js';
import { readImportSource } from '../import/import-source.js';
import { type MergeResult, mergeCatalog } from '../import/merge-catalog.js';
import { usageError } from '../usage-error.js';

/** The language of the written catalog: TypeScript for `--ts` or an `--out` ending in `.ts`, JSON for `.json`. */
function languageOf(values: Readonly<Record<string, unknown>>): 'yaml' | 'ts' | 'json' {
  const out = typeof values.out === 'string' ? extname(values.out).toLowerCase() : '';
  if (values.ts === true || /^\.[mc]?ts$/.test(out)) return 'ts';
  return out === '.json' ? 'json' : 'yaml';
}

function render(catalog: ImportedCatalog, language: 'yaml' | 'ts' | 'json', source: string): string {
  if (language === 'ts') return catalogTypeScript(catalog, source);
  return language === 'json' ? `${JSON.stringify(catalog, null, 2)}\n` : catalogYaml(catalog, source);
}

/** The `x-import` notes of a catalog: how many fields are guesses. */
function guessCount(catalog: ImportedCatalog): number {
  const notes = [...Object.values(catalog.errors), ...Object.values(catalog.categories ?? {})];
  return notes.reduce(
    (sum, item) => sum + Object.keys((item['x-import'] as object | undefined) ?? {}).length,
    0,
  );
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

async function readMergeTarget(file: string, cwd: string): Promise<string> {
  try {
    return await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw errcatErrors.ERRCAT_CATALOG_LOAD_FAILED({
      path: file,
      reason:
        code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : 'cannot read the file',
    });
  }
}

async function writeOut(file: string, cwd: string, text: string): Promise<void> {
  try {
    await writeFile(resolve(cwd, file), text);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw usageError(`--out '${file}': ${code === 'ENOENT' ? 'no such directory' : 'cannot write the file'}`);
  }
}

/**
 * `errcat import <source>`: bootstraps a catalog from what a team already has — an error
 * reference page (Markdown, HTML or text), an OpenAPI 3.0/3.1 document, or a directory of
 * observed responses (`--from-responses`) — as YAML (TypeScript with `--ts` or `--out x.ts`),
 * every guess under `x-import`; `--merge` appends only what a catalog lacks. What it could not
 * decide goes to standard error, or into the `--format json` summary.
 *
 * @example
 * ```sh
 * errcat import docs/errors.md --out catalog.yaml
 * errcat import openapi.yaml --merge catalog.yaml --out catalog.yaml --format json
 * ```
 */
export const importCommand: Command = {
  name: 'import',
  summary: 'Bootstrap a catalog from an error page, an OpenAPI document or observed responses',
  usage:
    'errcat import <page.md|page.html|page.txt|openapi.yaml> [--out file] [--ts] [--merge catalog.yaml] [--format text|json]\n       errcat import --from-responses <dir> [options]',
  options: {
    out: {
      type: 'string',
      description: 'Write the catalog to this file (.yaml, .json or .ts) instead of standard output',
    },
    ts: {
      type: 'boolean',
      description: 'Write TypeScript (defineCatalog) instead of YAML; implied by --out *.ts',
    },
    merge: {
      type: 'string',
      description:
        'A YAML catalog to add the new entries and categories to; existing ones stay byte for byte',
    },
    'from-responses': {
      type: 'string',
      description: 'Read observed responses from this directory instead of a file',
    },
    format: {
      type: 'string',
      description: "'text' (default: the catalog) or 'json' (a summary for scripts)",
    },
  },
  run: async ({ positionals, values }, io) => {
    const responses = values['from-responses'];
    const [file, extra] = positionals;
    if (extra !== undefined || (file === undefined) === (typeof responses !== 'string'))
      throw usageError('import needs one source: a page or an OpenAPI document, or --from-responses <dir>');
    const format = (values.format as string | undefined) ?? 'text';
    if (format !== 'text' && format !== 'json')
      throw usageError(`--format must be text or json, got '${format}'`);
    const language = languageOf(values);
    if (typeof values.merge === 'string' && language !== 'yaml')
      throw usageError('--merge writes the YAML catalog it merges into: drop --ts, or --out a .yaml file');
    const source = (file ?? responses) as string;
    const { kind, draft } = await readImportSource(source, io.cwd, file === undefined);
    const catalog = draftCatalog(draft, source);
    let merged: MergeResult | undefined;
    let text: string;
    if (typeof values.merge === 'string') {
      merged = mergeCatalog(await readMergeTarget(values.merge, io.cwd), catalog, values.merge);
      text = merged.text;
    } else text = render(catalog, language, source);
    const findings = lintCatalog(merged ? parseYaml(text) : catalog);
    const lint = {
      errors: findings.filter((finding) => finding.severity === 'error').length,
      warnings: findings.filter((finding) => finding.severity === 'warning').length,
    };
    const notes = [...catalog['x-import'].notes, ...(merged?.notes ?? [])];
    for (const finding of findings.filter((f) => f.severity === 'error'))
      notes.push(`lint: ${finding.path}: ${finding.message} [${finding.rule}]`);
    if (typeof values.out === 'string') await writeOut(values.out, io.cwd, text);
    if (format === 'json') {
      const summary = {
        source,
        kind,
        language,
        out: typeof values.out === 'string' ? values.out : null,
        entries: Object.keys(catalog.errors),
        categories: Object.keys(catalog.categories ?? {}),
        guessed: guessCount(catalog),
        ...(merged
          ? {
              merge: {
                into: values.merge,
                added: merged.added,
                kept: merged.kept,
                categories: merged.categories,
              },
            }
          : {}),
        lint,
        notes,
        ...(typeof values.out === 'string' ? {} : { catalog: text }),
      };
      io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
      return 0;
    }
    if (typeof values.out !== 'string') io.stdout(text);
    for (const note of notes) io.stderr(`errcat: note: ${note}\n`);
    const what = merged
      ? `added ${count(merged.added.length, 'entry', 'entries')} and ${count(merged.categories.length, 'category', 'categories')} to ${values.merge} (${count(merged.kept.length, 'code', 'codes')} already there)`
      : `imported ${count(Object.keys(catalog.errors).length, 'entry', 'entries')} and ${count(Object.keys(catalog.categories ?? {}).length, 'category', 'categories')}`;
    io.stderr(`errcat: ${what} from ${source}; ${guessCount(catalog)} guessed fields are marked x-import\n`);
    return 0;
  },
};

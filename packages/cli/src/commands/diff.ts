import { loadCatalogSource } from '../catalog/catalog-source.js';
import type { Command } from '../command.js';
import { diffCatalogs } from '../diff/diff-catalogs.js';
import { formatDiffMarkdown, formatDiffText } from '../diff/format-diff.js';
import { usageError } from '../usage-error.js';

const FORMATS = new Set(['text', 'json', 'github']);

/**
 * `errcat diff <old> <new>`: what a catalog change breaks, each change classified major, minor or
 * patch. Exit 0 when nothing breaks, 1 on an unwaived major change, 2 on a usage error.
 *
 * @example
 * ```sh
 * errcat diff git:main:catalogs/resonate.yaml catalogs/resonate.yaml --format github
 * ```
 */
export const diffCommand: Command = {
  name: 'diff',
  summary: 'Compare two catalog versions as a contract; exit 1 on breaking changes',
  usage:
    'errcat diff <old> <new> [--json] [--format text|json|github]   (a version is a path or git:<rev>:<path>)',
  options: {
    json: { type: 'boolean', description: 'Print the result as JSON (same as --format json)' },
    format: { type: 'string', description: "'text' (default), 'json', or 'github' (Markdown summary)" },
  },
  run: async ({ positionals, values }, io) => {
    const [before, after, extra] = positionals;
    if (!before || !after || extra !== undefined)
      throw usageError('diff needs exactly two catalogs: <old> <new>');
    const format = values.json === true ? 'json' : ((values.format as string | undefined) ?? 'text');
    if (!FORMATS.has(format)) throw usageError(`--format must be text, json or github, got '${format}'`);
    const [old, next] = await Promise.all([
      loadCatalogSource(before, io.cwd),
      loadCatalogSource(after, io.cwd),
    ]);
    const diff = diffCatalogs(old, next);
    const sources = { before, after };
    if (format === 'json') {
      const side = (source: string, catalog: typeof old) => ({
        source,
        domain: catalog.domain,
        version: catalog.version,
      });
      io.stdout(
        `${JSON.stringify({ before: side(before, old), after: side(after, next), ...diff }, null, 2)}\n`,
      );
    } else io.stdout(format === 'github' ? formatDiffMarkdown(diff, sources) : formatDiffText(diff, sources));
    return diff.breaking ? 1 : 0;
  },
};

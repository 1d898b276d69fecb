import { relative, resolve } from 'node:path';
import { loadCatalogFile } from '../catalog/load-catalog.js';
import type { Command } from '../command.js';
import { writeDocsMarkdown, writeDocsSite } from '../docs/write-docs.js';
import { usageError } from '../usage-error.js';
import { listOption } from './list-option.js';

/**
 * `errcat docs <catalog> --out <dir>`: writes the searchable error dictionary (or Markdown).
 *
 * @example
 * ```sh
 * errcat docs catalogs/resonate.yaml --out site --profiles google,simple
 * ```
 */
export const docsCommand: Command = {
  name: 'docs',
  summary: 'Generate the error dictionary: a static searchable site, or Markdown',
  usage: 'errcat docs <catalog> --out <dir> [--format html|markdown] [--profiles a,b] [--sidebar-position N]',
  options: {
    out: { type: 'string', description: 'The output directory (Markdown: a directory or a .md/.mdx file)' },
    format: {
      type: 'string',
      description: "'html' (default): a static site; 'markdown': Docusaurus/VitePress",
    },
    profiles: {
      type: 'string',
      description:
        "Profiles that get an example tab besides the catalog's (default: all built-in; '' for none)",
    },
    'sidebar-position': { type: 'string', description: 'Markdown: the sidebar_position of the front matter' },
  },
  run: async ({ positionals, values }, io) => {
    const [file] = positionals;
    if (!file) throw usageError('docs needs a catalog path');
    if (typeof values.out !== 'string' || values.out === '') throw usageError('docs needs --out <dir>');
    const format = (values.format as string | undefined) ?? 'html';
    if (format !== 'html' && format !== 'markdown') {
      throw usageError(`--format must be 'html' or 'markdown', got '${format}'`);
    }
    const rawPosition = values['sidebar-position'];
    const position = typeof rawPosition === 'string' ? Number(rawPosition) : undefined;
    if (position !== undefined && (rawPosition === '' || !Number.isFinite(position))) {
      throw usageError(`--sidebar-position must be a number, got '${String(rawPosition)}'`);
    }
    const { catalog } = await loadCatalogFile(file, io.cwd);
    const target = resolve(io.cwd, values.out);
    const tabs = listOption(values.profiles);
    const written =
      format === 'markdown'
        ? await writeDocsMarkdown(
            catalog,
            target,
            position === undefined ? {} : { sidebarPosition: position },
          )
        : await writeDocsSite(catalog, target, tabs === undefined ? {} : { tabs });
    const shown = relative(io.cwd, written.file) || written.file;
    io.stdout(`${shown}: ${catalog.entries.length} errors, ${(written.bytes / 1024).toFixed(1)} KiB\n`);
    return 0;
  },
};

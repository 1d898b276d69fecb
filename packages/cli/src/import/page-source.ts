import { extname } from 'node:path';
import { errcatErrors } from 'errcat';
import { readHtml } from './html-reader.js';
import type { ImportDraft } from './import-draft.js';
import { readMarkdown } from './markdown-reader.js';
import type { PageBlock } from './page-block.js';
import { pageDraft } from './page-draft.js';
import { readText } from './text-reader.js';

/**
 * The markup of a page: `.md` and `.html` by extension; any other file by its content — HTML when
 * it opens with a tag, Markdown when a line is an ATX heading, a fence or front matter, else
 * plain text (also the text of an HTML page copied without its tags).
 *
 * @example
 * ```ts
 * pageFormat('errors.txt', '---\nsidebar_position: 2\n---\n# Errors'); // 'markdown'
 * ```
 */
export function pageFormat(fileName: string, text: string): 'markdown' | 'html' | 'text' {
  const extension = extname(fileName).toLowerCase();
  if (extension === '.md' || extension === '.markdown' || extension === '.mdx') return 'markdown';
  if (extension === '.html' || extension === '.htm') return 'html';
  const start = text.trimStart().slice(0, 200).toLowerCase();
  if (
    start.startsWith('<!doctype html') ||
    start.startsWith('<html') ||
    /^<(?:body|main|h[1-6]|div)\b/.test(start)
  )
    return 'html';
  const lines = text.split(/\r?\n/, 2000);
  const markdown = lines[0] === '---' || lines.some((line) => /^(?:#{1,6}\s|```|~~~)/.test(line));
  return markdown ? 'markdown' : 'text';
}

/** Larger pages are refused: an error reference of thousands of codes stays well below. */
const MAX_PAGE = 8 * 1024 * 1024;

const READERS: Readonly<Record<ReturnType<typeof pageFormat>, (text: string) => PageBlock[]>> = {
  markdown: readMarkdown,
  html: readHtml,
  text: readText,
};

/**
 * Imports an error reference page (Markdown, HTML or plain text, see {@link pageFormat}) into a
 * draft. Throws `ERRCAT_IMPORT_FAILED` when the page names no error code or is larger than 8 MiB.
 *
 * @example
 * ```ts
 * const draft = importPage(await readFile('errors.md', 'utf8'), 'errors.md');
 * draft.categories.map((category) => category.range); // [[4000, 4999], [5000, 5999]]
 * ```
 */
export function importPage(text: string, fileName: string): ImportDraft {
  if (text.length > MAX_PAGE) {
    throw errcatErrors.ERRCAT_IMPORT_FAILED({
      source: fileName,
      reason: `larger than ${MAX_PAGE / 1024 / 1024} MiB`,
    });
  }
  const page = text.replace(/^\uFEFF/, '');
  const format = pageFormat(fileName, page);
  const draft = pageDraft(READERS[format](page));
  if (draft.entries.length === 0) {
    throw errcatErrors.ERRCAT_IMPORT_FAILED({
      source: fileName,
      reason: `no error codes found in this ${format === 'text' ? 'text' : format === 'html' ? 'HTML' : 'Markdown'} page (headings, definition lines or tables with a code or status column)`,
    });
  }
  return draft;
}

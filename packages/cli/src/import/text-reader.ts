import { type PageBlock, plainText } from './page-block.js';
import { isDelimiterRow, pipeCells } from './pipe-table.js';

/** A list item: a bullet (`-`, `*`, `+`, `•`) or a number (`1.`, `1)`) and its text. */
const LIST_ITEM = /^(?:[-*+•]|\d{1,3}[.)])\s+(.*)$/;

/** A Markdown ATX heading line: `## Title`. */
const ATX_HEADING = /^(#{1,6})\s+(.*?)\s*#*$/;

/**
 * A label and the list or table glued after it on the same line, as pages flattened from HTML
 * write them: `Example Response:- Malformed JSON`, `Example Response:| Error | Description |`.
 */
const GLUED = /^(.*?:)\s*((?:[-•]\s|\|).*)$/;

/**
 * Whether a line of plain text reads as a heading: short, without final punctuation, and in title
 * case (every word of four letters or more capitalised, as `Too Many Requests`, `AUTH-401`,
 * `4xx Client Errors`), and not a `Label: value` line.
 */
function isTitleLine(line: string): boolean {
  const words = line.split(' ');
  return (
    words.length <= 8 &&
    line.length <= 80 &&
    /^[A-Z0-9]/.test(line) &&
    !/[.:;,!?"'{}[\]]$/.test(line) &&
    !(words[0] ?? '').endsWith(':') &&
    words.every((word) => word.length < 4 || !/^[a-z]/.test(word))
  );
}

/** The heading a line is, if it is one: Markdown `## Title`, an anchor `Title#`, or a title line. */
function headingOf(line: string): PageBlock | undefined {
  const atx = ATX_HEADING.exec(line);
  if (atx) return { kind: 'heading', level: (atx[1] as string).length, text: atx[2] as string };
  // A heading's permalink anchor, flattened to a trailing '#': `400 — Bad Request#`.
  if (line.length > 1 && /[^#][#¶]$/.test(line) && line.length <= 100) {
    return { kind: 'heading', level: 2, text: plainText(line.slice(0, -1)) };
  }
  return isTitleLine(line) ? { kind: 'heading', level: 3, text: line } : undefined;
}

/** Splits a label from a list or table glued after it (see {@link GLUED}). */
function unglue(line: string): string[] {
  const glued = GLUED.exec(line);
  if (!glued || (glued[2]?.startsWith('|') && !glued[2].trimEnd().endsWith('|'))) return [line];
  return [glued[1] as string, glued[2] as string];
}

/** A JSON example spans at most this many lines; an unclosed brace past it is prose. */
const MAX_JSON_LINES = 200;

/**
 * Where a JSON example that opens at `lines[start]` closes: the line and the column after its
 * last brace (strings are skipped, so braces inside them do not count). `undefined` when it does
 * not close within {@link MAX_JSON_LINES}.
 */
function jsonEnd(lines: readonly string[], start: number): { line: number; column: number } | undefined {
  let depth = 0;
  let inString = false;
  for (let line = start; line < Math.min(lines.length, start + MAX_JSON_LINES); line++) {
    const text = lines[line] as string;
    for (let column = 0; column < text.length; column++) {
      const char = text[column];
      if (inString) {
        if (char === '\\') column++;
        else if (char === '"') inString = false;
      } else if (char === '"') inString = true;
      else if (char === '{' || char === '[') depth++;
      else if ((char === '}' || char === ']') && --depth === 0) return { line, column: column + 1 };
    }
  }
  return undefined;
}

/**
 * Reads a plain-text page (or a page flattened from HTML, tags gone) line by line: headings
 * (Markdown `#`, a trailing anchor `#`, short title-case lines), list items (`-`, `•`, `1.`; a
 * lower-case line continues the item before it), pipe tables, JSON examples (from a line opening
 * with `{` to its closing brace; text glued after it goes on), and paragraphs — a run of lines
 * when the page separates paragraphs with blank lines, else each line.
 *
 * @example
 * ```ts
 * readText('AUTH-401\n\nAuthentication Failed\n\nPossible Causes:\n  • Invalid token.\n');
 * // [{ kind: 'heading', text: 'AUTH-401', … }, { kind: 'heading', text: 'Authentication Failed', … },
 * //  { kind: 'paragraph', text: 'Possible Causes:' }, { kind: 'list', items: ['Invalid token.'] }]
 * ```
 */
export function readText(text: string): PageBlock[] {
  const lines = text.split(/\r?\n/).flatMap((line) => unglue(plainText(line)));
  // Blank lines between paragraphs (not only at the end) mean a paragraph may span lines.
  const runs = lines
    .slice(lines.findIndex((line) => line !== ''))
    .join('\n')
    .trimEnd()
    .includes('\n\n');
  const blocks: PageBlock[] = [];
  let paragraph: string[] = [];
  let list: string[] | undefined;
  let table: { header: string[]; rows: string[][] } | undefined;
  const flush = (): void => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    if (list) blocks.push({ kind: 'list', items: list });
    if (table) blocks.push({ kind: 'table', header: table.header, rows: table.rows });
    paragraph = [];
    list = undefined;
    table = undefined;
  };
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    const json = line.startsWith('{') && !table ? jsonEnd(lines, index) : undefined;
    if (json) {
      flush();
      const last = lines[json.line] as string;
      blocks.push({
        kind: 'code',
        text: [...lines.slice(index, json.line), last.slice(0, json.column)].join('\n'),
      });
      const rest = last.slice(json.column).trim();
      // Prose glued after the closing brace (`}If the problem persists…`) is read as its own line.
      if (rest === '') index = json.line;
      else {
        lines[json.line] = rest;
        index = json.line - 1;
      }
      continue;
    }
    const cells = pipeCells(line, table !== undefined);
    if (cells) {
      if (!table) {
        flush();
        table = { header: cells, rows: [] };
      } else if (!isDelimiterRow(cells)) table.rows.push(cells);
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      if (!list) {
        flush();
        list = [];
      }
      list.push(item[1] as string);
      continue;
    }
    if (list && /^[a-z]/.test(line)) {
      list[list.length - 1] = `${list.at(-1) as string} ${line}`;
      continue;
    }
    if (line === '') {
      flush();
      continue;
    }
    const heading = paragraph.length === 0 || !runs ? headingOf(line) : undefined;
    if (heading) {
      flush();
      blocks.push(heading);
    } else if (runs) {
      if (list || table) flush();
      paragraph.push(line);
    } else {
      flush();
      blocks.push({ kind: 'paragraph', text: line });
    }
  }
  flush();
  return blocks;
}

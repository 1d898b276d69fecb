import MarkdownIt, { type Token } from 'markdown-it';
import { type PageBlock, plainText } from './page-block.js';

/** The CommonMark parser with GFM tables; raw HTML stays text, links stay as their text. */
const markdown = new MarkdownIt('default', { html: false, linkify: false });

/** A leading YAML front matter block (Docusaurus' `sidebar_position`): not part of the page. */
const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/;

/** The plain text of an inline token: its text and code spans, line breaks as spaces. */
function inlineText(token: Token): string {
  const parts = (token.children ?? []).map((child) =>
    child.type === 'text' || child.type === 'code_inline'
      ? child.content
      : child.type === 'softbreak' || child.type === 'hardbreak'
        ? ' '
        : '',
  );
  return plainText(parts.join(''));
}

/**
 * Reads a Markdown page into blocks with markdown-it: headings, paragraphs, lists (nested lists
 * flattened into their top-level list), tables and code blocks; raw HTML is left out.
 *
 * @example
 * ```ts
 * readMarkdown('## Request Errors (4000-4999)\n\n### 4040\nThe specified promise could not be found.\n');
 * // [{ kind: 'heading', level: 2, … }, { kind: 'heading', level: 3, text: '4040' }, { kind: 'paragraph', … }]
 * ```
 */
export function readMarkdown(text: string): PageBlock[] {
  const blocks: PageBlock[] = [];
  let heading: number | undefined;
  let list: { items: string[] } | undefined;
  let table: { header: string[]; rows: string[][]; inHead: boolean } | undefined;
  let listDepth = 0;
  for (const token of markdown.parse(text.replace(FRONT_MATTER, ''), {})) {
    switch (token.type) {
      case 'heading_open':
        heading = Number(token.tag.slice(1));
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        if (listDepth++ === 0) list = { items: [] };
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        if (--listDepth === 0 && list) {
          blocks.push({ kind: 'list', items: list.items });
          list = undefined;
        }
        break;
      case 'list_item_open':
        list?.items.push('');
        break;
      case 'table_open':
        table = { header: [], rows: [], inHead: false };
        break;
      case 'thead_open':
        if (table) table.inHead = true;
        break;
      case 'thead_close':
        if (table) table.inHead = false;
        break;
      case 'tr_open':
        if (table && !table.inHead) table.rows.push([]);
        break;
      case 'table_close':
        if (table) blocks.push({ kind: 'table', header: table.header, rows: table.rows });
        table = undefined;
        break;
      case 'fence':
      case 'code_block':
        blocks.push({ kind: 'code', text: token.content });
        break;
      case 'inline': {
        const content = inlineText(token);
        if (table) (table.inHead ? table.header : (table.rows.at(-1) ?? table.header)).push(content);
        else if (heading !== undefined) blocks.push({ kind: 'heading', level: heading, text: content });
        else if (list) {
          const last = list.items.length - 1;
          list.items[last] = plainText(`${list.items[last] ?? ''} ${content}`);
        } else if (content !== '') blocks.push({ kind: 'paragraph', text: content });
        heading = undefined;
        break;
      }
    }
  }
  return blocks;
}

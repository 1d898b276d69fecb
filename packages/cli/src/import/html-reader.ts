import { type DefaultTreeAdapterMap, parse } from 'parse5';
import { type PageBlock, plainText } from './page-block.js';

type HtmlNode = DefaultTreeAdapterMap['childNode'];
type HtmlElement = DefaultTreeAdapterMap['element'];

/** Elements whose content is not the page's prose (a `pre` is read apart, as a code block). */
const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'svg', 'pre', 'nav', 'head', 'button']);

/** Elements that only group blocks: their text between blocks becomes paragraphs. */
const CONTAINERS = new Set([
  'html',
  'body',
  'main',
  'article',
  'section',
  'div',
  'header',
  'footer',
  'aside',
  'blockquote',
  'details',
  'summary',
  'figure',
  'dl',
  'form',
  'fieldset',
]);

function isElement(node: HtmlNode): node is HtmlElement {
  return 'tagName' in node;
}

/** The text of a node and its descendants, without skipped elements and nested lists. */
function textOf(node: HtmlNode, withoutLists = false): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  if (!isElement(node) || SKIPPED.has(node.tagName)) return '';
  if (node.tagName === 'br') return ' ';
  if (withoutLists && (node.tagName === 'ul' || node.tagName === 'ol')) return '';
  return node.childNodes.map((child) => textOf(child, withoutLists)).join('');
}

/** The elements below `node` with one of `tags`, in document order, not looking inside them. */
function descendants(node: HtmlElement, tags: ReadonlySet<string>): HtmlElement[] {
  return node.childNodes
    .filter(isElement)
    .flatMap((child) =>
      tags.has(child.tagName) ? [child] : SKIPPED.has(child.tagName) ? [] : descendants(child, tags),
    );
}

const ROW = new Set(['tr']);
const CELL = new Set(['th', 'td']);
const ITEM = new Set(['li']);

function tableOf(table: HtmlElement): PageBlock {
  const rows = descendants(table, ROW).map((row) => descendants(row, CELL));
  const [first, ...rest] = rows;
  const cells = (row: HtmlElement[]): string[] => row.map((cell) => plainText(textOf(cell)));
  return { kind: 'table', header: first ? cells(first) : [], rows: rest.map(cells) };
}

/** The items of a list, nested lists' items after their parent's, in order. */
function itemsOf(list: HtmlElement): string[] {
  return descendants(list, ITEM).flatMap((item) => [
    plainText(textOf(item, true)),
    ...descendants(item, new Set(['ul', 'ol'])).flatMap(itemsOf),
  ]);
}

/** A heading's text without its permalink anchor (`4040 #`, `Server Errors ¶`). */
function headingText(heading: HtmlElement): string {
  return plainText(textOf(heading)).replace(/\s*[#¶§]$/, '');
}

/** Reads one element's blocks into `blocks`; loose text of a container becomes paragraphs. */
function readElement(element: HtmlElement, blocks: PageBlock[]): void {
  let loose = '';
  const flush = (): void => {
    const text = plainText(loose);
    if (text !== '') blocks.push({ kind: 'paragraph', text });
    loose = '';
  };
  for (const child of element.childNodes) {
    if (!isElement(child)) {
      loose += textOf(child);
      continue;
    }
    const tag = child.tagName;
    if (SKIPPED.has(tag) && tag !== 'pre') continue;
    const heading = /^h([1-6])$/.exec(tag);
    const block: PageBlock | undefined = heading
      ? { kind: 'heading', level: Number(heading[1]), text: headingText(child) }
      : tag === 'dt'
        ? { kind: 'heading', level: 7, text: plainText(textOf(child)) }
        : tag === 'p' || tag === 'dd'
          ? { kind: 'paragraph', text: plainText(textOf(child)) }
          : tag === 'pre'
            ? { kind: 'code', text: child.childNodes.map((node) => textOf(node)).join('') }
            : tag === 'ul' || tag === 'ol'
              ? { kind: 'list', items: itemsOf(child).filter((item) => item !== '') }
              : tag === 'table'
                ? tableOf(child)
                : undefined;
    if (block || CONTAINERS.has(tag)) flush();
    if (block) {
      if (block.kind !== 'paragraph' || block.text !== '') blocks.push(block);
    } else if (CONTAINERS.has(tag)) readElement(child, blocks);
    else loose += textOf(child);
  }
  flush();
}

/**
 * Reads an HTML page into blocks with parse5: headings `h1`–`h6`, definition lists (`dt` as a
 * heading below all others, `dd` as its paragraph), paragraphs, lists, tables, `pre` code blocks,
 * and the loose text of containers; scripts, styles and navigation are left out.
 *
 * @example
 * ```ts
 * readHtml('<h3>AUTH-401</h3><p>The credentials are invalid.</p><p>Possible Causes:</p><ul><li>Expired token</li></ul>');
 * // heading 'AUTH-401', paragraph, paragraph 'Possible Causes:', list ['Expired token']
 * ```
 */
export function readHtml(text: string): PageBlock[] {
  const blocks: PageBlock[] = [];
  for (const node of parse(text).childNodes) if (isElement(node)) readElement(node, blocks);
  return blocks;
}

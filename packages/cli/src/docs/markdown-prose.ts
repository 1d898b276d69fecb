import MarkdownIt from 'markdown-it';
import { escapeHtml, SafeHtml } from './html.js';

/**
 * Catalog prose (descriptions, causes, resolutions, guidance) is Markdown written by the catalog
 * author. It is rendered with raw HTML off (tags come out escaped), markdown-it's link check (no
 * `javascript:` or `data:` links) and images off, so a page never loads anything from elsewhere.
 */
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false }).disable('image');

const defaultHeadingOpen = markdown.renderer.rules.heading_open;
markdown.renderer.rules.heading_open = (tokens, index, options, env, self) => {
  shiftHeading(tokens[index], env);
  return defaultHeadingOpen
    ? defaultHeadingOpen(tokens, index, options, env, self)
    : self.renderToken(tokens, index, options);
};
markdown.renderer.rules.heading_close = (tokens, index, options, env, self) => {
  shiftHeading(tokens[index], env);
  return self.renderToken(tokens, index, options);
};

// A `#` heading inside an entry's description must nest under the entry's own heading.
function shiftHeading(token: { tag: string } | undefined, env: unknown): void {
  const base = (env as { headingLevel?: unknown } | undefined)?.headingLevel;
  if (!token || typeof base !== 'number') return;
  const level = Number(token.tag.slice(1));
  if (!token.tag.startsWith('h') || !Number.isInteger(level)) return;
  token.tag = `h${Math.min(6, level + base - 1)}`;
}

// Text without any Markdown syntax skips the parser: most catalog prose is plain sentences, and a
// 10,000-entry catalog has tens of thousands of them.
const MARKDOWN_SYNTAX = /[`*_[\]<>&\\~!|#]|^\s|^[-+>\d]|\n/;

/**
 * Renders one line of catalog prose (a cause, a resolution) as inline HTML.
 *
 * @example
 * ```ts
 * renderInlineProse('Run `errcat lint`').value; // 'Run <code>errcat lint</code>'
 * ```
 */
export function renderInlineProse(text: string): SafeHtml {
  if (!MARKDOWN_SYNTAX.test(text)) return new SafeHtml(escapeHtml(text));
  return new SafeHtml(markdown.renderInline(text));
}

/**
 * Renders a block of catalog prose (paragraphs, lists, fenced code) as HTML. Its headings are
 * shifted so that `#` becomes `headingLevel`.
 *
 * @example
 * ```ts
 * renderBlockProse('## Retry\n\nUse backoff.', 3).value; // '<h4>Retry</h4>\n<p>Use backoff.</p>\n'
 * ```
 */
export function renderBlockProse(text: string, headingLevel = 3): SafeHtml {
  if (!MARKDOWN_SYNTAX.test(text)) return new SafeHtml(`<p>${escapeHtml(text.trim())}</p>`);
  return new SafeHtml(markdown.render(text, { headingLevel }));
}

import { clip, requestIdValue } from '../../../internal/json-fields.js';
import type { DecodedError } from '../../../render/decoded-error.js';

/** Only the start of a page is scanned: the title, heading or first line is always near the top. */
const SCAN_LIMIT = 64 * 1024;
/** Only this much of a page without a heading is turned into text: the message keeps 300 characters. */
const VISIBLE_LIMIT = 8 * 1024;
/** Titles that say nothing (Express's error page is titled "Error"). */
const GENERIC_TITLES = new Set(['error', 'untitled']);

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  '#39': "'",
  '#x27': "'",
  '#34': '"',
};

function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(
    /&(#?[a-z0-9]{1,8});/gi,
    (whole, name: string) => ENTITIES[name.toLowerCase()] ?? whole,
  );
}

/**
 * The text of a fragment of HTML: tags dropped, entities decoded, whitespace collapsed. One pass
 * over the string, so a page full of `<` costs no more than its length.
 */
function visibleText(html: string): string {
  let out = '';
  let inTag = false;
  for (let index = 0; index < html.length; index++) {
    const char = html[index] as string;
    if (inTag) {
      if (char === '>') {
        inTag = false;
        out += ' ';
      }
    } else if (char === '<') {
      inTag = true;
    } else {
      out += char;
    }
  }
  return decodeEntities(out).replace(/\s+/g, ' ').trim();
}

/** `<tag>` or `<tag attributes…>`, per tag, compiled once. */
const OPENING_TAGS = new Map<string, RegExp>();
const LINE_BREAK = /<br\s*\/?>|\n/i;

function openingTag(tag: string): RegExp {
  let pattern = OPENING_TAGS.get(tag);
  if (pattern === undefined) {
    pattern = new RegExp(`<${tag}[\\s>]`);
    OPENING_TAGS.set(tag, pattern);
  }
  return pattern;
}

/** The content of the first `<tag …>…</tag>` in `lower` (the page lower-cased), taken from `page`. */
function element(page: string, lower: string, tag: string): string | undefined {
  const open = lower.search(openingTag(tag));
  if (open < 0) return undefined;
  const start = lower.indexOf('>', open);
  const end = lower.indexOf(`</${tag}`, start);
  if (start < 0 || end < 0) return undefined;
  // A <pre> may hold a stack trace (Express in development): keep its first line only.
  const content = page.slice(start + 1, end);
  const lineEnd = content.search(LINE_BREAK);
  const inner = lineEnd < 0 ? content : content.slice(0, lineEnd);
  return clip(visibleText(inner), 300);
}

/**
 * True when a text body is an HTML page.
 *
 * @example
 * ```ts
 * looksLikeHtml('<!DOCTYPE html><p>…', 'text/plain'); // true
 * ```
 */
export function looksLikeHtml(body: string, contentType: string): boolean {
  if (contentType.includes('html')) return true;
  const start = body.trimStart().slice(0, 15).toLowerCase();
  return (
    start.startsWith('<!doctype') ||
    start.startsWith('<html') ||
    start.startsWith('<head') ||
    start.startsWith('<body')
  );
}

/**
 * True when a text body is an XML document (AWS's query and REST-XML protocols answer errors so).
 *
 * @example
 * ```ts
 * looksLikeXml('<?xml version="1.0"?><Error>…', 'application/xml'); // true
 * ```
 */
export function looksLikeXml(body: string, contentType: string): boolean {
  return contentType.includes('xml') || body.trimStart().startsWith('<?xml');
}

/**
 * An XML error, as AWS's S3 (`<Error><Code>NoSuchKey</Code><Message>…</Message><RequestId>…`),
 * query (`<ErrorResponse><Error><Code>Throttling</Code>…`) and EC2 (`<Response><Errors><Error>…
 * <RequestID>`) protocols send it: the first `Code`, `Message` and request id elements.
 *
 * @example
 * ```ts
 * xmlShape('<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>');
 * // { format: 'aws', code: 'NoSuchKey', message: 'The specified key does not exist.', requestId: undefined }
 * ```
 */
export function xmlShape(body: string): DecodedError {
  const page = body.length > SCAN_LIMIT ? body.slice(0, SCAN_LIMIT) : body;
  const lower = page.toLowerCase();
  const code = element(page, lower, 'code');
  const message = element(page, lower, 'message');
  if (code === undefined && message === undefined) return textShape(visibleText(page));
  return {
    format: 'aws',
    code,
    message,
    requestId: requestIdValue(element(page, lower, 'requestid')),
  };
}

/** The page's `<title>`, unless it is a generic one ("Error"). */
function pageTitle(page: string, lower: string): string | undefined {
  const title = element(page, lower, 'title');
  return title !== undefined && !GENERIC_TITLES.has(title.toLowerCase()) ? title : undefined;
}

/**
 * An HTML error page (a proxy's 502, Express's "Cannot GET /x"): the message is its first `<h1>`,
 * `<pre>` or meaningful `<title>`, else its visible text.
 *
 * @example
 * ```ts
 * htmlShape('<html><title>502 Bad Gateway</title></html>'); // { format: 'html', message: '502 Bad Gateway' }
 * ```
 */
export function htmlShape(body: string): DecodedError {
  const page = body.length > SCAN_LIMIT ? body.slice(0, SCAN_LIMIT) : body;
  const lower = page.toLowerCase();
  return {
    format: 'html',
    message:
      element(page, lower, 'h1') ??
      element(page, lower, 'pre') ??
      pageTitle(page, lower) ??
      clip(visibleText(page.slice(0, VISIBLE_LIMIT)), 300),
  };
}

/**
 * A plain-text body (Hono's "404 Not Found", a proxy's one-liner): its first non-blank line.
 *
 * @example
 * ```ts
 * textShape('upstream timed out'); // { format: 'text', message: 'upstream timed out' }
 * ```
 */
export function textShape(body: string): DecodedError {
  const head = body.length > SCAN_LIMIT ? body.slice(0, SCAN_LIMIT) : body;
  for (const line of head.split('\n')) {
    const message = clip(line, 300);
    if (message !== undefined) return { format: 'text', message };
  }
  return { format: 'empty' };
}

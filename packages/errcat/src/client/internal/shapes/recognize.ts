import { clip, firstNonSpace, isObject, list, own } from '../json-fields.js';
import { envelopeShape } from './envelopes.js';
import { errorObjectShape } from './error-object.js';
import { errorsArrayShape } from './errors-array.js';
import { flatMessageShape } from './flat-message.js';
import { kubernetesShape } from './kubernetes.js';
import { problemShape } from './problem.js';
import { htmlShape, looksLikeHtml, looksLikeXml, textShape, xmlShape } from './text-page.js';
import type { WireFacts } from './wire-facts.js';

/**
 * Recognises a body's format and reads its facts. `value` is the parsed JSON (`undefined` when the
 * body is not JSON), `body` the text. The most specific shapes are tried first; anything left is
 * read as generic JSON or as a text page, so every body yields facts.
 *
 * @example
 * ```ts
 * recognize({ error: { code: 'NOPE', message: 'no' } }, text, 'application/json');
 * // { format: 'simple', code: 'NOPE', message: 'no' }
 * ```
 */
export function recognize(value: unknown, body: string, contentType: string): WireFacts {
  if (isObject(value)) {
    if (contentType.includes('problem+json')) return problemShape(value, contentType) as WireFacts;
    const errors = list(value, 'errors');
    return (
      envelopeShape(value) ??
      kubernetesShape(value) ??
      errorObjectShape(value) ??
      problemShape(value, contentType) ??
      (errors !== undefined && typeof own(value, 'message') !== 'string'
        ? errorsArrayShape(value, errors)
        : undefined) ??
      flatMessageShape(value)
    );
  }
  if (Array.isArray(value)) return errorsArrayShape({}, value) ?? { format: 'json' };
  if (typeof value === 'string') return { format: 'json', message: clip(value) };
  if (value !== undefined) return { format: 'json' };
  const start = firstNonSpace(body);
  if (start === undefined) return { format: 'empty' };
  // JSON that failed to parse (truncated, invalid): its text would make a poor message.
  if (start === '{' || start === '[') return { format: 'json' };
  if (looksLikeHtml(body, contentType)) return htmlShape(body);
  return looksLikeXml(body, contentType) ? xmlShape(body) : textShape(body);
}

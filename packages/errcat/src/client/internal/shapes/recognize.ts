import { arrayValue, clip, firstNonSpace, members } from '../../../internal/json-fields.js';
import type { DecodedError } from '../../../render/decoded-error.js';
import { decodeProblem } from '../../../render/problem-decode.js';
import { errorsArrayShape } from './errors-array.js';
import { flatMessageShape } from './flat-message.js';
import { JSON_FORMATS } from './json-formats.js';
import { htmlShape, looksLikeHtml, looksLikeXml, textShape, xmlShape } from './text-page.js';

/**
 * Recognises a body's format and reads its facts. `value` is the parsed JSON (`undefined` when the
 * body is not JSON), `body` the text. errcat's own formats are read by their profiles' decoders,
 * the same that `errcat/testing` checks responses with; the shapes of other servers come after,
 * and anything left is read as generic JSON or as a text page, so every body yields facts.
 *
 * @example
 * ```ts
 * recognize({ error: { code: 'NOPE', message: 'no' } }, text, 'application/json');
 * // { format: 'simple', code: 'NOPE', message: 'no' }
 * ```
 */
export function recognize(value: unknown, body: string, contentType: string): DecodedError {
  const object = members(value);
  if (object !== undefined) {
    if (contentType.includes('problem+json')) return decodeProblem(object, contentType) as DecodedError;
    for (const format of JSON_FORMATS) {
      const facts = format.has(object) ? format.decode(object, contentType) : undefined;
      if (facts !== undefined) return facts;
    }
    // …then the shapes of other servers.
    const errors = arrayValue(object.errors);
    return (
      (errors !== undefined && typeof object.message !== 'string'
        ? errorsArrayShape(object, errors)
        : undefined) ?? flatMessageShape(object)
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

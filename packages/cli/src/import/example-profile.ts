import { builtinProfiles } from 'errcat';
import { decodeErrorSync } from 'errcat/client';

/** Example bodies larger than this are not looked at: error bodies are small. */
const MAX_EXAMPLE = 64 * 1024;

/**
 * The errcat wire profile an example error body on a page is written in, as errcat's client
 * decoder recognises it (`{"error": {"code": 5002, …, "details": [{"@type": …}]}}` is
 * `resonate-legacy`); `undefined` for text that is not a JSON object or fits no profile.
 *
 * @example
 * ```ts
 * exampleProfile('{"type":"response","status":"error","error":{"code":"BAD_REQUEST","message":"…","retryable":false}}'); // 'rstmdb'
 * exampleProfile('console.log(error.code)'); // undefined
 * ```
 */
export function exampleProfile(text: string): string | undefined {
  if (text.length > MAX_EXAMPLE || !text.trimStart().startsWith('{')) return undefined;
  try {
    JSON.parse(text);
  } catch {
    return undefined;
  }
  const decoded = decodeErrorSync(500, {}, text);
  return !decoded.ok && Object.hasOwn(builtinProfiles, decoded.format) ? decoded.format : undefined;
}

/**
 * The deepest nesting errcat accepts in a request body it reads, fingerprints or stores: the
 * default of ASP.NET Core's System.Text.Json and of Json.NET (serde_json stops at 128). Request
 * bodies rarely nest past ten levels, and a bound this low keeps every recursive walk of a body
 * (canonical JSON, `JSON.stringify`, a validator) far from the stack limit.
 */
export const DEFAULT_MAX_BODY_DEPTH = 64;

/**
 * True when JSON text (a string, or its UTF-8 bytes) nests objects and arrays deeper than `max`.
 * One linear pass without recursion; brackets inside strings do not count. Text that is not JSON
 * is measured all the same: the parser refuses it afterwards.
 */
export function jsonTextDeeperThan(text: string | Uint8Array, max: number): boolean {
  const at =
    typeof text === 'string' ? (index: number) => text.charCodeAt(index) : (index: number) => text[index];
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = at(index);
    if (inString) {
      if (char === 0x5c) index++;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x7b || char === 0x5b) {
      if (++depth > max) return true;
    } else if (char === 0x7d || char === 0x5d) {
      depth--;
    }
  }
  return false;
}

/**
 * True when a parsed value (a framework's JSON body) nests objects and arrays deeper than `max`:
 * a walk with its own stack, so that a value too deep for recursion is measured all the same. A
 * value met twice on one path (a cycle) counts as too deep.
 */
export function valueDeeperThan(value: unknown, max: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, depth] = next;
    if (typeof item !== 'object' || item === null) continue;
    if (depth + 1 > max) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) pending.push([child, depth + 1]);
  }
  return false;
}

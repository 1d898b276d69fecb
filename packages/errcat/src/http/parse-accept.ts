/** The most of an `Accept` header read; the rest is ignored, so a huge header costs little. */
const MAX_HEADER_LENGTH = 4096;
/** The most media ranges read from one header. */
const MAX_RANGES = 32;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * One media range of an `Accept` header.
 *
 * @example
 * ```ts
 * const range: MediaRange = { type: 'application/json', params: {}, q: 0.5 };
 * ```
 */
export interface MediaRange {
  /** `type/subtype` in lower case, such as `application/json` or `*\/*`. */
  readonly type: string;
  /** The parameters other than `q`, names in lower case, values unquoted. */
  readonly params: Readonly<Record<string, string>>;
  /** The quality, 0 to 1. */
  readonly q: number;
}

/** Splits on `separator` outside quoted strings, honouring backslash escapes inside them. */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    if (quoted && char === '\\' && index + 1 < text.length) {
      current += char + (text[index + 1] as string);
      index++;
    } else if (char === '"') {
      quoted = !quoted;
      current += char;
    } else if (char === separator && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

function unquote(value: string): string {
  if (value.length < 2 || !value.startsWith('"') || !value.endsWith('"')) return value;
  return value.slice(1, -1).replace(/\\(.)/g, '$1');
}

function parseQuality(value: string): number | undefined {
  if (!/^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(value)) return undefined;
  return Number(value);
}

function parseRange(text: string): MediaRange | undefined {
  const [rawType = '', ...rawParams] = splitOutsideQuotes(text, ';');
  const type = rawType.trim().toLowerCase();
  const slash = type.indexOf('/');
  if (slash <= 0 || !TOKEN.test(type.slice(0, slash)) || !TOKEN.test(type.slice(slash + 1))) return undefined;
  const params: Record<string, string> = Object.create(null);
  let q = 1;
  for (const raw of rawParams) {
    const equals = raw.indexOf('=');
    if (equals <= 0) continue;
    const name = raw.slice(0, equals).trim().toLowerCase();
    const value = unquote(raw.slice(equals + 1).trim());
    if (!TOKEN.test(name)) continue;
    if (name === 'q') {
      const quality = parseQuality(value);
      if (quality === undefined) return undefined;
      q = quality;
    } else {
      params[name] = value;
    }
  }
  return { type, params, q };
}

/**
 * Parses an `Accept` header into its media ranges, best first (by quality, then in header order).
 * Malformed ranges are dropped; at most 32 ranges and 4096 characters are read. It never throws.
 *
 * @example
 * ```ts
 * parseAccept('application/json;q=0.5, application/problem+json');
 * // [{ type: 'application/problem+json', params: {}, q: 1 }, { type: 'application/json', params: {}, q: 0.5 }]
 * ```
 */
export function parseAccept(header: string | null | undefined): MediaRange[] {
  if (typeof header !== 'string' || header === '') return [];
  const ranges: MediaRange[] = [];
  for (const part of splitOutsideQuotes(header.slice(0, MAX_HEADER_LENGTH), ',')) {
    if (ranges.length === MAX_RANGES) break;
    const range = parseRange(part);
    if (range) ranges.push(range);
  }
  // Array.prototype.sort is stable, so equal qualities keep the header's order.
  return ranges.sort((a, b) => b.q - a.q);
}

/**
 * A parser for RFC 8941 structured-field Lists, enough for the rate-limit fields: members are
 * Items (inner lists are refused), bare items are integers, decimals, strings, tokens, byte
 * sequences and booleans. It never throws: anything outside the grammar yields `undefined`, which
 * is what a client must do with a malformed field (ignore it).
 */

/**
 * A bare item: numbers, strings and tokens as JS values; a byte sequence as its base64 text.
 *
 * @example
 * ```ts
 * const items: BareItem[] = [50, 'default', true, { token: 'sha-256' }, { bytes: 'AQID' }];
 * ```
 */
export type BareItem = number | string | boolean | { readonly token: string } | { readonly bytes: string };

/**
 * One list member: its value and its parameters in order.
 *
 * @example
 * ```ts
 * const [member] = parseStructuredList('"default";r=50') ?? [];
 * member?.value; // 'default'
 * ```
 */
export interface ListMember {
  readonly value: BareItem;
  readonly params: ReadonlyMap<string, BareItem>;
}

const KEY_START = /[a-z*]/;
const KEY_CHAR = /[a-z0-9_\-.*]/;
const TOKEN_START = /[A-Za-z*]/;
const TOKEN_CHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z:/]/;
const BASE64_CHAR = /[A-Za-z0-9+/=]/;

class Cursor {
  index = 0;
  constructor(readonly text: string) {}
  peek(): string {
    return this.text.charAt(this.index);
  }
  done(): boolean {
    return this.index >= this.text.length;
  }
  skip(pattern: RegExp): void {
    while (!this.done() && pattern.test(this.peek())) this.index++;
  }
}

function parseNumber(cursor: Cursor): number | undefined {
  const match = /^-?(\d{1,15})(\.\d{1,3})?/.exec(cursor.text.slice(cursor.index, cursor.index + 20));
  if (!match) return undefined;
  const [text, whole, fraction] = match;
  // RFC 8941: integers have at most 15 digits, decimals at most 12 before the point.
  if (fraction !== undefined && (whole?.length ?? 0) > 12) return undefined;
  const next = cursor.text.charAt(cursor.index + text.length);
  if (/[\d.]/.test(next)) return undefined;
  cursor.index += text.length;
  return Number(text);
}

function parseString(cursor: Cursor): string | undefined {
  cursor.index++;
  let out = '';
  while (!cursor.done()) {
    const char = cursor.peek();
    cursor.index++;
    if (char === '"') return out;
    if (char === '\\') {
      const escaped = cursor.peek();
      if (escaped !== '"' && escaped !== '\\') return undefined;
      out += escaped;
      cursor.index++;
    } else {
      const code = char.charCodeAt(0);
      if (code < 0x20 || code > 0x7e) return undefined;
      out += char;
    }
  }
  return undefined;
}

function parseBareItem(cursor: Cursor): BareItem | undefined {
  const char = cursor.peek();
  if (char === '"') return parseString(cursor);
  if (char === '-' || /\d/.test(char)) return parseNumber(cursor);
  if (char === '?') {
    const flag = cursor.text.charAt(cursor.index + 1);
    if (flag !== '0' && flag !== '1') return undefined;
    cursor.index += 2;
    return flag === '1';
  }
  if (char === ':') {
    cursor.index++;
    const start = cursor.index;
    cursor.skip(BASE64_CHAR);
    if (cursor.peek() !== ':') return undefined;
    const bytes = cursor.text.slice(start, cursor.index);
    cursor.index++;
    return { bytes };
  }
  if (TOKEN_START.test(char)) {
    const start = cursor.index;
    cursor.skip(TOKEN_CHAR);
    return { token: cursor.text.slice(start, cursor.index) };
  }
  return undefined;
}

function parseParams(cursor: Cursor): Map<string, BareItem> | undefined {
  const params = new Map<string, BareItem>();
  while (cursor.peek() === ';') {
    cursor.index++;
    cursor.skip(/ /);
    if (!KEY_START.test(cursor.peek())) return undefined;
    const start = cursor.index;
    cursor.skip(KEY_CHAR);
    const key = cursor.text.slice(start, cursor.index);
    let value: BareItem | undefined = true;
    if (cursor.peek() === '=') {
      cursor.index++;
      value = parseBareItem(cursor);
      if (value === undefined) return undefined;
    }
    // RFC 8941: a repeated parameter key overwrites the earlier value.
    params.delete(key);
    params.set(key, value);
  }
  return params;
}

/**
 * Parses a structured-field List of Items; `undefined` when the text is not one.
 *
 * @example
 * ```ts
 * parseStructuredList('"default";r=50;t=30')?.[0]?.params.get('r'); // 50
 * ```
 */
export function parseStructuredList(text: string): ListMember[] | undefined {
  const cursor = new Cursor(text);
  const members: ListMember[] = [];
  cursor.skip(/[ \t]/);
  while (!cursor.done()) {
    const value = parseBareItem(cursor);
    if (value === undefined) return undefined;
    const params = parseParams(cursor);
    if (params === undefined) return undefined;
    members.push({ value, params });
    cursor.skip(/[ \t]/);
    if (cursor.done()) return members;
    if (cursor.peek() !== ',') return undefined;
    cursor.index++;
    cursor.skip(/[ \t]/);
    if (cursor.done()) return undefined;
  }
  return members;
}

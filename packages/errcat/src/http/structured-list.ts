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

// Sticky patterns, each matched where the previous one ended. A bare item is, in this order, a
// string (printable ASCII, `\` escaping only `"` and `\`), a number (at most 15 integer digits,
// or 12 before a point and 3 after, and no digit or point right after it), a boolean, a byte
// sequence or a token.
const BARE_ITEM =
  /"((?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\["\\])*)"|(-?(?:\d{1,12}\.\d{1,3}|\d{1,15}))(?![\d.])|\?([01])|:([A-Za-z0-9+/=]*):|([A-Za-z*][!#$%&'*+\-.^_`|~0-9A-Za-z:/]*)/y;
const PARAMETER = /; *([a-z*][a-z0-9_\-.*]*)(=?)/y;
const SEPARATOR = /[ \t]*(,?)[ \t]*/y;

/** Matches a sticky pattern at `at`. */
function scan(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

function bareItem([, string, number, flag, bytes, token]: RegExpExecArray): BareItem {
  if (string !== undefined) return string.replace(/\\(.)/g, '$1');
  if (number !== undefined) return Number(number);
  if (flag !== undefined) return flag === '1';
  return bytes === undefined ? { token: token as string } : { bytes };
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
  const members: ListMember[] = [];
  let at = text.search(/[^ \t]|$/);
  while (at < text.length) {
    const item = scan(BARE_ITEM, text, at);
    if (!item) return undefined;
    at = BARE_ITEM.lastIndex;
    const params = new Map<string, BareItem>();
    for (let param = scan(PARAMETER, text, at); param; param = scan(PARAMETER, text, at)) {
      at = PARAMETER.lastIndex;
      const [, key = '', equals] = param;
      let value: BareItem = true;
      if (equals) {
        const parameterItem = scan(BARE_ITEM, text, at);
        if (!parameterItem) return undefined;
        at = BARE_ITEM.lastIndex;
        value = bareItem(parameterItem);
      }
      // RFC 8941: a repeated parameter key overwrites the earlier value.
      params.delete(key);
      params.set(key, value);
    }
    if (text[at] === ';') return undefined;
    members.push({ value: bareItem(item), params });
    const [, comma] = scan(SEPARATOR, text, at) as RegExpExecArray;
    at = SEPARATOR.lastIndex;
    if (at === text.length) return comma ? undefined : members;
    if (!comma) return undefined;
  }
  return members;
}

/** Codes as pages write them: `4040`, `'100.40400'`, `AUTH-401`, `E404`, `INSTANCE_NOT_FOUND`. */
const CODE_SHAPES: readonly RegExp[] = [
  /^\d{3,6}$/,
  /^\d{1,6}\.\d{1,6}$/,
  /^[A-Z][A-Z0-9]*[-.]\d{1,6}$/,
  /^[A-Z]{1,4}\d{2,6}$/,
  /^\d{3}[-_][A-Z]+$/,
  /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/,
  /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/,
];

/**
 * Whether a word reads as an error code (see {@link CODE_SHAPES}); a heading or a line that is
 * only such a word opens an entry.
 *
 * @example
 * ```ts
 * isCodeToken('AUTH-401'); // true
 * isCodeToken('100.40400'); // true
 * isCodeToken('Conflict'); // false
 * ```
 */
export function isCodeToken(text: string): boolean {
  return CODE_SHAPES.some((shape) => shape.test(text));
}

/**
 * A code as the catalog holds it: an integer for plain digits (`4040`), else the string
 * (`'100.40400'`, `'AUTH-401'`).
 *
 * @example
 * ```ts
 * codeValue('4040'); // 4040
 * codeValue('100.0'); // '100.0'
 * ```
 */
export function codeValue(text: string): string | number {
  return /^\d{1,15}$/.test(text) ? Number(text) : text;
}

/**
 * What an entry heading says: its code, and a title or a name (an exception class) beside it.
 *
 * @example
 * ```ts
 * const heading: EntryHeading = { code: 400, title: 'Bad Request' };
 * ```
 */
export interface EntryHeading {
  /** The code. */
  readonly code: string | number;
  /** The title beside the code (`400 — Bad Request`). @default none */
  readonly title?: string;
  /** A name the code belongs to (`ResonateCanceledError (code 200)`). @default none */
  readonly name?: string;
}

/** `code — Title`, `code: Title`, `code - Title`. */
const CODE_DASH_TITLE = /^(\S+)\s*[—–:]\s*(.+)$|^(\S+)\s+-\s+(.+)$/;
/** `400 Bad Request`: a numeric code and its title. */
const NUMBER_TITLE = /^(\d{3,6})\s+([A-Z].*)$/;
/** `Title (code)`, `Name (code 200)`, `Name (codes 100.x)`. */
const PARENTHESISED = /^(.+?)\s*\((codes?\s+)?([^()]+)\)$/i;

/**
 * Reads an entry heading: a code alone (`4040`, `AUTH-401`), a code and a title (`400 — Bad
 * Request`, `400 Bad Request`, `Bad Request (400)`), or a name and its code (`ResonateCanceledError
 * (code 200)`). A family of codes (`ResonateStoreError (codes 100.x)`) gives `{ family }`; any
 * other heading `undefined`.
 *
 * @example
 * ```ts
 * entryHeading('404 — Not Found'); // { code: 404, title: 'Not Found' }
 * entryHeading('ResonateStoreError (codes 100.x)'); // { family: 'ResonateStoreError' }
 * entryHeading('Server Errors (5000-5999)'); // undefined
 * ```
 */
export function entryHeading(text: string): EntryHeading | { family: string } | undefined {
  if (isCodeToken(text)) return { code: codeValue(text) };
  const parenthesised = PARENTHESISED.exec(text);
  if (parenthesised) {
    const before = parenthesised[1] as string;
    const keyword = parenthesised[2];
    const inside = parenthesised[3] as string;
    if (keyword !== undefined && (/^codes/i.test(keyword) || /[x,]/i.test(inside))) return { family: before };
    if (isCodeToken(inside.trim())) {
      const code = codeValue(inside.trim());
      return keyword !== undefined ? { code, name: before } : { code, title: before };
    }
    return undefined;
  }
  const dashed = CODE_DASH_TITLE.exec(text);
  const code = dashed?.[1] ?? dashed?.[3];
  const title = dashed?.[2] ?? dashed?.[4];
  if (code !== undefined && title !== undefined && isCodeToken(code)) return { code: codeValue(code), title };
  const numbered = NUMBER_TITLE.exec(text);
  return numbered ? { code: Number(numbered[1]), title: numbered[2] as string } : undefined;
}

/** A definition line: `code— text`, `code — text`, `code: text`. */
const DEFINITION = /^(\S+?)\s*[—–]\s*(.+)$|^(\S+?):\s+(.+)$/;

/**
 * The definitions a line or list item holds: `100.40400— promise/schedule not found`, and several
 * glued together as pages flattened from HTML write a list (`100.40400— not found100.40303—
 * timed out`), split before each code of the first one's shape. Empty for any other text.
 *
 * @example
 * ```ts
 * definitions('100.40400— promise not found100.0— transport failure');
 * // [{ code: '100.40400', text: 'promise not found' }, { code: '100.0', text: 'transport failure' }]
 * ```
 */
export function definitions(text: string): { code: string | number; text: string }[] {
  const first = DEFINITION.exec(text);
  const code = first?.[1] ?? first?.[3];
  if (code === undefined || !isCodeToken(code) || /^[A-Za-z]+$/.test(code)) return [];
  const shape = code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\d+$/, '\\d+');
  return text.split(new RegExp(`(?<=\\S)(?=${shape}\\s*[—–])`)).flatMap((part) => {
    const definition = DEFINITION.exec(part.trim());
    const partCode = definition?.[1] ?? definition?.[3];
    const partText = definition?.[2] ?? definition?.[4];
    return partCode !== undefined && partText !== undefined && isCodeToken(partCode)
      ? [{ code: codeValue(partCode), text: partText.trim() }]
      : [];
  });
}

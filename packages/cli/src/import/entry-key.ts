/** Catalog keys: UPPER_SNAKE, at most 63 characters (catalog.schema.json). */
const MAX_KEY = 63;

/**
 * Turns a name, code or title into an UPPER_SNAKE key: camelCase and every run of non-alphanumeric
 * characters split words; a leading digit gets an `ERROR_` prefix; long keys are cut at a word.
 * `undefined` when nothing alphanumeric is left.
 *
 * @example
 * ```ts
 * toUpperSnake('Authentication Failed'); // 'AUTHENTICATION_FAILED'
 * toUpperSnake('ResonateCanceledError'); // 'RESONATE_CANCELED_ERROR'
 * toUpperSnake('4040'); // 'ERROR_4040'
 * ```
 */
export function toUpperSnake(text: string): string | undefined {
  const words = text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .normalize('NFKD')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((word) => word !== '');
  if (words.length === 0) return undefined;
  let key = /^[0-9]/.test(words[0] as string) ? `ERROR_${words.join('_')}` : words.join('_');
  if (key.length > MAX_KEY) key = key.slice(0, key.lastIndexOf('_', MAX_KEY));
  return key;
}

/** A code that reads as a name (`INSTANCE_NOT_FOUND`, `invalid_token`): the key keeps it. */
const NAME_CODE = /^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*$/;

/**
 * The stable key of an imported entry: the key the source names, else the code when it reads as a
 * name, else the title, else the code (`ERROR_4000`). `how` says which, for the entry's note.
 *
 * @example
 * ```ts
 * entryKey({ code: 'invalid_token' }); // { key: 'INVALID_TOKEN', how: 'code' }
 * entryKey({ code: 'AUTH-401', title: 'Authentication Failed' }); // { key: 'AUTHENTICATION_FAILED', how: 'title' }
 * ```
 */
export function entryKey(entry: {
  readonly code: string | number;
  readonly key?: string | undefined;
  readonly title?: string | undefined;
}): { key: string; how: 'named' | 'code' | 'title' } {
  const named = entry.key === undefined ? undefined : toUpperSnake(entry.key);
  if (named) return { key: named, how: 'named' };
  const code = String(entry.code);
  if (NAME_CODE.test(code)) return { key: toUpperSnake(code) as string, how: 'code' };
  const titled = entry.title === undefined ? undefined : toUpperSnake(entry.title);
  if (titled && !titled.startsWith('ERROR_')) return { key: titled, how: 'title' };
  return { key: toUpperSnake(code) ?? 'ERROR', how: 'code' };
}

/**
 * Makes `key` unique among `taken` by appending `_2`, `_3`… (and records it in `taken`).
 *
 * @example
 * ```ts
 * const taken = new Set(['NOT_FOUND']);
 * uniqueKey('NOT_FOUND', taken); // 'NOT_FOUND_2'
 * ```
 */
export function uniqueKey(key: string, taken: Set<string>): string {
  let candidate = key;
  for (let n = 2; taken.has(candidate); n++) candidate = `${key.slice(0, MAX_KEY - 4)}_${n}`;
  taken.add(candidate);
  return candidate;
}

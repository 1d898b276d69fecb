/**
 * Splits a comma-separated option (`--profiles google,jsonapi`); `undefined` when not given.
 *
 * @example
 * ```ts
 * listOption('google, jsonapi'); // ['google', 'jsonapi']
 * listOption(undefined); // undefined
 * ```
 */
export function listOption(value: string | boolean | (string | boolean)[] | undefined): string[] | undefined {
  if (typeof value !== 'string') return undefined;
  return value
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}

import { parse as parseYaml, YAMLParseError } from 'yaml';

/**
 * The outcome of {@link parseDataText}: the parsed value, or a one-line reason it is not valid.
 *
 * @example
 * ```ts
 * const parsed: ParsedData = parseDataText(await readFile(path, 'utf8'), extname(path));
 * if (!parsed.ok) throw usageError(parsed.reason);
 * ```
 */
export type ParsedData =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly reason: string };

/**
 * Parses YAML or JSON text by its file extension (`.yaml`, `.yml`, `.json`); a syntax error becomes
 * a one-line reason with the line and column, never a throw.
 *
 * @example
 * ```ts
 * parseDataText('{"a":1}', '.json'); // { ok: true, value: { a: 1 } }
 * parseDataText('a: [1', '.yaml'); // { ok: false, reason: 'invalid YAML at line 1, column 6: …' }
 * ```
 */
export function parseDataText(text: string, extension: string): ParsedData {
  if (extension === '.json') {
    try {
      return { ok: true, value: JSON.parse(text) as unknown };
    } catch (error) {
      return { ok: false, reason: `invalid JSON: ${(error as Error).message}` };
    }
  }
  if (extension !== '.yaml' && extension !== '.yml') {
    return { ok: false, reason: `unsupported file type '${extension || 'none'}' (use .yaml, .yml or .json)` };
  }
  try {
    // A bounded alias count keeps a "billion laughs" document from exhausting memory.
    return { ok: true, value: parseYaml(text, { maxAliasCount: 100 }) as unknown };
  } catch (error) {
    if (!(error instanceof YAMLParseError)) return { ok: false, reason: 'invalid YAML' };
    const line = error.linePos?.[0];
    return {
      ok: false,
      reason: `invalid YAML${line ? ` at line ${line.line}, column ${line.col}` : ''}: ${error.message.split('\n')[0]}`,
    };
  }
}

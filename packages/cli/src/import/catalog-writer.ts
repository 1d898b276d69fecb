import { Document, isScalar, isSeq, visit } from 'yaml';
import type { ImportedCatalog } from './draft-catalog.js';

/** The comment every imported catalog opens with. */
function header(source: string): string {
  return ` Imported by \`errcat import ${source}\`. Every guess is an \`x-import\` note: check each one,\n then delete the note. \`errcat lint\` lists what the source did not say (titles, causes, resolutions).`;
}

/** YAML text through yaml's Document API, ranges in flow style as the hand-written catalogs write them. */
function yamlText(value: unknown, comment?: string): string {
  const document = new Document(value, { aliasDuplicateObjects: false });
  if (comment !== undefined) document.commentBefore = comment;
  visit(document, {
    Pair: (_, pair) => {
      if (isScalar(pair.key) && pair.key.value === 'range' && isSeq(pair.value)) pair.value.flow = true;
    },
  });
  return document.toString({ lineWidth: 100, minContentWidth: 40, flowCollectionPadding: false });
}

/**
 * An imported catalog as YAML, through yaml's Document API: the catalog format's key order, a
 * header comment that says how to review it, ranges in flow style (`[4000, 4999]`), no anchors or
 * aliases, and lines up to 100 columns. The same catalog always gives the same text.
 *
 * @example
 * ```ts
 * const text = catalogYaml(draftCatalog(draft, 'errors.md'), 'errors.md');
 * ```
 */
export function catalogYaml(catalog: ImportedCatalog, source: string): string {
  return yamlText(catalog, header(source));
}

/**
 * A map as the YAML lines of a block mapping indented by `indent` spaces, to append to a map of a
 * catalog file (`--merge`): written like {@link catalogYaml}.
 *
 * @example
 * ```ts
 * yamlLines({ NOT_FOUND: { code: 404, message: 'Not found' } }, 2);
 * // '  NOT_FOUND:\n    code: 404\n    message: Not found\n'
 * ```
 */
export function yamlLines(map: Readonly<Record<string, unknown>>, indent: number): string {
  const pad = ' '.repeat(indent);
  return yamlText(map)
    .split('\n')
    .map((line) => (line === '' ? line : `${pad}${line}`))
    .join('\n');
}

/** A property name as TypeScript writes it: bare when it is an identifier. */
function propertyName(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name)
    ? name
    : `'${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** A value as a TypeScript literal, indented by `depth` levels of two spaces. */
function literal(value: unknown, depth: number): string {
  if (typeof value === 'string')
    return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  const inner = '  '.repeat(depth + 1);
  const entries = Array.isArray(value)
    ? value.map((item) => `${inner}${literal(item, depth + 1)},`)
    : Object.entries(value).flatMap(([name, item]) =>
        item === undefined ? [] : [`${inner}${propertyName(name)}: ${literal(item, depth + 1)},`],
      );
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return entries.length === 0
    ? `${open}${close}`
    : `${open}\n${entries.join('\n')}\n${'  '.repeat(depth)}${close}`;
}

/**
 * An imported catalog as a TypeScript module: `export const catalog = defineCatalog({ … })`,
 * which `errcat lint` and the other commands load like the YAML.
 *
 * @example
 * ```ts
 * await writeFile('errors.catalog.ts', catalogTypeScript(draftCatalog(draft, 'errors.md'), 'errors.md'));
 * ```
 */
export function catalogTypeScript(catalog: ImportedCatalog, source: string): string {
  const comment = header(source)
    .split('\n')
    .map((line) => ` *${line}`)
    .join('\n');
  return `import { defineCatalog } from 'errcat';\n\n/**\n${comment}\n */\nexport const catalog = defineCatalog(${literal(catalog, 0)});\n`;
}

import { readFile, writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { getProfile } from 'errcat';
import { stringify as stringifyYaml } from 'yaml';
import { loadCatalogFile } from '../catalog/load-catalog.js';
import type { Command } from '../command.js';
import { parseDataText } from '../internal/parse-data-text.js';
import { generateOpenApi, type OpenApiDocument } from '../openapi/generate-openapi.js';
import { mergeOpenApi } from '../openapi/merge-openapi.js';
import { readOperationMap } from '../openapi/operation-selectors.js';
import { usageError } from '../usage-error.js';

/** Reads a YAML or JSON file named by an option; a failure names the option and the file. */
async function readDataFile(option: string, file: string, cwd: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw usageError(`${option} '${file}': ${code === 'ENOENT' ? 'no such file' : 'cannot read the file'}`);
  }
  const parsed = parseDataText(text, extname(file).toLowerCase());
  if (!parsed.ok) throw usageError(`${option} '${file}': ${parsed.reason}`);
  return parsed.value;
}

/** The output format: `--format`, else the extension of `--out`, else of `--merge`, else JSON. */
function formatOf(values: Readonly<Record<string, unknown>>): 'json' | 'yaml' {
  const format = values.format;
  if (format !== undefined) {
    if (format !== 'json' && format !== 'yaml')
      throw usageError(`--format must be json or yaml, got '${format}'`);
    return format;
  }
  const file =
    typeof values.out === 'string' ? values.out : typeof values.merge === 'string' ? values.merge : '';
  return /\.ya?ml$/i.test(file) ? 'yaml' : 'json';
}

function serialise(document: OpenApiDocument, format: 'json' | 'yaml'): string {
  if (format === 'json') return `${JSON.stringify(document, null, 2)}\n`;
  // Shared example objects must be written out in full: anchors and aliases confuse OpenAPI tools.
  return stringifyYaml(document, { aliasDuplicateObjects: false, lineWidth: 0 });
}

/**
 * `errcat openapi <catalog>`: the catalog's errors as OpenAPI 3.1 components, or merged into an
 * existing document with `--merge` (its operations get the mapped error responses).
 *
 * @example
 * ```sh
 * errcat openapi catalogs/resonate.yaml --merge openapi.yaml --map operations.yaml --out openapi.yaml
 * ```
 */
export const openapiCommand: Command = {
  name: 'openapi',
  summary: 'Generate OpenAPI 3.1 error components, or merge them into an OpenAPI document',
  usage:
    'errcat openapi <catalog> [--merge openapi.yaml] [--map operations.yaml] [--profile name] [--out file] [--format json|yaml]',
  options: {
    merge: {
      type: 'string',
      description: 'An OpenAPI 3.1 document to merge into (its operations get error responses)',
    },
    map: {
      type: 'string',
      description: 'A YAML/JSON file { operations: { "<selector>": [KEY or code, …] } }',
    },
    profile: { type: 'string', description: "The wire profile (default: the catalog's, else 'problem')" },
    out: { type: 'string', description: 'Write to this file instead of standard output' },
    format: { type: 'string', description: "'json' or 'yaml' (default: from --out or --merge, else json)" },
  },
  run: async ({ positionals, values }, io) => {
    const [file, extra] = positionals;
    if (!file || extra !== undefined) throw usageError('openapi needs one catalog path');
    const format = formatOf(values);
    const { catalog } = await loadCatalogFile(file, io.cwd);
    const profile = getProfile((values.profile as string | undefined) ?? catalog.spec.profile ?? 'problem');
    let document: OpenApiDocument;
    if (typeof values.merge === 'string') {
      const target = await readDataFile('--merge', values.merge, io.cwd);
      const operations =
        typeof values.map === 'string'
          ? readOperationMap(await readDataFile('--map', values.map, io.cwd), catalog, '--map', usageError)
          : undefined;
      const merged = mergeOpenApi(target, catalog, { profile, ...(operations ? { operations } : {}) });
      for (const warning of merged.warnings) io.stderr(`errcat: warning: ${warning}\n`);
      document = merged.document;
    } else {
      if (values.map !== undefined) throw usageError('--map needs --merge: it attaches errors to operations');
      document = generateOpenApi(catalog, { profile });
    }
    const text = serialise(document, format);
    if (typeof values.out !== 'string') io.stdout(text);
    else {
      try {
        await writeFile(resolve(io.cwd, values.out), text);
      } catch (error) {
        const reason =
          (error as { code?: string }).code === 'ENOENT' ? 'no such directory' : 'cannot write the file';
        throw usageError(`--out '${values.out}': ${reason}`);
      }
    }
    return 0;
  },
};

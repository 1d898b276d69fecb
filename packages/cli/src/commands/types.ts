import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseCatalog } from 'errcat';
import { generateTypes, typeNameFor } from '../catalog/generate-types.js';
import { readCatalogSpec } from '../catalog/load-catalog.js';
import type { Command } from '../command.js';
import { usageError } from '../usage-error.js';

/**
 * `errcat types <catalog>`: prints (or writes) the TypeScript declarations of a YAML/JSON catalog.
 *
 * @example
 * ```sh
 * errcat types catalogs/resonate.yaml --name ResonateErrors --out src/resonate-errors.ts
 * ```
 */
export const typesCommand: Command = {
  name: 'types',
  summary: 'Generate TypeScript declarations from a YAML/JSON catalog',
  usage: 'errcat types <catalog> [--name TypeName] [--out file.ts]',
  options: {
    name: { type: 'string', description: 'The type name prefix (default: from the file name)' },
    out: { type: 'string', description: 'Write to this file instead of standard output' },
  },
  run: async ({ positionals, values }, io) => {
    const [file] = positionals;
    if (!file) throw usageError('types needs a catalog path');
    const spec = await readCatalogSpec(file, io.cwd);
    const catalog = parseCatalog(spec);
    const name = (values.name as string | undefined) ?? typeNameFor(file);
    if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name))
      throw usageError(`--name must be a TypeScript identifier, got '${name}'`);
    const source = generateTypes(catalog.spec, name, file.replace(/\\/g, '/'));
    if (typeof values.out === 'string') await writeFile(resolve(io.cwd, values.out), source);
    else io.stdout(source);
    return 0;
  },
};

import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Catalog, type CatalogSpec, errcatErrors, isCatalogError, parseCatalog } from 'errcat';
import { parseDataText } from '../internal/parse-data-text.js';

/**
 * A catalog file as loaded: the raw spec (for lint and types) and the built catalog.
 *
 * @example
 * ```ts
 * const { path, spec, catalog }: LoadedCatalog = await loadCatalogFile('catalogs/promises.yaml');
 * ```
 */
export interface LoadedCatalog {
  /** The absolute path of the file. */
  readonly path: string;
  /** The spec as written in the file. */
  readonly spec: CatalogSpec;
  /** The validated catalog. */
  readonly catalog: Catalog;
}

const YAML_EXTENSIONS = new Set(['.yaml', '.yml']);
const MODULE_EXTENSIONS = new Set(['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs']);

function looksLikeCatalog(value: unknown): value is Catalog {
  return (
    typeof value === 'object' && value !== null && 'entries' in value && 'spec' in value && 'is' in value
  );
}

function looksLikeSpec(value: unknown): value is CatalogSpec {
  return typeof value === 'object' && value !== null && 'errors' in value && 'domain' in value;
}

// tsx is an optional peer of the CLI: only `.ts` catalogs need it.
function importTsx(fail: (reason: string) => Error): Promise<typeof import('tsx/esm/api')> {
  return import('tsx/esm/api').catch(() => {
    throw fail('a .ts catalog needs tsx (npm install --save-dev tsx)');
  });
}

/**
 * Reads the spec from a YAML, JSON, TypeScript or JavaScript file without validating it. A module
 * may export the catalog (or its spec) as default, as `catalog`, or as any export.
 *
 * @example
 * ```ts
 * const spec = await readCatalogSpec('catalogs/rstmdb.yaml');
 * ```
 */
export async function readCatalogSpec(file: string, cwd: string = process.cwd()): Promise<unknown> {
  const path = resolve(cwd, file);
  const extension = extname(path).toLowerCase();
  const fail = (reason: string) => errcatErrors.ERRCAT_CATALOG_LOAD_FAILED({ path: file, reason });
  if (MODULE_EXTENSIONS.has(extension)) {
    let module: Record<string, unknown>;
    try {
      const url = pathToFileURL(path).href;
      module = (
        extension.endsWith('ts')
          ? await (await importTsx(fail)).tsImport(url, import.meta.url)
          : await import(url)
      ) as Record<string, unknown>;
    } catch (error) {
      if (isCatalogError(error)) throw error;
      throw fail(
        error instanceof Error ? (error.message.split('\n')[0] ?? 'import failed') : 'import failed',
      );
    }
    const candidates = [module.default, module.catalog, ...Object.values(module)];
    const found = candidates.find(looksLikeCatalog);
    if (found) return found.spec;
    const spec = candidates.find(looksLikeSpec);
    if (spec) return spec;
    throw fail('the module exports no catalog (export it as default or as `catalog`)');
  }
  if (extension !== '.json' && !YAML_EXTENSIONS.has(extension)) {
    throw fail(`unsupported file type '${extension || 'none'}' (use .yaml, .yml, .json, .ts or .js)`);
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw fail(
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : 'cannot read the file',
    );
  }
  const parsed = parseDataText(text, extension);
  if (!parsed.ok) throw fail(parsed.reason);
  return parsed.value;
}

/**
 * Loads and validates a catalog file; throws `ERRCAT_CATALOG_LOAD_FAILED` or
 * `ERRCAT_INVALID_CATALOG` with a one-line cause.
 *
 * @example
 * ```ts
 * const { catalog } = await loadCatalogFile('catalogs/resonate-legacy.yaml');
 * catalog.entry(4040)?.title;
 * ```
 */
export async function loadCatalogFile(file: string, cwd: string = process.cwd()): Promise<LoadedCatalog> {
  const spec = await readCatalogSpec(file, cwd);
  return { path: resolve(cwd, file), spec: spec as CatalogSpec, catalog: parseCatalog(spec) };
}

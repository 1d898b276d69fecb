import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Catalog, parseCatalog } from 'errcat';
import { parse } from 'yaml';

/** The repository root. */
export const REPO_ROOT: string = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The seed catalogs under `catalogs/`, by file name without extension. */
export const SEED_CATALOGS = ['resonate-legacy', 'resonate', 'rstmdb', 'devdocs', 'api-reference'] as const;

/** One of the seed catalogs. */
export type SeedCatalogName = (typeof SEED_CATALOGS)[number];

/**
 * Reads a seed catalog: the parsed YAML as data and the catalog `parseCatalog` built from it.
 *
 * @example
 * ```ts
 * const { data, catalog } = loadSeedCatalog('rstmdb');
 * ```
 */
export function loadSeedCatalog(name: SeedCatalogName): { data: unknown; catalog: Catalog } {
  const data: unknown = parse(readFileSync(join(REPO_ROOT, 'catalogs', `${name}.yaml`), 'utf8'));
  return { data, catalog: parseCatalog(data) };
}

/**
 * Where the five seed references live: `$ERRCAT_SEEDS`, else `../shared/seeds` beside the repository.
 * `undefined` when neither exists (a clone elsewhere), so the drift tests can say they are skipped.
 */
export const SEEDS_DIR: string | undefined = [
  process.env.ERRCAT_SEEDS,
  resolve(REPO_ROOT, '../shared/seeds'),
].find((dir): dir is string => dir !== undefined && existsSync(dir));

/**
 * The text of seed `number` (`'000'` … `'004'`), read from {@link SEEDS_DIR}.
 *
 * @example
 * ```ts
 * const text = readSeed('002');
 * ```
 */
export function readSeed(number: string): string {
  if (!SEEDS_DIR) throw new Error('seed references not found; set ERRCAT_SEEDS');
  const file = readdirSync(SEEDS_DIR).find((name) => name.startsWith(`${number}_`));
  if (!file) throw new Error(`no seed ${number} in ${SEEDS_DIR}`);
  return readFileSync(join(SEEDS_DIR, file), 'utf8');
}

import { execFile } from 'node:child_process';
import { extname } from 'node:path';
import { type Catalog, errcatErrors, isCatalogError, parseCatalog } from 'errcat';
import { parseDataText } from '../internal/parse-data-text.js';
import { usageError } from '../usage-error.js';
import { readCatalogSpec } from './load-catalog.js';

/** The prefix of a catalog read from git history: `git:<rev>:<path>`. */
const GIT_PREFIX = 'git:';

/** A catalog larger than this is not a catalog: `git show` is stopped rather than buffered. */
const MAX_GIT_OUTPUT = 64 * 1024 * 1024;

/** `git show` of one blob answers at once; a hung git (a lock, a prompt) must not hang the CLI. */
const GIT_TIMEOUT_MS = 30_000;

/** A `git:<rev>:<path>` source, split. */
interface GitSource {
  readonly rev: string;
  readonly path: string;
}

function parseGitSource(source: string): GitSource {
  const rest = source.slice(GIT_PREFIX.length);
  // Ref names cannot contain ':', so the first one ends the revision; the path may hold more.
  const colon = rest.indexOf(':');
  const rev = colon < 0 ? '' : rest.slice(0, colon);
  const path = colon < 0 ? '' : rest.slice(colon + 1);
  if (rev === '' || path === '') {
    throw usageError(
      `'${source}' is not a git source: write git:<rev>:<path>, such as git:HEAD~1:errors.yaml`,
    );
  }
  // A revision that starts with '-' would reach git as an option (`--output=…`).
  if (rev.startsWith('-')) throw usageError(`'${source}': a git revision cannot start with '-'`);
  return { rev, path };
}

/** Runs `git show <rev>:<path>` in `cwd`; resolves to the blob's text or rejects with a one-line reason. */
function gitShow({ rev, path }: GitSource, cwd: string): Promise<string> {
  return new Promise((resolveText, reject) => {
    execFile(
      'git',
      ['show', '--no-textconv', `${rev}:${path}`],
      { cwd, encoding: 'utf8', maxBuffer: MAX_GIT_OUTPUT, timeout: GIT_TIMEOUT_MS, windowsHide: true },
      (error, stdout, stderr) => {
        if (!error) {
          resolveText(stdout);
          return;
        }
        const code = (error as { code?: unknown }).code;
        if (code === 'ENOENT') reject(new Error('git is not installed (or not on PATH)'));
        else if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') reject(new Error('the file is over 64 MiB'));
        else if ((error as { killed?: boolean }).killed) reject(new Error('git show did not answer in 30 s'));
        else {
          const line = stderr.split('\n').find((text) => text.trim() !== '') ?? error.message;
          reject(new Error(line.replace(/^(fatal|error): /, '').trim()));
        }
      },
    );
  });
}

/**
 * Reads a catalog spec (unvalidated) from a file path or from git history: `git:<rev>:<path>` runs
 * `git show <rev>:<path>` in `cwd`, so the path is relative to the repository root (write
 * `git:HEAD:./x.yaml` for a path relative to `cwd`). Git sources must be YAML or JSON. Failures
 * throw `ERRCAT_CATALOG_LOAD_FAILED` naming the source, with git's own one-line cause.
 *
 * @example
 * ```ts
 * const before = await readCatalogSource('git:main:catalogs/rstmdb.yaml');
 * const after = await readCatalogSource('catalogs/rstmdb.yaml');
 * ```
 */
export async function readCatalogSource(source: string, cwd: string = process.cwd()): Promise<unknown> {
  if (!source.startsWith(GIT_PREFIX)) return readCatalogSpec(source, cwd);
  const git = parseGitSource(source);
  const fail = (reason: string) => errcatErrors.ERRCAT_CATALOG_LOAD_FAILED({ path: source, reason });
  const extension = extname(git.path).toLowerCase();
  if (extension !== '.json' && extension !== '.yaml' && extension !== '.yml') {
    throw fail(`a git source must be a .yaml, .yml or .json file, not '${extension || 'none'}'`);
  }
  let text: string;
  try {
    text = await gitShow(git, cwd);
  } catch (error) {
    throw fail((error as Error).message);
  }
  const parsed = parseDataText(text, extension);
  if (!parsed.ok) throw fail(parsed.reason);
  return parsed.value;
}

/**
 * Reads and validates a catalog from a file or `git:<rev>:<path>`. An invalid catalog throws
 * `ERRCAT_CATALOG_LOAD_FAILED` naming the source, so that a diff says which side is broken.
 *
 * @example
 * ```ts
 * const before = await loadCatalogSource('git:v1.2.0:catalogs/rstmdb.yaml');
 * ```
 */
export async function loadCatalogSource(source: string, cwd: string = process.cwd()): Promise<Catalog> {
  const spec = await readCatalogSource(source, cwd);
  try {
    return parseCatalog(spec);
  } catch (error) {
    if (!isCatalogError(error)) throw error;
    throw errcatErrors.ERRCAT_CATALOG_LOAD_FAILED({ path: source, reason: error.message });
  }
}

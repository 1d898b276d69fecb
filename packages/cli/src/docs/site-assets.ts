import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

// Written by scripts/bundle-site-script.js when the CLI is built. src/docs/ and dist/docs/ both sit
// two levels below the package, so the sources (tests, tsx) and the compiled CLI read the same file.
const SITE_SCRIPT = new URL('../../dist/docs/site-script.js', import.meta.url);

let cached: Promise<string> | undefined;

/**
 * The docs page's script: `client/site-client.ts` and the search normalisation it shares with the
 * generator, bundled and minified into one inline module when the CLI is built (read once per
 * process).
 *
 * @example
 * ```ts
 * const script = await loadSiteScript();
 * const page = renderSite(model, { script });
 * ```
 */
export function loadSiteScript(): Promise<string> {
  cached ??= readFile(SITE_SCRIPT, 'utf8').then(
    (text) => text.trim(),
    () => {
      throw new Error(`the docs page script ${fileURLToPath(SITE_SCRIPT)} is missing (run 'npm run build')`);
    },
  );
  return cached;
}

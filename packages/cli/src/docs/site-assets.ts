import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

let cached: Promise<string> | undefined;

// From the sources (tests, tsx) the client is `.ts`; from the compiled package it is tsc's `.js`.
function clientEntry(): { path: string; conditions: string[] } {
  const compiled = fileURLToPath(new URL('./client/site-client.js', import.meta.url));
  if (existsSync(compiled)) return { path: compiled, conditions: [] };
  // Bundled from the sources, `errcat` must resolve to its sources too (the `source` condition).
  return { path: fileURLToPath(new URL('./client/site-client.ts', import.meta.url)), conditions: ['source'] };
}

/**
 * The docs page's script: `client/site-client.ts` and the search normalisation it shares with the
 * generator, bundled and minified into one inline module (built once per process).
 *
 * @example
 * ```ts
 * const script = await loadSiteScript();
 * const page = renderSite(model, { script });
 * ```
 */
export function loadSiteScript(): Promise<string> {
  const entry = clientEntry();
  cached ??= build({
    entryPoints: [entry.path],
    conditions: entry.conditions,
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
    target: 'es2020',
    platform: 'browser',
    logLevel: 'silent',
    legalComments: 'none',
  }).then((result) => (result.outputFiles[0]?.text ?? '').trim());
  return cached;
}

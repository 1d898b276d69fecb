#!/usr/bin/env node
// Build step of @errcat/cli (run by the root `npm run build` after tsc): bundles the docs page's
// script, src/docs/client/site-client.ts and what it shares with the generator, into one minified
// browser module at dist/docs/site-script.js, which `errcat docs` inlines. Bundling here keeps
// esbuild out of the CLI's runtime dependencies.
import { mkdirSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const entry = new URL('../src/docs/client/site-client.ts', import.meta.url);
const out = new URL('../dist/docs/site-script.js', import.meta.url);

const result = await build({
  entryPoints: [entry.pathname],
  // errcat is bundled from its sources too, so the script never waits on errcat's own build.
  conditions: ['@errcat/source'],
  bundle: true,
  format: 'esm',
  minify: true,
  write: false,
  target: 'es2020',
  platform: 'browser',
  logLevel: 'warning',
  legalComments: 'none',
});
mkdirSync(new URL('.', out), { recursive: true });
writeFileSync(out, `${(result.outputFiles[0]?.text ?? '').trim()}\n`);

#!/usr/bin/env node
// `npm run build` (and `prepare`): compiles every package with `tsc -b tsconfig.build.json`,
// deletes what an earlier build left in dist/ for a source file that no longer exists (tsc -b
// never does, and `npm pack` would ship it), then bundles the docs page script of @errcat/cli.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

const compile = spawnSync('npx', ['tsc', '-b', 'tsconfig.build.json'], { stdio: 'inherit' });
if (compile.status !== 0) process.exit(compile.status ?? 1);

const OUTPUT = /\.(?:js|d\.ts)(?:\.map)?$/;
/** Files in dist/ that are not compiled from src/ and must stay. */
const GENERATED = new Set(['packages/cli/dist/docs/site-script.js']);
for (const name of readdirSync('packages')) {
  const dist = join('packages', name, 'dist');
  if (!existsSync(dist)) continue;
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    const file = join(entry.parentPath, entry.name);
    if (!entry.isFile() || !OUTPUT.test(entry.name) || GENERATED.has(file)) continue;
    const source = join('packages', name, 'src', relative(dist, file).replace(OUTPUT, '.ts'));
    if (!existsSync(source)) rmSync(file);
  }
}

const bundle = spawnSync('node', ['packages/cli/scripts/bundle-site-script.js'], { stdio: 'inherit' });
process.exit(bundle.status ?? 1);

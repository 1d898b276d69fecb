#!/usr/bin/env node
// `npx errcat …` runs the `errcat` package's binary, so the core forwards to the command in
// @errcat/cli (kept out of the core, which has no dependencies). The CLI is looked up from the
// working directory first (the project's own install, also under pnpm), then from this package.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

function resolveCli() {
  for (const base of [join(process.cwd(), 'package.json'), import.meta.url]) {
    try {
      return createRequire(base).resolve('@errcat/cli');
    } catch {
      // Not installed where this base looks; try the next one.
    }
  }
  return undefined;
}

const cli = resolveCli();
if (cli === undefined) {
  process.stderr.write(
    'errcat: the errcat command is in @errcat/cli; install it with `npm install --save-dev @errcat/cli`\n',
  );
  process.exitCode = 1;
} else {
  const { main, processIo } = await import(pathToFileURL(cli).href);
  process.exitCode = await main(process.argv.slice(2), processIo());
}

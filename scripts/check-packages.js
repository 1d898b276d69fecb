#!/usr/bin/env node
// Packaging check: publint on every workspace package (after `npm run build`); fails on errors
// and warnings, prints suggestions.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

let failures = 0;
for (const name of readdirSync('packages').sort()) {
  const pkgDir = join('packages', name);
  const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const { messages } = await publint({ pkgDir, strict: true, level: 'suggestion' });
  for (const message of messages) {
    const text = formatMessage(message, manifest) ?? message.code;
    console.log(`${manifest.name}: ${message.type}: ${text}`);
    if (message.type !== 'suggestion') failures += 1;
  }
}
console.log(failures === 0 ? 'packages: publint found no problems' : `packages: ${failures} problem(s)`);
process.exit(failures === 0 ? 0 : 1);

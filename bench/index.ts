/**
 * `npm run bench [name…]`: runs every benchmark module in bench/ (or the named ones) in turn.
 * Each module's default export runs its cases, compares errcat with the incumbents in the same
 * run and prints ratios. Benchmarks only talk to 127.0.0.1 and stop by themselves.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const modules = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .sort()
  .filter((file) => wanted.length === 0 || wanted.some((name) => file.startsWith(name)));

for (const file of modules) {
  console.log(`\n## ${file.replace('.bench.ts', '')}\n`);
  const module = (await import(join(here, file))) as { default: () => Promise<void> };
  await module.default();
}

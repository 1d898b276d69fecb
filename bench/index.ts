/**
 * `npm run bench [name…]`: runs every benchmark module in bench/ (or the named ones) in turn.
 * Each module's default export runs its cases, compares errcat with the incumbents in the same
 * run and prints ratios. Benchmarks only talk to 127.0.0.1 and stop by themselves. After each
 * module, its section of `bench/results/latest.md` (what it printed) and the chart of every
 * reported ratio, `bench/results/latest.svg`, are written again (`bench/support/report.ts`).
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ReportSection, startSection, writeReport } from './support/report.js';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const modules = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .sort()
  .filter((file) => wanted.length === 0 || wanted.some((name) => file.startsWith(name)));

for (const file of modules) {
  const name = file.replace('.bench.ts', '');
  console.log(`\n## ${name}\n`);
  const module = (await import(join(here, file))) as { default: () => Promise<void> };
  const section = startSection(name);
  let finished: ReportSection;
  try {
    await module.default();
  } finally {
    finished = section.finish();
  }
  // Reached only when the module finished: one that fails keeps its earlier section.
  writeReport(join(here, 'results'), finished);
}

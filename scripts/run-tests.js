#!/usr/bin/env node
// `npm test`: builds the packages (the `errcat` binary and the docs page script run from dist/),
// runs the type tests (tsc over sources and tests, where the `@ts-expect-error` cases live), then
// every Vitest test; ends with one plain summary line "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const report = '.vitest-report.json';
const passThrough = process.argv.slice(2);

console.log('> build: npm run build');
const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
console.log('> type tests: tsc -p tsconfig.json');
const types = spawnSync('npx', ['tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' });

rmSync(report, { force: true });
const vitest = spawnSync(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...passThrough],
  { stdio: 'inherit' },
);

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const result = JSON.parse(readFileSync(report, 'utf8'));
  passed = result.numPassedTests ?? 0;
  failed = result.numFailedTests ?? 0;
  skipped = (result.numPendingTests ?? 0) + (result.numTodoTests ?? 0);
}
// A broken test file or a failed type test counts as one failure even when no test case failed.
if (vitest.status !== 0 && failed === 0) failed = 1;
if (types.status !== 0) failed += 1;
if (build.status !== 0) failed += 1;
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(build.status === 0 && types.status === 0 && vitest.status === 0 ? 0 : 1);

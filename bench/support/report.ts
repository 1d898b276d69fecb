import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';
import { Bench } from 'tinybench';
import { formatRatio, type RatioBar, type RatioTarget, renderRatioChart } from './svg-chart.js';

/** One row of a benchmark report: a name and its mean time per operation in nanoseconds. */
export interface BenchRow {
  /** What was measured. */
  readonly name: string;
  /** Mean nanoseconds per operation. */
  readonly nanos: number;
}

/**
 * Runs tinybench tasks for a fixed time each and returns the mean time per operation.
 *
 * @example
 * ```ts
 * const rows = await measure({ 'new Error()': () => new Error('x') });
 * ```
 */
export async function measure(tasks: Record<string, () => unknown>, time = 500): Promise<BenchRow[]> {
  const bench = new Bench({ time, warmupTime: 200 });
  for (const [name, fn] of Object.entries(tasks)) bench.add(name, fn);
  await bench.run();
  return bench.tasks.map((task) => {
    const result = task.result as { latency?: { mean?: number } } | undefined;
    return { name: task.name, nanos: (result?.latency?.mean ?? Number.NaN) * 1e6 };
  });
}

/** The ratios reported since the current section began, in order: the bars of the chart. */
let reported: RatioBar[] = [];

/**
 * Reports a ratio for the chart and returns it as a table cell with its target, such as
 * `0.87 (target ≥ 0.85)`. Benchmarks call it for every ratio that has a goal.
 *
 * @example
 * ```ts
 * console.log(`| with guards | ${reportRatio('promises: with guards × without', 0.87, { atLeast: 0.85 })} |`);
 * ```
 */
export function reportRatio(label: string, value: number, target?: RatioTarget): string {
  reported.push({ label, value, ...(target && { target }) });
  return formatRatio(value, target);
}

/**
 * Prints rows as a Markdown table with each row's time as a ratio of the `baseline` row; a row
 * with a target (by name) is reported for the chart and printed next to it.
 *
 * @example
 * ```ts
 * printRatios(rows, 'new Error() (no stack)', 'ns', { 'errcat expected': { atMost: 1.2 } });
 * ```
 */
export function printRatios(
  rows: readonly BenchRow[],
  baseline: string,
  unit: 'ns' | 'µs' = 'ns',
  targets: Readonly<Record<string, RatioTarget>> = {},
): void {
  const base = rows.find((row) => row.name === baseline)?.nanos ?? Number.NaN;
  console.log(`| case | time (${unit}) | × ${baseline} |`);
  console.log('|---|---:|---:|');
  for (const row of rows) {
    const time = unit === 'ns' ? row.nanos : row.nanos / 1000;
    const target = targets[row.name];
    const ratio =
      target === undefined
        ? formatRatio(row.nanos / base)
        : reportRatio(`${row.name} × ${baseline}`, row.nanos / base, target);
    console.log(`| ${row.name} | ${time.toFixed(unit === 'ns' ? 0 : 2)} | ${ratio} |`);
  }
}

/** One benchmark module's part of the report: what it printed and the ratios it reported. */
export interface ReportSection {
  /** The module, such as `promises`. */
  readonly name: string;
  /** When it ran, as an ISO date. */
  readonly ranAt: string;
  /** The machine and how busy it was: cores, Node version, load average before and after. */
  readonly machine: string;
  /** Everything the module printed (Markdown tables and notes). */
  readonly markdown: string;
  /** The ratios it reported; an unmeasured ratio (`NaN`) is stored as `null`. */
  readonly ratios: readonly RatioBar[];
}

/**
 * Starts a section of the report: until `finish()`, everything printed with `console.log` is
 * kept (and still printed), and ratios reported with {@link reportRatio} belong to it.
 *
 * @example
 * ```ts
 * const section = startSection('promises');
 * await run();
 * const finished = section.finish();
 * ```
 */
export function startSection(name: string): { finish(): ReportSection } {
  const print = console.log;
  const lines: string[] = [];
  const load = loadavg()[0] ?? Number.NaN;
  reported = [];
  console.log = (...args: unknown[]) => {
    lines.push(format(...args));
    print(...args);
  };
  return {
    finish() {
      console.log = print;
      const after = loadavg()[0] ?? Number.NaN;
      return {
        name,
        ranAt: new Date().toISOString(),
        // The machine's cores: availableParallelism() would count this process's, one once pinned.
        machine: `${cpus().length} cores, Node ${process.version}, load average ${load.toFixed(1)} before, ${after.toFixed(1)} after`,
        markdown: lines.join('\n').trim(),
        ratios: reported,
      };
    },
  };
}

/** The stored sections, read back with `NaN` where JSON holds `null`. */
function readSections(file: string): Map<string, ReportSection> {
  if (!existsSync(file)) return new Map();
  const stored = JSON.parse(readFileSync(file, 'utf8')) as { sections: ReportSection[] };
  return new Map(
    stored.sections.map((section) => [
      section.name,
      {
        ...section,
        ratios: section.ratios.map((bar) => ({ ...bar, value: (bar.value as number | null) ?? Number.NaN })),
      },
    ]),
  );
}

/**
 * Writes the report into `dir`: the section replaces the same module's earlier one in
 * `latest.json`, which keeps the latest run of every module, and `latest.md` (every section's
 * tables) and `latest.svg` (every reported ratio, by {@link renderRatioChart}) are written
 * again from it. So `npm run bench -- promises` updates the promises part and keeps the rest.
 *
 * @example
 * ```ts
 * writeReport('bench/results', section.finish());
 * ```
 */
export function writeReport(dir: string, section: ReportSection): void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'latest.json');
  const sections = readSections(file).set(section.name, section);
  const ordered = [...sections.values()].sort((a, b) => a.name.localeCompare(b.name));
  writeFileSync(file, `${JSON.stringify({ sections: ordered }, null, 2)}\n`);
  const bars = ordered.flatMap((part) =>
    part.ratios.map((bar) => ({ ...bar, label: `${part.name}: ${bar.label}` })),
  );
  const dates = ordered.map((part) => part.ranAt.slice(0, 10)).sort();
  const span = dates[0] === dates.at(-1) ? dates[0] : `${dates[0]} to ${dates.at(-1)}`;
  writeFileSync(
    join(dir, 'latest.svg'),
    renderRatioChart(bars, {
      subtitle: `The latest run of each benchmark (${span}); bench/results/latest.md has the tables.`,
    }),
  );
  const markdown = [
    '# Benchmark results',
    '',
    'Written by `npm run bench`: the latest run of each benchmark module (`npm run bench -- <name>`',
    'replaces its own section). Compare ratios, not absolute figures; each section says how busy',
    'the machine was.',
    '',
    '![The ratios and their targets](latest.svg)',
    ...ordered.flatMap((part) => [
      '',
      `## ${part.name}`,
      '',
      `${part.ranAt} · ${part.machine}`,
      '',
      part.markdown,
    ]),
    '',
  ];
  writeFileSync(join(dir, 'latest.md'), markdown.join('\n'));
}

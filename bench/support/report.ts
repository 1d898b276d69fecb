import { Bench } from 'tinybench';

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

/**
 * Prints rows as a Markdown table with each row's time as a ratio of the `baseline` row.
 *
 * @example
 * ```ts
 * printRatios(rows, 'new Error() (no stack)');
 * ```
 */
export function printRatios(rows: readonly BenchRow[], baseline: string, unit: 'ns' | 'µs' = 'ns'): void {
  const base = rows.find((row) => row.name === baseline)?.nanos ?? Number.NaN;
  console.log(`| case | time (${unit}) | × ${baseline} |`);
  console.log('|---|---:|---:|');
  for (const row of rows) {
    const time = unit === 'ns' ? row.nanos : row.nanos / 1000;
    console.log(
      `| ${row.name} | ${time.toFixed(unit === 'ns' ? 0 : 2)} | ${(row.nanos / base).toFixed(2)} |`,
    );
  }
}

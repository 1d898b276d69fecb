/** Edit distance between two short strings (codes and keys), case-insensitive. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}

/**
 * The candidates closest to `wanted`, at most `count`, for "did you mean" hints.
 *
 * @example
 * ```ts
 * nearest('PROMISE_NOT_FOUN', ['PROMISE_NOT_FOUND', 'TASK_NOT_FOUND', 'VALIDATION_FAILED'], 1); // ['PROMISE_NOT_FOUND']
 * ```
 */
export function nearest(wanted: string, candidates: readonly string[], count = 3): string[] {
  return candidates
    .map((candidate) => ({ candidate, score: distance(wanted, candidate) }))
    .filter(({ candidate, score }) => score <= Math.max(2, Math.floor(candidate.length / 2)))
    .sort((a, b) => a.score - b.score)
    .slice(0, count)
    .map(({ candidate }) => candidate);
}

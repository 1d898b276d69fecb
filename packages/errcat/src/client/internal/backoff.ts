/**
 * A full-jitter backoff delay for the `retry`-th retry (1-based): uniform in
 * `[0, min(cap, base·2^(retry−1)))`, as the AWS SDKs and gRPC compute it.
 *
 * @example
 * ```ts
 * fullJitter(3, 100, 10_000); // uniform in [0, 400) ms
 * ```
 */
export function fullJitter(
  retry: number,
  base: number,
  cap: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(cap, base * 2 ** Math.max(0, retry - 1));
  return random() * ceiling;
}

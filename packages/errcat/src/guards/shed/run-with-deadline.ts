import { roleError } from '../../role-error.js';

/**
 * Runs `work` with a deadline. Past `deadlineMs`, the returned promise rejects with
 * `REQUEST_DEADLINE_EXCEEDED` (503) and the signal given to `work` aborts, so that the work can
 * stop; the work's own late outcome is absorbed. The work is not killed: JavaScript cannot stop a
 * function from outside, so work that ignores the signal runs on.
 *
 * @example
 * ```ts
 * const body = await runWithDeadline((signal) => fetch(upstream, { signal }).then((r) => r.json()), 2000);
 * ```
 */
export function runWithDeadline<T>(
  work: (signal: AbortSignal) => Promise<T> | T,
  deadlineMs: number,
  catalog?: Parameters<typeof roleError>[0],
): Promise<T> {
  const controller = new AbortController();
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      const error = roleError(catalog, 'REQUEST_DEADLINE_EXCEEDED', { deadlineMs: Math.round(deadlineMs) });
      controller.abort(error);
      reject(error);
    }, deadlineMs);
    const settle = (done: () => void) => {
      clearTimeout(timer);
      done();
    };
    try {
      Promise.resolve(work(controller.signal)).then(
        (value) => settle(() => resolve(value)),
        (error: unknown) => settle(() => reject(error)),
      );
    } catch (error) {
      settle(() => reject(error));
    }
  });
}

import type { Admission, LoadShedder } from './load-shedder.js';

/** The requests each shedder has admitted, so that a second guard with the same shedder takes no second slot. */
const admittedBy = new WeakMap<LoadShedder, WeakSet<object>>();

/**
 * Admits `request` through `shedder` unless that shedder admitted it already (an app-wide guard and
 * a router's guard sharing one shedder): the first call resolves with the admission to release,
 * later ones with `undefined`. Rejects as {@link LoadShedder.admit} does.
 *
 * @example
 * ```ts
 * const admission = await admitOnce(shedder, request, request.signal);
 * try { await next(); } finally { admission?.release(); }
 * ```
 */
export async function admitOnce(
  shedder: LoadShedder,
  request: object,
  signal?: AbortSignal,
): Promise<Admission | undefined> {
  let admitted = admittedBy.get(shedder);
  if (admitted === undefined) {
    admitted = new WeakSet();
    admittedBy.set(shedder, admitted);
  }
  if (admitted.has(request)) return undefined;
  const admission = await shedder.admit(signal);
  admitted.add(request);
  return admission;
}

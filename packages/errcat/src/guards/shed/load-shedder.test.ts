import { describe, expect, it } from 'vitest';
import { isCatalogError } from '../../is-catalog-error.js';
import { renderError } from '../../render/render-error.js';
import { type Admission, createLoadShedder } from './load-shedder.js';
import { runWithDeadline } from './run-with-deadline.js';

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isCatalogError(error))
      return { key: error.key, status: error.status, headers: renderError(error).headers, error };
    return { key: 'other', status: 0, headers: {} as Readonly<Record<string, string>>, error };
  }
  throw new Error('expected a refusal');
}

describe('createLoadShedder', () => {
  it('admits up to maxConcurrent, queues up to maxQueue and refuses the rest at once', async () => {
    const shedder = createLoadShedder({ maxConcurrent: 2, maxQueue: 1 });
    const first = await shedder.admit();
    await shedder.admit();
    let third: Admission | undefined;
    const queued = shedder.admit().then((slot) => {
      third = slot;
    });
    expect(shedder.queued).toBe(1);
    const full = await refusal(shedder.admit());
    expect(full).toMatchObject({ key: 'QUEUE_FULL', status: 503 });
    expect(full.headers['retry-after']).toBe('10');
    expect(full.error).toMatchObject({ retryable: true, notApplied: true });
    first.release();
    first.release();
    await queued;
    expect(third).toBeDefined();
    expect(shedder.inFlight).toBe(2);
    expect(shedder.queued).toBe(0);
  });

  it('sheds a request that waited longer than queueTimeout with OVERLOADED', async () => {
    const shedder = createLoadShedder({ maxConcurrent: 1, maxQueue: 5, queueTimeout: 5, retryAfter: 3 });
    const slot = await shedder.admit();
    const late = await refusal(shedder.admit());
    expect(late).toMatchObject({ key: 'OVERLOADED', status: 503 });
    expect(late.headers['retry-after']).toBe('3');
    expect(JSON.parse(renderError(late.error as never).body).details).toEqual({ signal: 'queueTimeout' });
    expect(shedder.queued).toBe(0);
    slot.release();
    expect(shedder.inFlight).toBe(0);
  });

  it('takes a request out of the queue when its client goes away', async () => {
    const shedder = createLoadShedder({ maxConcurrent: 1, maxQueue: 1 });
    const slot = await shedder.admit();
    const gone = new AbortController();
    const waiting = refusal(shedder.admit(gone.signal));
    const reason = new Error('client closed');
    gone.abort(reason);
    // A catalog error logged at info, not an unexpected exception: clients leave all the time.
    const { error } = await waiting;
    expect(error).toMatchObject({
      code: 'CLIENT_CLOSED_REQUEST',
      status: 499,
      logLevel: 'info',
      cause: reason,
    });
    // Already gone before it asked: refused at once with the same role.
    await expect(shedder.admit(gone.signal)).rejects.toMatchObject({ code: 'CLIENT_CLOSED_REQUEST' });
    // The freed queue place is usable again.
    const next = shedder.admit();
    slot.release();
    (await next).release();
    expect(shedder.inFlight).toBe(0);
  });

  it('sheds under pressure with the signal that tripped', async () => {
    let hot = true;
    const shedder = createLoadShedder({
      pressure: { check: () => (hot ? { signal: 'eventLoopDelay', value: 1500, threshold: 15 } : undefined) },
    });
    expect(await refusal(shedder.admit())).toMatchObject({
      key: 'OVERLOADED',
      headers: { 'retry-after': '10' },
    });
    expect(shedder.isUnderPressure()?.signal).toBe('eventLoopDelay');
    hot = false;
    (await shedder.admit()).release();
  });

  it('drains: finishes in-flight work, refuses queued and new requests with SHUTTING_DOWN', async () => {
    const shedder = createLoadShedder({ maxConcurrent: 1, maxQueue: 1 });
    let finish = () => {};
    const work = shedder.run(() => new Promise<string>((resolve) => (finish = () => resolve('done'))));
    await Promise.resolve();
    const queued = refusal(shedder.admit());
    expect(shedder.ready).toBe(true);
    const drained = shedder.drain({ timeout: 60_000 });
    expect(shedder.ready).toBe(false);
    expect(await queued).toMatchObject({
      key: 'SHUTTING_DOWN',
      status: 503,
      headers: { 'retry-after': '1' },
    });
    expect(await refusal(shedder.admit())).toMatchObject({ key: 'SHUTTING_DOWN' });
    finish();
    expect(await work).toBe('done');
    expect(await drained).toEqual({ drained: true, inFlight: 0 });
  });

  it('gives up draining after the timeout and says how many are left', async () => {
    const shedder = createLoadShedder();
    await shedder.admit();
    expect(await shedder.drain({ timeout: 5 })).toEqual({ drained: false, inFlight: 1 });
  });

  it('turns readiness off on unready() while still admitting', async () => {
    const shedder = createLoadShedder();
    shedder.unready();
    expect(shedder.ready).toBe(false);
    (await shedder.admit()).release();
  });

  it('refuses bad limits', () => {
    expect(() => createLoadShedder({ maxConcurrent: 0 })).toThrow(/maxConcurrent/);
    expect(() => createLoadShedder({ maxQueue: -1 })).toThrow(/maxQueue/);
    expect(() => createLoadShedder({ queueTimeout: Number.NaN })).toThrow(/queueTimeout/);
  });
});

describe('runWithDeadline', () => {
  it('rejects with REQUEST_DEADLINE_EXCEEDED and aborts the work signal', async () => {
    let seen: AbortSignal | undefined;
    const outcome = await refusal(
      runWithDeadline((signal) => {
        seen = signal;
        return new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('late'))));
      }, 5),
    );
    expect(outcome).toMatchObject({ key: 'REQUEST_DEADLINE_EXCEEDED', status: 503 });
    expect(JSON.parse(renderError(outcome.error as never).body).detail).toContain('5 ms');
    expect(seen?.aborted).toBe(true);
  });

  it('passes results and errors of work that finishes in time', async () => {
    expect(await runWithDeadline(() => 42, 1000)).toBe(42);
    await expect(runWithDeadline(() => Promise.reject(new Error('boom')), 1000)).rejects.toThrow('boom');
    await expect(
      runWithDeadline(() => {
        throw new Error('sync');
      }, 1000),
    ).rejects.toThrow('sync');
  });
});

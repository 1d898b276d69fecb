import type { CatalogError } from '../../catalog-error.js';
import { errcatErrors } from '../../errcat-catalog.js';
import { roleError } from '../../role-error.js';
import type { PressureProbe, PressureReading } from './pressure-probe.js';

/**
 * Options of {@link createLoadShedder}.
 *
 * @example
 * ```ts
 * createLoadShedder({ maxConcurrent: 64, maxQueue: 128, queueTimeout: 2000, retryAfter: 5 });
 * ```
 */
export interface LoadShedderOptions {
  /** The catalog whose entries play `OVERLOADED`, `QUEUE_FULL` and `SHUTTING_DOWN`. @default the base catalog */
  readonly catalog?: Parameters<typeof roleError>[0];
  /** The most requests handled at once. @default Infinity (no limit) */
  readonly maxConcurrent?: number;
  /** How many requests may wait for a slot when all are busy; more get `QUEUE_FULL`. @default 0 */
  readonly maxQueue?: number;
  /** Milliseconds a request may wait in the queue before it gets `OVERLOADED`. @default 1000 */
  readonly queueTimeout?: number;
  /**
   * Overload signals checked on every request (errcat/node's `createPressureMonitor`).
   * @default none (only the concurrency limit and the queue shed)
   */
  readonly pressure?: PressureProbe;
  /** Seconds in `Retry-After` of shed requests. @default the entry's (10 for `OVERLOADED` and `QUEUE_FULL`) */
  readonly retryAfter?: number;
}

/**
 * A slot held by an admitted request. Call `release` once the response is finished; calling it
 * again does nothing.
 *
 * @example
 * ```ts
 * const admission = await shedder.admit();
 * try { await handle(request); } finally { admission.release(); }
 * ```
 */
export interface Admission {
  /** Gives the slot back (to the next queued request, if any). */
  release(): void;
}

/**
 * The outcome of {@link LoadShedder.drain}.
 *
 * @example
 * ```ts
 * const { drained, inFlight } = await shedder.drain({ timeout: 10_000 });
 * if (!drained) console.warn(`${inFlight} requests cut short`);
 * ```
 */
export interface DrainResult {
  /** Every in-flight request finished within the timeout. */
  readonly drained: boolean;
  /** Requests still in flight when the drain ended. */
  readonly inFlight: number;
}

/**
 * Admission control for a server: sheds requests when it is overloaded or shutting down, before
 * any body parsing or auth, at O(1) cost per request.
 *
 * @example
 * ```ts
 * const result = await shedder.run(() => handle(request)); // throws QUEUE_FULL, OVERLOADED or SHUTTING_DOWN
 * ```
 */
export interface LoadShedder {
  /**
   * Admits a request or rejects with a catalog error: `SHUTTING_DOWN` while draining, `OVERLOADED`
   * under pressure or after `queueTimeout` in the queue, `QUEUE_FULL` when the queue is full. An
   * aborted `signal` (the client went away) takes the request out of the queue and rejects with
   * `CLIENT_CLOSED_REQUEST` (499, logged at info), the abort's reason as its cause.
   */
  admit(signal?: AbortSignal): Promise<Admission>;
  /** Admits, runs `work`, and releases the slot when the work settles. */
  run<T>(work: () => Promise<T> | T): Promise<T>;
  /** Requests admitted and not yet released. */
  readonly inFlight: number;
  /** Requests waiting for a slot. */
  readonly queued: number;
  /** False once a shutdown began: serve it from the readiness route so the balancer moves away. */
  readonly ready: boolean;
  /** True once `drain` was called: new requests get `SHUTTING_DOWN`. */
  readonly draining: boolean;
  /** Turns readiness off while still admitting requests (the first step of a graceful shutdown). */
  unready(): void;
  /** The first pressure signal over its threshold, if any: handlers may degrade instead of failing. */
  isUnderPressure(): PressureReading | undefined;
  /**
   * Stops admitting (new and queued requests get `SHUTTING_DOWN`) and waits until the in-flight
   * requests are done, or `timeout` milliseconds (default 10 000) have passed.
   */
  drain(options?: { readonly timeout?: number }): Promise<DrainResult>;
}

interface Waiter {
  readonly grant: (admission: Admission) => void;
  readonly refuse: (error: unknown) => void;
  done: boolean;
}

function positive(name: string, value: number, allowZero: boolean): number {
  const ok =
    value === Number.POSITIVE_INFINITY || (Number.isFinite(value) && (allowZero ? value >= 0 : value > 0));
  if (!ok)
    throw errcatErrors.ERRCAT_BAD_ARGUMENT({ reason: `${name} must be a positive number, got ${value}` });
  return value;
}

/**
 * Creates a load shedder: a concurrency limit with a bounded FIFO queue, optional pressure
 * signals, and the drain half of a graceful shutdown. Nothing queues without bound: past
 * `maxConcurrent + maxQueue` requests are refused at once with `QUEUE_FULL` (503 + Retry-After).
 *
 * @example
 * ```ts
 * const shedder = createLoadShedder({ maxConcurrent: 64, maxQueue: 128, queueTimeout: 2000, catalog });
 * process.once('SIGTERM', async () => {
 *   await shedder.drain({ timeout: 10_000 });
 *   await limiter.close();
 * });
 * ```
 */
export function createLoadShedder(options: LoadShedderOptions = {}): LoadShedder {
  const maxConcurrent = positive('maxConcurrent', options.maxConcurrent ?? Number.POSITIVE_INFINITY, false);
  const maxQueue = positive('maxQueue', options.maxQueue ?? 0, true);
  const queueTimeout = positive('queueTimeout', options.queueTimeout ?? 1000, false);
  const { catalog, pressure } = options;
  const retry = options.retryAfter === undefined ? undefined : { retryAfter: options.retryAfter };

  let inFlight = 0;
  let ready = true;
  let draining = false;
  // A FIFO with a moving head: O(1) at both ends; a waiter that timed out stays as a `done` hole.
  let queue: Waiter[] = [];
  let head = 0;
  let waiting = 0;
  const drainWaiters: (() => void)[] = [];

  const shed = (role: 'OVERLOADED' | 'QUEUE_FULL', details: Record<string, unknown> = {}): CatalogError =>
    roleError(catalog, role, details, retry);
  const shuttingDown = (): CatalogError => roleError(catalog, 'SHUTTING_DOWN');
  // The abort's own reason stays the logged cause; what is rendered and counted is the role.
  const clientLeft = (signal: AbortSignal): CatalogError =>
    roleError(catalog, 'CLIENT_CLOSED_REQUEST', {}, { cause: signal.reason });

  function admission(): Admission {
    let released = false;
    return {
      release() {
        if (released) return;
        released = true;
        handOver();
      },
    };
  }

  function nextWaiter(): Waiter | undefined {
    while (head < queue.length) {
      const waiter = queue[head++] as Waiter;
      if (!waiter.done) return waiter;
    }
    queue = [];
    head = 0;
    return undefined;
  }

  /** A released slot goes to the oldest waiter, else back to the pool. */
  function handOver(): void {
    const waiter = draining ? undefined : nextWaiter();
    if (waiter) {
      waiter.done = true;
      waiting--;
      waiter.grant(admission());
      return;
    }
    inFlight--;
    if (inFlight === 0) for (const wake of drainWaiters.splice(0)) wake();
  }

  function admit(signal?: AbortSignal): Promise<Admission> {
    if (draining) return Promise.reject(shuttingDown());
    const reading = pressure?.check();
    if (reading) return Promise.reject(shed('OVERLOADED', { signal: reading.signal }));
    if (inFlight < maxConcurrent) {
      inFlight++;
      return Promise.resolve(admission());
    }
    if (waiting >= maxQueue) return Promise.reject(shed('QUEUE_FULL'));
    if (signal?.aborted) return Promise.reject(clientLeft(signal));
    return new Promise<Admission>((resolve, reject) => {
      const leave = (error: unknown) => {
        if (waiter.done) return;
        waiter.done = true;
        waiting--;
        reject(error);
      };
      const onAbort = () => leave(clientLeft(signal as AbortSignal));
      const timer = setTimeout(() => leave(shed('OVERLOADED', { signal: 'queueTimeout' })), queueTimeout);
      const cleanup = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      const waiter: Waiter = {
        done: false,
        grant: (granted) => {
          cleanup();
          resolve(granted);
        },
        refuse: (error) => {
          cleanup();
          leave(error);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(waiter);
      waiting++;
    });
  }

  return {
    admit,
    async run(work) {
      const slot = await admit();
      try {
        return await work();
      } finally {
        slot.release();
      }
    },
    get inFlight() {
      return inFlight;
    },
    get queued() {
      return waiting;
    },
    get ready() {
      return ready;
    },
    get draining() {
      return draining;
    },
    unready() {
      ready = false;
    },
    isUnderPressure: () => pressure?.check(),
    drain({ timeout = 10_000 } = {}) {
      ready = false;
      draining = true;
      // Queued requests never started: refuse them now, they are safe to retry elsewhere.
      for (let waiter = nextWaiter(); waiter; waiter = nextWaiter()) waiter.refuse(shuttingDown());
      if (inFlight === 0) return Promise.resolve({ drained: true, inFlight: 0 });
      return new Promise<DrainResult>((resolve) => {
        const timer = setTimeout(() => resolve({ drained: false, inFlight }), timeout);
        drainWaiters.push(() => {
          clearTimeout(timer);
          resolve({ drained: true, inFlight: 0 });
        });
      });
    },
  };
}

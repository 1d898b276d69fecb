import type { Server } from 'node:http';
import type { DrainResult, LoadShedder } from '../guards/shed/load-shedder.js';

/** Milliseconds connections may take to close on their own after the drain. */
const LINGER_MS = 1000;

/**
 * Something to close once the server has drained: a rate limiter, a store, a database pool.
 *
 * @example
 * ```ts
 * const closable: Closable = { close: () => pool.end() };
 * ```
 */
export interface Closable {
  close(): unknown;
}

/**
 * Options of {@link gracefulShutdown}.
 *
 * @example
 * ```ts
 * gracefulShutdown(server, { shedder, drainDelay: 5_000, timeout: 20_000, close: [limiter, pool] });
 * ```
 */
export interface GracefulShutdownOptions {
  /** The shedder whose readiness, admission and in-flight count the shutdown drives. */
  readonly shedder: LoadShedder;
  /**
   * Milliseconds between turning readiness off and refusing requests, so that the load balancer
   * sees the failing readiness probe and stops sending traffic first. @default 0
   */
  readonly drainDelay?: number;
  /**
   * Milliseconds to let in-flight requests finish; when they all did, connections get up to 1 s
   * more to close on their own before the rest are cut.
   * Keep `drainDelay + timeout` below the orchestrator's grace period (Kubernetes: 30 s).
   * @default 10000
   */
  readonly timeout?: number;
  /** Closed in order after the drain (never before: in-flight requests still use them). @default [] */
  readonly close?: readonly Closable[];
  /** The signals that start the shutdown; a second one exits at once. @default ['SIGTERM', 'SIGINT'] */
  readonly signals?: readonly NodeJS.Signals[];
  /** Exit the process when done (code 0; 1 on a second signal). @default true */
  readonly exit?: boolean;
  /** Told the outcome before the process exits. */
  readonly onDone?: (result: DrainResult) => void;
}

/**
 * A graceful shutdown installed on a server.
 *
 * @example
 * ```ts
 * const shutdown = gracefulShutdown(server, { shedder, exit: false });
 * await shutdown.shutdown(); // as if SIGTERM arrived
 * ```
 */
export interface GracefulShutdown {
  /** Runs the shutdown (once; later calls return the same promise). */
  shutdown(): Promise<DrainResult>;
  /** Removes the signal handlers. */
  dispose(): void;
}

/**
 * Installs a graceful shutdown on a `node:http` server. On SIGTERM (or `shutdown()`): readiness
 * turns off; after `drainDelay` the listener stops accepting, idle keep-alive connections close and
 * new requests on open connections get `SHUTTING_DOWN` (503 + `Connection: close` with
 * `withTrafficGuards`); in-flight requests finish, for up to `timeout`; then the remaining
 * connections are cut, the `close` list is closed, and the process exits 0.
 *
 * @example
 * ```ts
 * const server = createServer(withErrors(withTrafficGuards(app, { shedder, limiter, policies: 'general' })));
 * gracefulShutdown(server, { shedder, drainDelay: 5_000, timeout: 20_000, close: [limiter] });
 * server.listen(8080);
 * ```
 */
export function gracefulShutdown(server: Server, options: GracefulShutdownOptions): GracefulShutdown {
  const { shedder } = options;
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const exit = options.exit ?? true;
  let running: Promise<DrainResult> | undefined;

  async function run(): Promise<DrainResult> {
    shedder.unready();
    if (options.drainDelay) await new Promise((resolve) => setTimeout(resolve, options.drainDelay));
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const result = await shedder.drain({ timeout: options.timeout ?? 10_000 });
    // Connections whose request just finished are idle now. A request already sent on a busy
    // connection (pipelined) is still answered, with SHUTTING_DOWN and `Connection: close`, so
    // connections get a short linger to end on their own before the rest are cut.
    server.closeIdleConnections();
    if (result.drained) {
      let linger: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([closed, new Promise((resolve) => (linger = setTimeout(resolve, LINGER_MS)))]);
      clearTimeout(linger);
    }
    server.closeAllConnections();
    for (const resource of options.close ?? []) {
      try {
        await resource.close();
      } catch {
        // A resource that fails to close must not keep the others open or the process alive.
      }
    }
    options.onDone?.(result);
    return result;
  }

  const shutdown = (): Promise<DrainResult> => {
    running ??= run();
    return running;
  };
  const onSignal = (): void => {
    if (running) {
      if (exit) process.exit(1);
      return;
    }
    void shutdown().then(() => {
      if (exit) process.exit(0);
    });
  };
  for (const signal of signals) process.on(signal, onSignal);
  return {
    shutdown,
    dispose: () => {
      for (const signal of signals) process.removeListener(signal, onSignal);
    },
  };
}

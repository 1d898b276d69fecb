import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';
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
 * Installs a graceful shutdown on a `node:http` server (also Fastify's `app.server`, the one
 * Express's `app.listen` returns, and Hono's on `@hono/node-server`). On SIGTERM (or `shutdown()`):
 * readiness turns off and every response from then on says `Connection: close`, so clients stop
 * reusing their connections; after `drainDelay` the listener stops accepting, and a request that
 * still arrives on an open connection gets `SHUTTING_DOWN` (503 + `Connection: close` with
 * `withTrafficGuards`); in-flight requests finish, for up to `timeout`. Connections close on their
 * own once told to; one idle since before the shutdown, whose client may be sending on it, gets up
 * to 1 s more. Then the remaining connections are cut, the `close` list is closed, and the process
 * exits 0.
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
  const closing = closeEachConnection(server);

  async function run(): Promise<DrainResult> {
    shedder.unready();
    closing.start();
    if (options.drainDelay) await new Promise((resolve) => setTimeout(resolve, options.drainDelay));
    // Stop accepting but keep the open connections: http.Server#close would also cut the idle
    // ones, and a client may have a request in transit on any connection that last said
    // keep-alive (it reads as a reset). Those requests get SHUTTING_DOWN and `Connection: close`.
    const closed = new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
    const result = await shedder.drain({ timeout: options.timeout ?? 10_000 });
    // Connections told to close end on their own once answered; only one idle since before the
    // shutdown (its last answer said keep-alive) waits out the linger before it is cut.
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
      closing.dispose();
    },
  };
}

/**
 * Tracks the newest open response of each connection so that, once `start` is called, each
 * connection's last answer says `Connection: close`: a client is never told to reuse a connection
 * that is about to be closed.
 */
function closeEachConnection(server: Server): { start(): void; dispose(): void } {
  let started = false;
  const newest = new Map<Socket, ServerResponse>();
  // The responses given `Connection: close` here (not by the application).
  const marked = new WeakSet<ServerResponse>();
  const mark = (response: ServerResponse): void => {
    if (response.headersSent) return;
    response.setHeader('connection', 'close');
    marked.add(response);
  };
  const onRequest = (request: IncomingMessage, response: ServerResponse): void => {
    const { socket } = request;
    const previous = newest.get(socket);
    newest.set(socket, response);
    response.once('close', () => {
      if (newest.get(socket) === response) newest.delete(socket);
    });
    if (!started) return;
    // Pipelined behind a response not yet sent: that one keeps the connection open for this one.
    if (previous && marked.has(previous) && !previous.headersSent) {
      previous.removeHeader('connection');
      marked.delete(previous);
    }
    mark(response);
  };
  server.prependListener('request', onRequest);
  return {
    start: () => {
      started = true;
      for (const response of newest.values()) mark(response);
    },
    dispose: () => {
      server.removeListener('request', onRequest);
    },
  };
}

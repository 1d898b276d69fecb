/**
 * A small node:http server behind errcat's traffic guards, run as a separate process by the
 * traffic tests (several of them share one Redis; one gets SIGTERM). Configured by environment:
 * LIMIT/WINDOW/BURST (policy 'general': BURST makes it GCRA), REDIS_PORT (Redis store, else
 * memory), FAIL_MODE, INSTANCES (insurance share), STORE_TIMEOUT, MAX_CONCURRENT, MAX_QUEUE, MAX_LOOP_DELAY, DRAIN_DELAY, SHUTDOWN_TIMEOUT.
 * Routes: `/work?ms=N` answers after N ms; `/block?ms=N` sends its headers, then blocks the event
 * loop for N ms; `/stats` answers `{"inFlight":N}`.
 * It prints `{"port":N}` on its first line of stdout once listening.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { redisRateLimitStore } from '@errcat/redis';
import type { RateLimitStore } from 'errcat/adapter';
import { createPressureMonitor, gracefulShutdown, withErrors, withTrafficGuards } from 'errcat/node';
import { createRateLimiter } from 'errcat/rate-limit';
import { createLoadShedder } from 'errcat/shed';
import { Redis } from 'ioredis';

const env = process.env;
const number = (name: string): number | undefined =>
  env[name] === undefined ? undefined : Number(env[name]);

const redis =
  env.REDIS_PORT === undefined
    ? undefined
    : new Redis({
        port: Number(env.REDIS_PORT),
        host: '127.0.0.1',
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        connectTimeout: 500,
        retryStrategy: () => 100,
      });
// ioredis reports connection errors as events; the limiter sees them as failed commands.
redis?.on('error', () => {});
const store: RateLimitStore | undefined = redis
  ? redisRateLimitStore({ client: redis, closeClient: true })
  : undefined;

const limit = number('LIMIT');
const limiter =
  limit === undefined
    ? undefined
    : createRateLimiter({
        policies: {
          general: {
            limit,
            window: number('WINDOW') ?? 3600,
            // BURST makes the policy GCRA; without it, the exact sliding window.
            ...(env.BURST === undefined ? {} : { burst: Number(env.BURST) }),
          },
        },
        ...(store ? { store } : {}),
        failMode: env.FAIL_MODE === 'open' || env.FAIL_MODE === 'insurance' ? env.FAIL_MODE : 'closed',
        insurance: { instances: number('INSTANCES') ?? 1 },
        timeout: number('STORE_TIMEOUT') ?? 500,
      });

const maxLoopDelay = number('MAX_LOOP_DELAY');
const monitor =
  maxLoopDelay === undefined
    ? undefined
    : createPressureMonitor({ maxEventLoopDelay: maxLoopDelay, sampleInterval: 100 });
const shedder = createLoadShedder({
  ...(env.MAX_CONCURRENT ? { maxConcurrent: Number(env.MAX_CONCURRENT) } : {}),
  ...(env.MAX_QUEUE ? { maxQueue: Number(env.MAX_QUEUE) } : {}),
  ...(monitor ? { pressure: monitor } : {}),
});

const server = createServer(
  withErrors(
    withTrafficGuards(
      async (request, response) => {
        const url = new URL(request.url ?? '/', 'http://localhost');
        const ms = Number(url.searchParams.get('ms') ?? 0);
        if (url.pathname === '/stats') {
          // Counts itself: it went through the shedder like any request.
          response.end(JSON.stringify({ inFlight: shedder.inFlight }));
          return;
        }
        response.setHeader('content-type', 'text/plain');
        if (url.pathname === '/block') {
          // The headers go out first, so the client knows the loop is blocked from now on.
          response.writeHead(200);
          response.flushHeaders();
          const until = Date.now() + ms;
          while (Date.now() < until) {
            // Busy-wait: the event loop is blocked, as under CPU overload.
          }
        } else if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
        response.end(`pid ${process.pid}`);
      },
      { shedder, ...(limiter ? { limiter, policies: 'general' } : {}) },
    ),
  ),
);

gracefulShutdown(server, {
  shedder,
  drainDelay: number('DRAIN_DELAY') ?? 0,
  timeout: number('SHUTDOWN_TIMEOUT') ?? 10_000,
  close: [...(limiter ? [limiter] : []), ...(monitor ? [monitor] : [])],
});

// Commands fail at once while the client is not ready (enableOfflineQueue: false): connect first.
if (redis) await once(redis, 'ready');
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});

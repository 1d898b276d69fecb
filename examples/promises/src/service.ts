import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateSite } from '@errcat/cli';
import { createJwtAuth } from '@errcat/jwt';
import { redisIdempotencyStore, redisRateLimitStore } from '@errcat/redis';
import { type ErrorLogger, getProfile, resolveRequestId } from 'errcat';
import { createIdempotencyGuard } from 'errcat/idempotency';
import {
  answerClientErrors,
  type Closable,
  gracefulShutdown,
  withErrors,
  withTrafficGuards,
} from 'errcat/node';
import { createRateLimiter, type RateLimitPolicy } from 'errcat/rate-limit';
import { createLoadShedder, type DrainResult, type LoadShedder } from 'errcat/shed';
import { Redis } from 'ioredis';
import { createPromisesCatalog, type PromisesCatalog } from './catalog/promises-catalog.js';
import { createOperations } from './domain/operations.js';
import type { SubscriptionRules } from './domain/subscription-rules.js';
import { createApp } from './http/app.js';
import { serviceOpenApi } from './http/openapi.js';
import { createRouter } from './http/router.js';
import { promiseRoutes } from './http/routes.js';
import { createNotifier } from './notifier.js';
import type { Database } from './storage/database.js';
import { openPostgresDatabase } from './storage/postgres-database.js';
import { openSqliteDatabase } from './storage/sqlite-database.js';
import { storageErrors } from './storage/storage-errors.js';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from './tokens.js';

/**
 * The SQLite file `npm start` uses when no `DATABASE_URL` is given.
 *
 * @example
 * ```ts
 * await startService({ jwtSecret, database: DEFAULT_DATABASE });
 * ```
 */
export const DEFAULT_DATABASE = new URL('../.data/promises.db', import.meta.url).pathname;

/**
 * Options of {@link startService}.
 *
 * @example
 * ```ts
 * await startService({ port: 0, jwtSecret: 'dev', profile: 'problem', database: 'postgres://localhost/promises' });
 * ```
 *
 * @example
 * ```ts
 * const service = await startService({ port: 0, jwtSecret });
 * console.log(service.url, service.shedder.inFlight);
 * await service.shutdown();
 * ```
 */
export interface ServiceOptions {
  /** The address to listen on. @default '127.0.0.1' */
  readonly host?: string;
  /** The port; 0 picks a free one. @default 3000 */
  readonly port?: number;
  /** The wire profile of every response (`resonate-legacy`, `resonate`, `problem`, `google`…). @default the catalog's, 'resonate-legacy' */
  readonly profile?: string;
  /**
   * Where promises live: a `postgres://` URL, or an SQLite file path (`file:` URLs too; `?mode=ro`
   * opens it read-only). @default DEFAULT_DATABASE
   */
  readonly database?: string;
  /** A `redis://` URL: rate limits (and idempotency records) then live in Redis, shared by every instance. @default none: in memory */
  readonly redis?: string;
  /** The HS256 secret bearer tokens are signed with. */
  readonly jwtSecret: string;
  /**
   * The `address` policy (per client address, before authentication) and `user` policy (per token
   * subject, after it). @default address 6000/60 s (bursts of 1000), user 3000/60 s (bursts of 500)
   */
  readonly rateLimits?: {
    readonly address?: RateLimitPolicy;
    readonly user?: RateLimitPolicy;
  };
  /** Requests handled at once; more wait in the queue. @default 256 */
  readonly maxConcurrent?: number;
  /** Requests waiting for a slot; more get 5031 at once. @default 256 */
  readonly maxQueue?: number;
  /** Milliseconds in-flight requests get to finish on shutdown. @default 10000 */
  readonly shutdownTimeout?: number;
  /**
   * errcat's traffic guards and idempotency keys: `false` leaves out load shedding limits, rate
   * limits and the idempotency guard (the benchmark's baseline); errors are rendered either way.
   * @default true
   */
  readonly guards?: boolean;
  /** Where errors are logged. @default errcat's console logger (5xx to stderr) */
  readonly logger?: ErrorLogger | false;
  /** Shut down on SIGTERM/SIGINT and exit the process. @default false */
  readonly handleSignals?: boolean;
  /** The clock, in epoch milliseconds. @default Date.now */
  readonly now?: () => number;
  /**
   * Milliseconds a request body may take to arrive (else 4080); it is read before the load shedder
   * admits the request. `false` reads it inside the handler, under the shedder, as a slow client
   * then holds a slot (load tests fill the shedder that way). @default 10000
   */
  readonly bodyDeadline?: number | false;
  /** Which listener URLs subscriptions take, and how many per promise. @default public listeners only, 10 per promise */
  readonly subscriptions?: SubscriptionRules;
}

/** A running promises service. */
export interface Service {
  /** Its base URL, `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly server: Server;
  /** The catalog its errors come from, with docs links into its own `/errors` page. */
  readonly catalog: PromisesCatalog;
  /** Which database it uses. */
  readonly database: Database['kind'];
  /** Whether rate limits live in Redis. */
  readonly redis: boolean;
  /** The load shedder: requests in flight and queued, readiness. */
  readonly shedder: LoadShedder;
  /** Shuts down gracefully (5030 for new requests, in-flight ones finish), then closes the stores. */
  shutdown(): Promise<DrainResult>;
}

/** The default rate limits: generous for people, a ceiling for runaway clients. */
const DEFAULT_LIMITS = {
  address: { limit: 6000, window: 60, burst: 1000, key: 'ip' },
  user: { limit: 3000, window: 60, burst: 500, key: 'user' },
} as const satisfies Record<string, RateLimitPolicy>;

async function openDatabase(location: string): Promise<Database> {
  if (/^postgres(?:ql)?:\/\//.test(location)) return openPostgresDatabase({ connectionString: location });
  if (location.startsWith('file:')) {
    // SQLite's URI form: `file:relative/path`, `file:/abs/path` or `file:///abs/path`, `?mode=ro`.
    const [path = '', query = ''] = location.slice('file:'.length).split('?', 2);
    return openSqliteDatabase({
      file: decodeURIComponent(path.startsWith('//') ? path.slice(2) : path),
      readonly: new URLSearchParams(query).get('mode') === 'ro',
    });
  }
  return openSqliteDatabase({ file: location });
}

async function connectRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, {
    // Fail at once while disconnected: the limiter then answers 5033 instead of hanging.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
  });
  redis.on('error', () => undefined);
  await Promise.race([
    once(redis, 'ready'),
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`cannot connect to Redis at ${url}`)), 5000).unref(),
    ),
  ]).catch((error: unknown) => {
    redis.disconnect();
    throw error;
  });
  return redis;
}

/**
 * Starts the promises service: opens the database (SQLite by default, PostgreSQL for a
 * `postgres://` URL), connects Redis when given, and serves the API, its error dictionary at
 * `/errors` and its OpenAPI document at `/openapi.json` on `host:port`. Every error it sends is an
 * entry of its catalog, rendered in the chosen wire profile.
 *
 * @example
 * ```ts
 * const service = await startService({ port: 0, jwtSecret: 'dev-secret', profile: 'problem' });
 * console.log(service.url);
 * await service.shutdown();
 * ```
 */
export async function startService(options: ServiceOptions): Promise<Service> {
  const host = options.host ?? '127.0.0.1';
  const guards = options.guards ?? true;
  const db = await openDatabase(options.database ?? DEFAULT_DATABASE);
  const redis =
    options.redis === undefined
      ? undefined
      : await connectRedis(options.redis).catch(async (error) => {
          await db.close();
          throw error;
        });
  // Deliberate limits on a client's pace: headers within 10 s, the whole request within 30 s
  // (Node's default 300 s let slow clients hold sockets for five minutes).
  const server = createServer({ headersTimeout: 10_000, requestTimeout: 30_000 });
  server.listen(options.port ?? 3000, host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  const catalog = createPromisesCatalog({ docs: `${url}/errors` });
  const profile = getProfile(options.profile ?? catalog.spec.profile);
  const operations = createOperations({
    db,
    catalog,
    onComplete: createNotifier({ allowNonPublic: options.subscriptions?.allowNonPublic === true }),
    ...(options.subscriptions && { subscriptions: options.subscriptions }),
    ...(options.now ? { now: options.now } : {}),
  });
  const routes = promiseRoutes(operations, catalog);
  const router = createRouter(routes, catalog);
  const shedder = createLoadShedder({
    catalog,
    ...(guards ? { maxConcurrent: options.maxConcurrent ?? 256, maxQueue: options.maxQueue ?? 256 } : {}),
  });
  const limiter = guards
    ? createRateLimiter({
        catalog,
        policies: { ...DEFAULT_LIMITS, ...options.rateLimits },
        ...(redis ? { store: redisRateLimitStore({ client: redis, keyPrefix: 'promises:rl:' }) } : {}),
      })
    : undefined;
  // Without the guards, the idempotency guard covers no method: it only reads bodies.
  const idempotency = createIdempotencyGuard({
    catalog,
    ...(guards
      ? {
          store: redis
            ? redisIdempotencyStore({ client: redis, keyPrefix: 'promises:idem:' })
            : db.idempotencyStore(),
        }
      : { methods: [] }),
  });
  const app = createApp({
    catalog,
    profile,
    router,
    auth: createJwtAuth({
      secret: options.jwtSecret,
      algorithms: ['HS256'],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      catalog,
    }),
    idempotency,
    limiter,
    shedder,
    // The resonate profile speaks Resonate Server v0.9.5's protocol: its envelope endpoint too.
    envelopes: profile.name === 'resonate',
    documents: {
      '/': {
        contentType: 'application/json',
        body: JSON.stringify({
          service: 'errcat promises service',
          profile: profile.name,
          errors: `${url}/errors`,
          openapi: `${url}/openapi.json`,
        }),
      },
      '/errors': {
        contentType: 'text/html; charset=utf-8',
        body: await generateSite(catalog),
      },
      '/openapi.json': {
        contentType: 'application/json',
        body: JSON.stringify(serviceOpenApi(routes, catalog, profile, url)),
      },
    },
  });
  const handler = withErrors(
    withTrafficGuards(app, {
      shedder,
      ...(limiter ? { limiter, policies: 'address' } : {}),
      // Bodies are read (10 s at most, else 4080) before the shedder admits: no slot waits on a client.
      ...(options.bodyDeadline === false ? {} : { body: { deadline: options.bodyDeadline ?? 10_000 } }),
      catalog,
    }),
    {
      catalog,
      profile,
      mapError: storageErrors(catalog),
      // Envelope profiles (resonate) echo the operation's `kind` and the request's `corrId`.
      context: app.context,
      ...(options.logger === undefined ? {} : { logger: options.logger }),
    },
  );
  // What Node's parser refuses (bad header bytes, oversized headers) is answered in the profile too.
  server.on(
    'clientError',
    answerClientErrors({
      catalog,
      profile,
      ...(options.logger === undefined ? {} : { logger: options.logger }),
    }),
  );
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    // One request id for the success and the error path: the client's when well formed, else new.
    const requestId = resolveRequestId(request.headers);
    request.headers['x-request-id'] = requestId;
    response.setHeader('x-request-id', requestId);
    handler(request, response);
  });

  const closables: Closable[] = [idempotency, db];
  if (limiter) closables.unshift(limiter);
  if (redis) closables.push({ close: () => redis.quit().catch(() => redis.disconnect()) });
  const shutdown = gracefulShutdown(server, {
    shedder,
    timeout: options.shutdownTimeout ?? 10_000,
    close: closables,
    signals: options.handleSignals ? ['SIGTERM', 'SIGINT'] : [],
    exit: options.handleSignals ?? false,
  });
  return {
    url,
    server,
    catalog,
    database: db.kind,
    redis: redis !== undefined,
    shedder,
    shutdown: () => shutdown.shutdown(),
  };
}

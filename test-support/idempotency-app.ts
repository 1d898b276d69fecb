/**
 * A small order service behind the idempotency guard, on a real 127.0.0.1 listener, and a client
 * burst that tallies its answers. Shared by the idempotency tests of every store.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { baseCatalog } from 'errcat';
import { createIdempotencyGuard, type IdempotencyGuardOptions } from 'errcat/idempotency';
import { type IdempotencyOptions, withErrors, withIdempotency } from 'errcat/node';

/** A running order service. */
export interface OrderApp {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** How many times the handler has started. */
  runs(): number;
  /** Lets every held handler finish. */
  release(): void;
  /** Stops the server and closes the guard's store. */
  close(): Promise<void>;
}

/** How the order handler behaves. */
export interface OrderAppOptions {
  /** The guard's options (store, lease, …). */
  readonly guard?: IdempotencyGuardOptions;
  /** Options of `withIdempotency` other than the guard. */
  readonly node?: Omit<IdempotencyOptions, 'guard'>;
  /** Hold each handler until `release()` is called. @default false */
  readonly hold?: boolean;
  /** Milliseconds each handler takes. @default 0 */
  readonly delayMs?: number;
  /** Called with each request's body; throw from it to make the handler fail. */
  readonly onRun?: (body: unknown, run: number) => void;
}

const silent = { error() {}, warn() {}, info() {}, debug() {} };

/**
 * Starts the order service. `POST /orders` counts a run, optionally waits for `release()`, then
 * answers 201 with a Location and a body naming the run; `?fail=validation` throws
 * VALIDATION_FAILED, `?fail=crash` an Error (a 500).
 *
 * @example
 * ```ts
 * const app = await startOrderApp({ guard: { store }, hold: true });
 * ```
 */
export async function startOrderApp(options: OrderAppOptions = {}): Promise<OrderApp> {
  const guard = createIdempotencyGuard(options.guard);
  let runs = 0;
  let open = !options.hold;
  const waiting: (() => void)[] = [];
  const gate = () => (open ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve)));
  const server: Server = createServer(
    withErrors(
      withIdempotency(
        async (request, response, { body }) => {
          const run = ++runs;
          const parsed: unknown = body.length === 0 ? null : JSON.parse(body.toString('utf8'));
          options.onRun?.(parsed, run);
          await gate();
          if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
          const fail = new URL(request.url ?? '/', 'http://x').searchParams.get('fail');
          if (fail === 'validation') throw baseCatalog.VALIDATION_FAILED({ errors: [] });
          if (fail === 'crash') throw new Error('the handler crashed');
          response.writeHead(201, { 'content-type': 'application/json', location: `/orders/${run}` });
          response.end(JSON.stringify({ order: run, body: parsed }));
        },
        { guard, ...options.node },
      ),
      { logger: silent },
    ),
  );
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    runs: () => runs,
    release: () => {
      open = true;
      for (const resolve of waiting.splice(0)) resolve();
    },
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
      await guard.close();
    },
  };
}

/** One answer, read whole. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
}

/**
 * POSTs a JSON body with an Idempotency-Key and reads the whole answer.
 *
 * @example
 * ```ts
 * const answer = await postOrder(app.url, '"key-…"', { sku: 'A1' });
 * ```
 */
export async function postOrder(
  url: string,
  key: string | undefined,
  body: unknown,
  path = '/orders',
): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key !== undefined) headers['idempotency-key'] = key;
  const response = await fetch(`${url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

/** The answers of a burst, by kind. */
export interface BurstTally {
  /** First answers (201, not replayed). */
  readonly created: number;
  /** Replays of the first answer, byte-identical (status, body, Location). */
  readonly replayed: number;
  /** `IDEMPOTENCY_IN_PROGRESS` answers (409 with Retry-After). */
  readonly inProgress: number;
  /** Anything else: status and a prefix of the body. */
  readonly other: readonly string[];
}

/**
 * Sends `count` identical POSTs at once (spread over several servers when given a list) and
 * tallies the answers. A replay counts only when it is byte-identical to the first answer.
 *
 * @example
 * ```ts
 * const tally = await burst(app.url, 200, key, { sku: 'A1' });
 * expect(tally.created).toBe(1);
 * ```
 */
export async function burst(
  url: string | readonly string[],
  count: number,
  key: string,
  body: unknown,
): Promise<BurstTally> {
  const urls = typeof url === 'string' ? [url] : url;
  const answers = await Promise.all(
    Array.from({ length: count }, (_, index) => postOrder(urls[index % urls.length] as string, key, body)),
  );
  const first = answers.find((answer) => answer.status === 201 && !answer.headers.has('idempotent-replayed'));
  let created = 0;
  let replayed = 0;
  let inProgress = 0;
  const other: string[] = [];
  for (const answer of answers) {
    const isReplay = answer.headers.get('idempotent-replayed') === 'true';
    if (answer === first) created++;
    else if (
      isReplay &&
      first !== undefined &&
      answer.status === first.status &&
      answer.body === first.body &&
      answer.headers.get('location') === first.headers.get('location')
    ) {
      replayed++;
    } else if (
      answer.status === 409 &&
      answer.headers.get('retry-after') !== null &&
      answer.body.includes('IDEMPOTENCY_IN_PROGRESS')
    ) {
      inProgress++;
    } else other.push(`${answer.status} ${answer.body.slice(0, 120)}`);
  }
  return { created, replayed, inProgress, other };
}

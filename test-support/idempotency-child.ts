/**
 * A server process for the multi-process idempotency tests. Environment: STORE (a StoreKind),
 * TARGET (its file or URL), LEASE (seconds), MODE:
 * - `hang` (default): the handler prints `running` and never finishes, so the test can kill the
 *   process mid-request;
 * - `serve`: the order service of idempotency-app.ts, printing `run` each time its handler runs.
 * The first line on stdout is `{"port":…}`.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createIdempotencyGuard } from 'errcat/idempotency';
import { withErrors, withIdempotency } from 'errcat/node';
import { startOrderApp } from './idempotency-app.js';
import { openStore, type StoreKind } from './idempotency-stores.js';

const store = await openStore(process.env.STORE as StoreKind, process.env.TARGET);
const lease = Number(process.env.LEASE ?? 30);
let port: number;
if (process.env.MODE === 'serve') {
  const app = await startOrderApp({
    guard: { store, lease },
    delayMs: 50,
    onRun: () => process.stdout.write('run\n'),
  });
  port = Number(new URL(app.url).port);
} else {
  const guard = createIdempotencyGuard({ store, lease });
  const server = createServer(
    withErrors(
      withIdempotency(
        async () => {
          process.stdout.write('running\n');
          await new Promise(() => {});
        },
        { guard },
      ),
    ),
  );
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
}
process.stdout.write(`${JSON.stringify({ port })}\n`);
// The test stops this process; should it not, it must not outlive the test run.
setTimeout(() => process.exit(1), 60_000).unref();

import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ErrorLogger } from 'errcat';
import { isRemoteError, type RemoteErrorOf } from 'errcat/client';
import { expect } from 'vitest';
import type { PromisesCatalog } from '../src/catalog/promises-catalog.js';
import { createPromisesClient, type PromisesClient } from '../src/client/promises-client.js';
import type { Scope } from '../src/http/routes.js';
import { type Service, type ServiceOptions, startService } from '../src/service.js';
import { signToken } from '../src/tokens.js';

/** The secret every test service verifies tokens with. */
export const SECRET = 'e2e-secret-of-the-promises-service';

/** A service started for a test, with a client factory and its log. */
export interface TestService {
  readonly service: Service;
  readonly url: string;
  /** The SQLite file it was started with (unless `database` was given). */
  readonly database: string;
  /** A typed client for a subject of its own (rate limits and idempotency keys are per subject). */
  client(subject: string, options?: { scopes?: readonly Scope[]; retry?: false }): Promise<PromisesClient>;
  /** The error events the service logged. */
  readonly logs: { level: string; object: Record<string, unknown> }[];
  stop(): Promise<void>;
}

/** A logger that keeps every event, for assertions on what reaches the logs (and not the client). */
function captureLogger(logs: TestService['logs']): ErrorLogger {
  const at =
    (level: string) =>
    (object: unknown): void => {
      logs.push({ level, object: object as Record<string, unknown> });
    };
  return {
    trace: at('trace'),
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    fatal: at('fatal'),
  };
}

/**
 * Starts the promises service on 127.0.0.1:0 with a fresh SQLite file (unless `database` says
 * otherwise) and generous limits, as a test needs it.
 */
export async function startTestService(
  options: Partial<ServiceOptions> & { readonly profile: string },
): Promise<TestService> {
  const dir = await mkdtemp(join(tmpdir(), 'errcat-promises-'));
  const logs: TestService['logs'] = [];
  const database = join(dir, 'promises.db');
  const service = await startService({
    port: 0,
    jwtSecret: SECRET,
    database,
    logger: captureLogger(logs),
    ...options,
  });
  return {
    service,
    url: service.url,
    database,
    logs,
    client: async (subject, clientOptions = {}) =>
      createPromisesClient({
        baseUrl: service.url,
        profile: options.profile,
        token: await signToken({
          secret: SECRET,
          subject,
          ...(clientOptions.scopes ? { scopes: clientOptions.scopes } : {}),
        }),
        ...(clientOptions.retry === false ? { retry: false } : {}),
      }),
    stop: async () => {
      await service.shutdown();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Waits until `condition` holds, checking every 5 ms, for at most 5 s. */
export async function waitFor(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > 5000) expect.fail('the condition did not hold within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The API error a call rejects with; fails the test when it resolves or fails without a response. */
export async function failure(call: Promise<unknown>): Promise<RemoteErrorOf<PromisesCatalog>> {
  try {
    await call;
  } catch (error) {
    if (isRemoteError(error)) return error as RemoteErrorOf<PromisesCatalog>;
    throw error;
  }
  return expect.fail('the call succeeded, but an error was expected');
}

/**
 * Starts a request whose body never finishes: it holds a concurrency slot of the service (the
 * service must read bodies under the shedder: `bodyDeadline: false`), as a slow client did. Call the result to end it.
 */
export async function holdSlot(service: Service, token: string): Promise<() => void> {
  const before = service.shedder.inFlight + service.shedder.queued;
  const request = httpRequest(`${service.url}/promises`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'content-length': '100',
    },
  });
  request.on('error', () => undefined);
  request.write('{');
  await waitFor(() => service.shedder.inFlight + service.shedder.queued > before);
  return () => request.destroy();
}

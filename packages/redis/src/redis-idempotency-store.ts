import { Buffer } from 'node:buffer';
import type { IdempotencyRecord, IdempotencyStore, StoredResponse } from 'errcat/adapter';
import { CLAIM_SCRIPT, COMPLETE_SCRIPT, RELEASE_SCRIPT, RENEW_SCRIPT } from './idempotency-scripts.js';
import { isNoScript, quitClient } from './internal/quit-client.js';
import type { RedisScript } from './internal/redis-script.js';

/**
 * The part of an ioredis client (`Redis` or `Cluster`) the idempotency store uses: raw commands
 * with binary replies, so that stored bodies come back byte for byte.
 *
 * @example
 * ```ts
 * import { Redis } from 'ioredis';
 * const client: RedisCommandClient = new Redis({ maxRetriesPerRequest: 1 });
 * ```
 */
export interface RedisCommandClient {
  callBuffer(command: string, args: (string | Buffer | number)[]): Promise<unknown>;
  quit(): Promise<unknown>;
  disconnect(): void;
  /** ioredis's connection state: `ready` when commands can be sent. */
  readonly status: string;
}

/** Options of {@link redisIdempotencyStore}. */
export interface RedisIdempotencyStoreOptions {
  /**
   * The ioredis client. With `maxRetriesPerRequest: 1` (and `enableOfflineQueue: false` to fail at
   * once while disconnected) a Redis outage surfaces quickly; the guard's `timeout` bounds the
   * wait in any case.
   */
  readonly client: RedisCommandClient;
  /** Prepended to every key, to share one Redis between apps. @default 'errcat:' */
  readonly keyPrefix?: string;
  /** `close()` also quits the client; leave it false when the app shares the client. @default false */
  readonly closeClient?: boolean;
}

const decoder = new TextDecoder();

function text(value: unknown): string {
  if (value instanceof Uint8Array) return decoder.decode(value);
  throw new TypeError('unexpected reply from Redis');
}

/** A record from the `[f, s, h, b]` fields of a hash; `undefined` when the hash is gone. */
function toRecord(fields: unknown): IdempotencyRecord | undefined {
  if (!Array.isArray(fields) || fields.length !== 4) throw new TypeError('unexpected reply from Redis');
  const [fingerprint, status, headers, body] = fields as unknown[];
  if (fingerprint === null) return undefined;
  if (status === null) return { state: 'running', fingerprint: text(fingerprint) };
  const response: StoredResponse = {
    status: Number(text(status)),
    headers: JSON.parse(text(headers)) as StoredResponse['headers'],
    body: body instanceof Uint8Array ? body : new Uint8Array(0),
  };
  return { state: 'completed', fingerprint: text(fingerprint), response };
}

/**
 * The idempotency store on Redis, shared by every process using the Redis. Each record is a hash
 * that expires with its lease while running and with its TTL once completed, so Redis itself
 * frees a crashed request's key and forgets old ones. Every operation is one Lua script (one
 * round trip, atomic): a claim creates the hash only if it does not exist, and renew, complete and
 * release act only for the token holding the claim. Scripts run by `EVALSHA`, falling back to
 * `EVAL` once when Redis does not know them yet.
 *
 * @example
 * ```ts
 * import { Redis } from 'ioredis';
 * import { createIdempotencyGuard } from 'errcat/idempotency';
 * import { redisIdempotencyStore } from '@errcat/redis';
 *
 * const client = new Redis({ maxRetriesPerRequest: 1, enableOfflineQueue: false });
 * const guard = createIdempotencyGuard({ store: redisIdempotencyStore({ client }), timeout: 250 });
 * ```
 */
export function redisIdempotencyStore(options: RedisIdempotencyStoreOptions): IdempotencyStore {
  const { client } = options;
  const prefix = options.keyPrefix ?? 'errcat:';
  const run = async (script: RedisScript, key: string, ...args: (string | number | Buffer)[]) => {
    const params = [`${prefix}${key}`, ...args];
    try {
      return await client.callBuffer('EVALSHA', [script.sha, 1, ...params]);
    } catch (error) {
      if (!isNoScript(error)) throw error;
      return client.callBuffer('EVAL', [script.source, 1, ...params]);
    }
  };
  return {
    async claim(key, { token, fingerprint, leaseMs }) {
      const reply = await run(CLAIM_SCRIPT, key, token, fingerprint, leaseMs);
      if (reply === 1) return { claimed: true };
      const record = toRecord(reply);
      // The script read the record in the same atomic step that found it: it cannot be gone.
      if (record === undefined) throw new TypeError('unexpected reply from Redis');
      return { claimed: false, record };
    },
    async get(key) {
      return toRecord(await client.callBuffer('HMGET', [`${prefix}${key}`, 'f', 's', 'h', 'b']));
    },
    renew: async (key, token, leaseMs) => (await run(RENEW_SCRIPT, key, token, leaseMs)) === 1,
    complete: async (key, token, response, ttlMs) =>
      (await run(
        COMPLETE_SCRIPT,
        key,
        token,
        response.status,
        JSON.stringify(response.headers),
        // ioredis sends Buffers as bytes but turns any other Uint8Array into text: wrap, not copy.
        Buffer.from(response.body.buffer, response.body.byteOffset, response.body.byteLength),
        ttlMs,
      )) === 1,
    release: async (key, token) => (await run(RELEASE_SCRIPT, key, token)) === 1,
    async close() {
      if (options.closeClient) await quitClient(client);
    },
  };
}

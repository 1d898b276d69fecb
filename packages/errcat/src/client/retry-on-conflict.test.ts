import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineCatalog } from '../define-catalog.js';
import { createClient } from './create-client.js';
import { retryOnConflict } from './retry-on-conflict.js';

/** rstmdb's concurrency error (seed 002), as a catalog entry. */
const catalog = defineCatalog({
  domain: 'rstmdb.example.com',
  errors: {
    CONFLICT: {
      code: 'CONFLICT',
      status: 409,
      message: 'Instance was modified by another request',
      retryable: true,
      details: { expected_offset: 'integer', actual_offset: 'integer' },
    },
  },
});

interface Instance {
  state: string;
  offset: number;
}

/**
 * A real server with one state machine instance under optimistic concurrency: an event applies
 * only at the offset the client read, else the answer is rstmdb's CONFLICT. `interfere` makes the
 * next N writes lose a race against another writer first.
 */
let server: Server;
let base: string;
const instance: Instance = { state: 'pending', offset: 100 };
let interfere = 0;
let writes = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => {
      text += chunk.toString();
    });
    request.on('end', () => {
      const send = (status: number, body: unknown) =>
        response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (request.method === 'GET') return send(200, instance);
      writes++;
      const { event, expected_offset } = JSON.parse(text) as { event: string; expected_offset: number };
      if (interfere > 0) {
        interfere--;
        instance.offset += 1;
      }
      if (expected_offset !== instance.offset) {
        return send(409, {
          type: 'response',
          id: `w${writes}`,
          status: 'error',
          error: {
            code: 'CONFLICT',
            message: 'Instance was modified by another request',
            retryable: true,
            details: { expected_offset, actual_offset: instance.offset },
          },
        });
      }
      instance.offset += 1;
      if (event === 'PAY') instance.state = 'paid';
      send(200, instance);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('retryOnConflict (seed 002: re-read, decide, retry)', () => {
  const client = () => createClient({ baseUrl: base, catalog });

  it('re-reads after each conflict and applies the event at the fresh offset', async () => {
    Object.assign(instance, { state: 'pending', offset: 100 });
    interfere = 2;
    let read = await client().get<Instance>('instances/order-1');
    const outcome = await retryOnConflict({
      apply: () =>
        client().post<Instance>('instances/order-1/events', {
          json: { event: 'TOUCH', expected_offset: read.offset },
        }),
      reread: async () => (read = await client().get<Instance>('instances/order-1')),
      decide: (current) => current.state === 'pending',
    });
    expect(outcome).toMatchObject({ applied: true, attempts: 3, value: { offset: 103 } });
  });

  it('settles for the current state when the decision says the event no longer applies', async () => {
    Object.assign(instance, { state: 'pending', offset: 200 });
    const stale = 199;
    const outcome = await retryOnConflict({
      apply: () =>
        client().post('instances/order-1/events', { json: { event: 'PAY', expected_offset: stale } }),
      reread: async (conflict) => {
        expect(catalog.is(conflict, 'CONFLICT') && conflict.details).toEqual({
          expected_offset: 199,
          actual_offset: 200,
        });
        instance.state = 'paid';
        return client().get<Instance>('instances/order-1');
      },
      decide: (current) => current.state === 'pending',
    });
    expect(outcome).toEqual({ applied: false, attempts: 1, current: { state: 'paid', offset: 200 } });
  });

  it('throws the last conflict once the attempts are spent, and anything else at once', async () => {
    Object.assign(instance, { state: 'pending', offset: 300 });
    interfere = 100;
    let reads = 0;
    const error = await retryOnConflict({
      apply: () =>
        client().post('instances/order-1/events', { json: { event: 'TOUCH', expected_offset: 0 } }),
      reread: async () => {
        reads++;
        return undefined;
      },
      attempts: 3,
      baseDelay: 1,
    }).catch((e: unknown) => e);
    expect(catalog.is(error, 'CONFLICT')).toBe(true);
    expect(reads).toBe(2);
    interfere = 0;
    const other = await retryOnConflict({
      apply: () => Promise.reject(new Error('disk full')),
      reread: async () => undefined,
    }).catch((e: unknown) => e);
    expect(other).toEqual(new Error('disk full'));
  });
});

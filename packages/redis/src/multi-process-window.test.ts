/**
 * Several Node processes behind one Redis under a steady stream that crosses window boundaries:
 * no window of `window` seconds admits more than `limit` requests, whichever process answered.
 * Each server is test-support/traffic-server.ts in its own process, so nothing is shared but Redis.
 */
import { Agent } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from '../../../test-support/redis.js';
import {
  getAnswer,
  startTrafficServer,
  type TrafficAnswer,
  type TrafficProcess,
} from '../../../test-support/traffic-process.js';

const LIMIT = 10;
const WINDOW_MS = 1000;
const STREAM_MS = 3200;
const EVERY_MS = 10;

const agent = new Agent({ keepAlive: true, maxSockets: 32 });
let redis: TestRedis;
const servers: TrafficProcess[] = [];

beforeAll(async () => {
  redis = await startRedis();
  const env = { LIMIT: String(LIMIT), WINDOW: String(WINDOW_MS / 1000), REDIS_PORT: String(redis.port) };
  servers.push(
    ...(await Promise.all([1, 2, 3].map(() => startTrafficServer({ ...env, STORE_TIMEOUT: '5000' })))),
  );
});

afterAll(async () => {
  agent.destroy();
  await Promise.all(servers.map((server) => server.stop()));
  await redis?.stop();
});

describe('one Redis, several processes, a steady stream', () => {
  it('never admits more than the limit in any window across the window boundaries', async () => {
    const answers: Promise<TrafficAnswer>[] = [];
    const start = Date.now();
    for (let i = 0; Date.now() - start < STREAM_MS; i++) {
      answers.push(getAnswer(`${servers[i % servers.length]?.url}/work`, agent));
      await new Promise((resolve) => setTimeout(resolve, EVERY_MS));
    }
    const done = await Promise.all(answers);
    expect(done.every((answer) => answer.status === 200 || answer.status === 429)).toBe(true);
    const admitted = done.filter((answer) => answer.status === 200).sort((a, b) => a.sent - b.sent);
    // The requests surely decided within [first.sent, first.sent + window): sent after it began
    // and answered before it ended. A window's worth of them must never exceed the limit.
    let busiest = 0;
    for (const first of admitted) {
      const within = admitted.filter(
        (answer) => answer.sent >= first.sent && answer.received <= first.sent + WINDOW_MS,
      );
      busiest = Math.max(busiest, within.length);
    }
    expect(busiest).toBeLessThanOrEqual(LIMIT);
    // The quota came back window after window, and the processes shared it.
    expect(admitted.length).toBeGreaterThan(2 * LIMIT);
    expect(new Set(admitted.map((answer) => answer.body)).size).toBeGreaterThanOrEqual(2);
    console.log(
      `steady stream: ${done.length} requests over ${STREAM_MS} ms, ${admitted.length} admitted by ` +
        `${servers.length} processes; busiest window ${busiest} (limit ${LIMIT} per ${WINDOW_MS} ms)`,
    );
  });
});

/**
 * Several Node processes behind one Redis: one limit, enforced exactly, and the failure mode
 * followed when Redis dies or hangs. Each server is test-support/traffic-server.ts in its own
 * process, so nothing is shared but Redis.
 */
import { Agent } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from '../../../test-support/redis.js';
import {
  type TrafficAnswer as Answer,
  getAnswer,
  startTrafficServer,
  type TrafficProcess,
} from '../../../test-support/traffic-process.js';

const agent = new Agent({ keepAlive: true, maxSockets: 32 });
const get = (url: string): Promise<Answer> => getAnswer(url, agent);

const STORE_TIMEOUT = 300;
let redis: TestRedis;
/** Three fail-closed processes with a generous timeout: the exactness test must not time out. */
const burst: TrafficProcess[] = [];
/** Fail-closed, fail-open and insurance processes with a short timeout, for the chaos tests. */
let closed: TrafficProcess;
let open: TrafficProcess;
let insured: TrafficProcess;

beforeAll(async () => {
  redis = await startRedis();
  const common = { LIMIT: '100', WINDOW: '3600', REDIS_PORT: String(redis.port) };
  const chaos = { ...common, STORE_TIMEOUT: String(STORE_TIMEOUT) };
  const started = await Promise.all([
    startTrafficServer({ ...common, STORE_TIMEOUT: '5000' }),
    startTrafficServer({ ...common, STORE_TIMEOUT: '5000' }),
    startTrafficServer({ ...common, STORE_TIMEOUT: '5000' }),
    startTrafficServer({ ...chaos, FAIL_MODE: 'closed' }),
    startTrafficServer({ ...chaos, FAIL_MODE: 'open' }),
    startTrafficServer({ ...chaos, FAIL_MODE: 'insurance', INSTANCES: '4' }),
  ]);
  burst.push(...started.slice(0, 3));
  [closed, open, insured] = started.slice(3) as [TrafficProcess, TrafficProcess, TrafficProcess];
});

afterAll(async () => {
  agent.destroy();
  await Promise.all([...burst, closed, open, insured].map((server) => server?.stop()));
  await redis?.stop();
});

describe('one Redis, several processes', () => {
  it('admits exactly the limit out of a burst of 1000 spread over the processes (R2)', async () => {
    const answers = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => get(`${burst[i % burst.length]?.url}/work`)),
    );
    const allowed = answers.filter((a) => a.status === 200);
    expect(allowed).toHaveLength(100);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(900);
    // The admitted requests were spread over several processes (which ones won is a race).
    expect(new Set(allowed.map((a) => a.body)).size).toBeGreaterThanOrEqual(2);
    for (const refused of answers.filter((a) => a.status === 429)) {
      expect(refused.headers['retry-after']).toMatch(/^[1-9]\d*$/);
      expect(refused.headers['cache-control']).toBe('no-store');
      expect(refused.headers.ratelimit).toMatch(/^"general";r=0;t=\d+$/);
    }
    console.log(`R2: allowed ${allowed.length} of 1000 across ${burst.length} processes (limit 100)`);
  });

  it('follows each failure mode within the store timeout when Redis hangs or dies (R5)', async () => {
    redis.pause();
    try {
      const hung = await Promise.all([get(`${closed.url}/work`), get(`${open.url}/work`)]);
      expect(hung[0]?.status).toBe(503);
      expect(JSON.parse(hung[0]?.body ?? '{}').code).toBe('RATE_LIMITER_UNAVAILABLE');
      expect(hung[0]?.headers['retry-after']).toBe('5');
      expect(hung[1]?.status).toBe(200);
      // Bounded: the store timeout plus a generous margin, never a hang.
      for (const answer of hung) expect(answer.ms).toBeLessThan(STORE_TIMEOUT + 2000);
      console.log(
        `R5 hung Redis: answered in ${hung.map((a) => a.ms.toFixed(0)).join(' / ')} ms (timeout ${STORE_TIMEOUT})`,
      );
    } finally {
      redis.resume();
    }
    await redis.kill();
    const dead = await Promise.all(
      Array.from({ length: 20 }, (_, i) => get(`${(i % 2 === 0 ? closed : open).url}/work`)),
    );
    for (const [i, answer] of dead.entries()) {
      expect(answer.status).toBe(i % 2 === 0 ? 503 : 200);
      expect(answer.body).not.toMatch(/ECONNREFUSED|Stream isn't writeable|at .*:\d+:\d+/);
      expect(answer.ms).toBeLessThan(STORE_TIMEOUT + 2000);
    }
    console.log(`R5 dead Redis: max ${Math.max(...dead.map((a) => a.ms)).toFixed(0)} ms per answer`);
    // Insurance: the process counts in memory on its share, 100 / 4 = 25, until Redis is back.
    const insuredAnswers: Answer[] = [];
    for (let i = 0; i < 30; i++) insuredAnswers.push(await get(`${insured.url}/work`));
    expect(insuredAnswers.filter((a) => a.status === 200)).toHaveLength(25);
    expect(insuredAnswers.filter((a) => a.status === 429)).toHaveLength(5);
  });

  it('enforces the limit again soon after Redis comes back (R6)', async () => {
    await redis.restart();
    const started = performance.now();
    let answer = await get(`${closed.url}/work`);
    let refused = 0;
    for (; answer.status === 503 && refused < 100; refused++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      answer = await get(`${closed.url}/work`);
    }
    // A restarted Redis is empty: counting starts over. Decisions that timed out while Redis was
    // away (here and in the tests before) sit in the client's offline queue and are applied once
    // it reconnects, so they may have spent a little quota: the count restarted near the limit.
    expect(answer.status).toBe(200);
    const remaining = Number(/;r=(\d+);/.exec(String(answer.headers.ratelimit))?.[1]);
    expect(remaining).toBeLessThanOrEqual(99);
    expect(remaining).toBeGreaterThanOrEqual(99 - refused - 5);
    console.log(
      `R6: enforcement resumed ${((performance.now() - started) / 1000).toFixed(2)} s after the restart`,
    );
  });
});

import { Agent, request } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { startTrafficServer, type TrafficProcess } from '../../../../test-support/traffic-process.js';
import { createPressureMonitor } from './pressure-monitor.js';

const servers: TrafficProcess[] = [];
const agent = new Agent({ keepAlive: false });

afterAll(async () => {
  agent.destroy();
  await Promise.all(servers.map((server) => server.stop()));
});

interface Answer {
  readonly status: number;
  readonly headers: Record<string, unknown>;
  readonly body: Promise<string>;
}

/** Resolves as soon as the response headers arrive; the body follows. */
function get(url: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      const ended = new Promise<string>((done) => res.on('end', () => done(body)));
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body: ended });
    });
    req.on('error', reject);
    req.end();
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createPressureMonitor', () => {
  it('sheds a request that arrives while the event loop is blocked (L1)', async () => {
    const server = await startTrafficServer({ MAX_LOOP_DELAY: '15' });
    servers.push(server);
    // Its headers arrive once the server's loop is blocked; the request below lands in the block.
    const blocking = await get(`${server.url}/block?ms=1500`);
    const shed = await get(`${server.url}/work`);
    expect(shed.status).toBe(503);
    expect(shed.headers['retry-after']).toBe('10');
    expect(JSON.parse(await shed.body)).toMatchObject({
      code: 'OVERLOADED',
      details: { signal: 'eventLoopDelay' },
    });
    expect(blocking.status).toBe(200);
    await blocking.body;
    // Once the loop is free again, the next samples clear the pressure.
    let after = await get(`${server.url}/work`);
    for (let attempt = 0; after.status !== 200 && attempt < 50; attempt++) {
      await sleep(50);
      after = await get(`${server.url}/work`);
    }
    expect(after.status).toBe(200);
  });

  it('reports heap and RSS over thresholds set below the current usage (L2)', () => {
    const heap = createPressureMonitor({ maxHeapUsedBytes: 1 });
    const rss = createPressureMonitor({ maxRssBytes: 1 });
    try {
      heap.sample();
      rss.sample();
      expect(heap.check()).toMatchObject({ signal: 'heapUsed', threshold: 1 });
      expect(rss.check()).toMatchObject({ signal: 'rss', threshold: 1 });
    } finally {
      heap.close();
      rss.close();
    }
  });

  it('reports nothing when no threshold is set, and refuses a slow sampling interval', () => {
    const monitor = createPressureMonitor();
    monitor.sample();
    expect(monitor.check()).toBeUndefined();
    monitor.close();
    expect(() => createPressureMonitor({ sampleInterval: 5000 })).toThrow(/sampleInterval/);
  });
});

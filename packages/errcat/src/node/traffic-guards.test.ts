import { once } from 'node:events';
import { Agent, createServer, request, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../guards/rate-limit/rate-limiter.js';
import { createLoadShedder } from '../guards/shed/load-shedder.js';
import { gracefulShutdown } from './graceful-shutdown.js';
import { withErrors } from './middleware.js';
import { readBody } from './read-body.js';
import { type TrafficGuardsOptions, withTrafficGuards } from './traffic-guards.js';

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
  readonly at: number;
}

const silent = { error() {}, warn() {}, info() {}, debug() {} };
let server: Server | undefined;
let agent: Agent | undefined;

afterEach(async () => {
  agent?.destroy();
  if (server?.listening) {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  }
});

async function serve(
  handler: Parameters<typeof withTrafficGuards>[0],
  options: TrafficGuardsOptions,
): Promise<string> {
  server = createServer(withErrors(withTrafficGuards(handler, options), { logger: silent }));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  agent = new Agent({ keepAlive: true, maxSockets: 100 });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, at: performance.now() }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('withTrafficGuards', () => {
  it('sheds load above maxConcurrent + maxQueue at once, without queueing more (L3)', async () => {
    let maxQueued = 0;
    let open = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    const shedder = createLoadShedder({ maxConcurrent: 4, maxQueue: 4, queueTimeout: 60_000 });
    const base = await serve(
      async (_req, res) => {
        maxQueued = Math.max(maxQueued, shedder.queued);
        await gate;
        res.end('done');
      },
      { shedder },
    );
    const started = performance.now();
    const shedTimes: number[] = [];
    const pending = Array.from({ length: 60 }, () =>
      get(`${base}/`).then((answer) => {
        if (answer.status === 503) shedTimes.push(answer.at - started);
        return answer;
      }),
    );
    // Every refusal arrives while the admitted handlers are still held: nothing waits on them.
    while (shedTimes.length < 52) await sleep(5);
    expect(shedder.inFlight).toBe(4);
    expect(shedder.queued).toBe(4);
    open();
    const answers = await Promise.all(pending);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(8);
    const shed = answers.filter((a) => a.status === 503);
    expect(shed).toHaveLength(52);
    expect(maxQueued).toBeLessThanOrEqual(4);
    for (const answer of shed) {
      expect(JSON.parse(answer.body).code).toBe('QUEUE_FULL');
      expect(answer.headers['retry-after']).toBe('10');
    }
    shedTimes.sort((a, b) => a - b);
    console.log(
      `L3: 52 shed, p99 time to 503 ${shedTimes[Math.floor(shedTimes.length * 0.99)]?.toFixed(1)} ms; 8 served`,
    );
    // Slots are released when each response closes on the server side.
    for (let i = 0; i < 200 && shedder.inFlight > 0; i++) await sleep(5);
    expect(shedder.inFlight).toBe(0);
  });

  it('puts the rate-limit headers on allowed answers and ignores a spoofed X-Forwarded-For (R10)', async () => {
    const limiter = createRateLimiter({ policies: { general: { limit: 3, window: 60 } } });
    const base = await serve((_req, res) => res.end('ok'), { limiter, policies: 'general' });
    const answers: Answer[] = [];
    for (let i = 0; i < 20; i++) answers.push(await get(`${base}/`, { 'x-forwarded-for': `10.0.${i}.1` }));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, ...new Array(17).fill(429)]);
    // The first admission's quota comes back when it leaves its 60 s window.
    expect(answers[0]?.headers.ratelimit).toBe('"general";r=2;t=60');
    expect(answers[0]?.headers['ratelimit-policy']).toBe('"general";q=3;w=60');
    expect(answers[3]?.headers['cache-control']).toBe('no-store');
  });

  it('answers REQUEST_DEADLINE_EXCEEDED at the deadline and survives a handler writing late', async () => {
    let aborted: boolean | undefined;
    const base = await serve(
      async (_req, res, signal) => {
        await sleep(200);
        aborted = signal.aborted;
        res.end('too late');
      },
      { deadline: 30 },
    );
    const answer = await get(`${base}/`);
    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.body)).toMatchObject({
      code: 'REQUEST_DEADLINE_EXCEEDED',
      details: { deadlineMs: 30 },
    });
    await sleep(250);
    expect(aborted).toBe(true);
    expect((await get(`${base}/`)).status).toBe(503);
  });

  it('finishes the request in flight and refuses the next on the same connection during shutdown (L5/L6)', async () => {
    const shedder = createLoadShedder();
    let release = () => {};
    const base = await serve(
      async (req, res) => {
        if (req.url === '/slow') await new Promise<void>((resolve) => (release = resolve));
        res.end(`ok ${req.url}`);
      },
      { shedder },
    );
    const socket = connect(Number(new URL(base).port), '127.0.0.1');
    await once(socket, 'connect');
    let raw = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      raw += chunk;
    });
    const closed = once(socket, 'close');
    socket.write('GET /slow HTTP/1.1\r\nHost: x\r\n\r\n');
    while (shedder.inFlight === 0) await sleep(5);
    const shutdown = gracefulShutdown(server as Server, { shedder, exit: false, signals: [] });
    const result = shutdown.shutdown();
    // A request pipelined on the busy connection after the shutdown began.
    socket.write('GET /next HTTP/1.1\r\nHost: x\r\n\r\n');
    await sleep(20);
    release();
    expect(await result).toEqual({ drained: true, inFlight: 0 });
    await closed;
    const statuses = [...raw.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1]));
    expect(statuses).toEqual([200, 503]);
    expect(raw).toContain('ok /slow');
    expect(raw).toMatch(/"code":"SHUTTING_DOWN"/);
    expect(raw.slice(raw.lastIndexOf('HTTP/1.1'))).toMatch(/connection: close/i);
  });

  it('reads slow bodies outside the shedder: a legitimate request is served while they hang, they get 408 (issue 12.1)', async () => {
    const shedder = createLoadShedder({ maxConcurrent: 4, maxQueue: 4 });
    const url = await serve(
      async (req, res) => {
        const body = await readBody(req, { maxBytes: 1024 });
        res.end(`ok ${req.url} ${body.length}`);
      },
      { shedder, body: { deadline: 1_000 } },
    );
    let arrived = 0;
    server?.on('request', () => {
      arrived += 1;
    });
    const { port } = new URL(url);
    // Twice as many slow clients as the shedder has slots and queue places: one byte of ten each.
    const slow = Array.from({ length: 16 }, () => {
      const socket = connect(Number(port), '127.0.0.1');
      socket.write('GET /slow HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\na');
      let raw = '';
      socket.setEncoding('utf8').on('data', (chunk: string) => {
        raw += chunk;
      });
      return { socket, answer: once(socket, 'close').then(() => raw) };
    });
    try {
      while (arrived < slow.length) await sleep(10);
      const legitimate = await get(`${url}/fast`);
      const answeredSlow = await Promise.all(slow.map(({ answer }) => answer));
      expect({ status: legitimate.status, body: legitimate.body }).toEqual({
        status: 200,
        body: 'ok /fast 0',
      });
      for (const raw of answeredSlow) {
        expect(raw).toMatch(/^HTTP\/1\.1 408 /);
        expect(raw).toMatch(/connection: close/i);
        expect(raw).toContain('REQUEST_TIMEOUT');
      }
      expect(shedder.inFlight).toBe(0);
    } finally {
      for (const { socket } of slow) socket.destroy();
    }
  });
});

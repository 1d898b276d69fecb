/**
 * Graceful shutdown of a real server process on SIGTERM: test-support/traffic-server.ts runs in
 * its own process, so the signal, the drain and the exit are the real ones.
 */
import { Agent } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { type Answer, loadUntilClosed, send } from '../../../../test-support/keep-alive-load.js';
import {
  startTrafficServer,
  type TrafficProcess,
  untilInFlight,
} from '../../../../test-support/traffic-process.js';

let server: TrafficProcess | undefined;
let agent: Agent | undefined;

afterEach(async () => {
  agent?.destroy();
  await server?.stop();
});

const get = (url: string, fresh = false): Promise<Answer> =>
  send(url, { agent: fresh ? false : (agent ?? false) });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('gracefulShutdown on SIGTERM', () => {
  it('finishes 200 in-flight requests, drops none, refuses new connections and exits 0 (L5)', async () => {
    server = await startTrafficServer({ SHUTDOWN_TIMEOUT: '10000' });
    agent = new Agent({ keepAlive: true, maxSockets: 200 });
    const url = server.url;
    const inFlight = Array.from({ length: 200 }, () => get(`${url}/work?ms=1000`));
    await untilInFlight(url, 201);
    const signalled = performance.now();
    server.child.kill('SIGTERM');
    // A new connection (a busy keep-alive one would get SHUTTING_DOWN, see traffic-guards.test.ts),
    // once the signal has been handled: until then the server still serves as usual.
    let late = await get(`${url}/work`, true);
    for (let attempt = 0; late.status === 200 && attempt < 600; attempt++) {
      await sleep(10);
      late = await get(`${url}/work`, true);
    }
    const outcomes = await Promise.all(inFlight);
    const code = await server.exited;
    const exitMs = performance.now() - signalled;
    expect(outcomes.filter((o) => o.status === 200)).toHaveLength(200);
    expect(outcomes.filter((o) => o.error !== undefined)).toEqual([]);
    // The listener is closed: a new connection is refused (a balancer moves on); one accepted in
    // the instant before the close gets SHUTTING_DOWN; one still in the kernel's accept queue when
    // the listener closes is reset by the kernel. None of them is served.
    expect(['ECONNREFUSED', 'ECONNRESET', 503]).toContain(late.error ?? late.status);
    expect(code).toBe(0);
    console.log(`L5: 200/200 completed, 0 resets, exit ${exitMs.toFixed(0)} ms after SIGTERM`);
  });

  it('resets none of 20 busy keep-alive connections: each answer from the signal on says Connection: close', async () => {
    server = await startTrafficServer({ SHUTDOWN_TIMEOUT: '10000' });
    const { url, child } = server;
    const outcomes = (
      await loadUntilClosed({
        connections: 20,
        request: (keepAlive) => send(`${url}/work?ms=2`, { agent: keepAlive }),
        signalAfter: 5,
        signal: () => child.kill('SIGTERM'),
      })
    ).flat();
    expect(await server.exited).toBe(0);
    const last = outcomes.filter((o) => o.connection === 'close');
    // Every request sent was answered (served, or SHUTTING_DOWN), and each connection's last
    // answer told its client to close it: none was reused to be cut.
    expect(outcomes.filter((o) => o.error !== undefined)).toEqual([]);
    expect(last).toHaveLength(20);
    expect(last.every((o) => o.status === 200 || o.status === 503)).toBe(true);
    console.log(
      `busy keep-alive: ${outcomes.length} requests, 0 resets, ${last.filter((o) => o.status === 503).length} SHUTTING_DOWN`,
    );
  });

  it('answers SHUTTING_DOWN on a connection idle since before the signal, instead of cutting it', async () => {
    server = await startTrafficServer({ SHUTDOWN_TIMEOUT: '10000' });
    agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const url = server.url;
    expect((await get(`${url}/work`)).connection).toBe('keep-alive');
    // Another client's request keeps the drain going while the idle connection is used again.
    const long = get(`${url}/work?ms=300`, true);
    await untilInFlight(url, 2);
    server.child.kill('SIGTERM');
    let again = await get(`${url}/work`);
    for (let attempt = 0; again.status === 200 && attempt < 100; attempt++) {
      await sleep(2);
      again = await get(`${url}/work`);
    }
    expect(again).toMatchObject({ status: 503, connection: 'close' });
    expect(again.body).toMatch(/"code":"SHUTTING_DOWN"/);
    expect((await long).status).toBe(200);
    expect(await server.exited).toBe(0);
  });

  it('cuts a request that never ends after the shutdown timeout and still exits 0 (L7)', async () => {
    server = await startTrafficServer({ SHUTDOWN_TIMEOUT: '300' });
    agent = new Agent({ keepAlive: true });
    const hanging = get(`${server.url}/work?ms=600000`);
    await untilInFlight(server.url, 2);
    const signalled = performance.now();
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const exitMs = performance.now() - signalled;
    expect((await hanging).error).toBe('ECONNRESET');
    // Bounded: the shutdown timeout, the 1 s linger at most, and process start-up noise.
    expect(exitMs).toBeLessThan(300 + 1000 + 2000);
    console.log(`L7: hanging request cut, exit ${exitMs.toFixed(0)} ms after SIGTERM (timeout 300 ms)`);
  });
});

import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { isCatalogError } from 'errcat';
import { createLoadShedder } from 'errcat/shed';
import { type Context, Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenLocal, type TestApp } from '../../../test-support/server/apps.js';
import {
  expectRefusedAfter,
  expectRoutePolicyOnTop,
  policyOf,
  routeGuards,
} from '../../../test-support/server/route-policies.js';
import { errcat, trafficGuards } from './index.js';

const { shedder, limiter } = routeGuards();
const facts = (c: Context) => ({ ip: getConnInfo(c).remote.address, method: c.req.method });
let served: TestApp;

beforeAll(async () => {
  const handlers = errcat({ logger: false });
  const app = new Hono();
  app.use(handlers.catchAll);
  app.use('*', trafficGuards({ shedder, limiter, policies: 'general', facts }));
  // The same shedder again: the request keeps the slot it has.
  app.use('/admin/*', trafficGuards({ shedder, limiter, policies: 'admin', facts }));
  app.get('/things', (c) => c.text('things'));
  app.post('/login', trafficGuards({ limiter, policies: 'auth', facts }), (c) => c.text('welcome'));
  app.get('/admin/panel', (c) => c.text('panel'));
  app.onError(handlers.onError);
  served = await listenLocal(serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server);
});

afterAll(() => served.close());

describe('@errcat/hono trafficGuards', () => {
  it("adds a route's stricter policy to the app-wide one, and renders its 429 through onError", async () => {
    // In the order counted, as in errcat/node and Express.
    await expectRoutePolicyOnTop(served.url);
  });

  it("gives a path group its own policy on top of the app's, admitting each request through the shedder once", async () => {
    const panel = await expectRefusedAfter(`${served.url}/admin/panel`, {}, 1, 'admin');
    expect(policyOf(panel[0] as Response)).toBe('"general";q=100;w=3600, "admin";q=1;w=3600');
    expect([shedder.inFlight, shedder.queued]).toEqual([0, 0]);
  });

  it('runs on the Fetch API alone (app.request), and refuses a limiter without facts', async () => {
    const app = new Hono();
    const local = createLoadShedder({ maxConcurrent: 1 });
    app.use(trafficGuards({ shedder: local }));
    app.get('/', (c) => c.text(String(local.inFlight)));
    app.onError(errcat({ logger: false }).onError);
    const answer = await app.request('/');
    expect([answer.status, await answer.text(), local.inFlight]).toEqual([200, '1', 0]);
    await local.drain();
    const refused = await app.request('/');
    expect([refused.status, (await refused.json()).code]).toEqual([503, 'SHUTTING_DOWN']);
    let thrown: unknown;
    try {
      trafficGuards({ limiter, policies: 'general' });
    } catch (error) {
      thrown = error;
    }
    expect(isCatalogError(thrown) && thrown.code).toBe('ERRCAT_BAD_ARGUMENT');
  });
});

import { createServer } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenLocal, type TestApp } from '../../../test-support/server/apps.js';
import {
  expectAnswer,
  expectRefusedAfter,
  expectRoutePolicyOnTop,
  policyOf,
  routeGuards,
} from '../../../test-support/server/route-policies.js';
import { errcat, trafficGuards } from './index.js';

const { shedder, limiter } = routeGuards();
let served: TestApp;

beforeAll(async () => {
  const handlers = errcat({ logger: false });
  const app = express();
  app.use(trafficGuards({ shedder, limiter, policies: 'general' }));
  app.get('/things', (_req, res) => {
    res.send('things');
  });
  app.post('/login', trafficGuards({ limiter, policies: 'auth' }), (_req, res) => {
    res.send('welcome');
  });
  const admin = express.Router();
  // The same shedder again: the request keeps the slot it has.
  admin.use(trafficGuards({ shedder, limiter, policies: (req) => (req.path === '/health' ? [] : 'admin') }));
  admin.get('/panel', (_req, res) => {
    res.send('panel');
  });
  admin.get('/health', (_req, res) => {
    res.send('up');
  });
  app.use('/admin', admin);
  app.use(handlers.notFound, handlers.errorHandler);
  served = await listenLocal(createServer(app));
});

afterAll(() => served.close());

describe('@errcat/express trafficGuards', () => {
  it("adds a route's stricter policy to the app-wide one, and renders its 429 through errorHandler", async () => {
    const logins = await expectRoutePolicyOnTop(served.url);
    // The refusal carries the state of the policies it was checked against when refused.
    expect(policyOf(logins[2] as Response)).toBe('"auth";q=2;w=3600');
  });

  it("gives a router its own policy on top of the app's, admitting each request through the shedder once", async () => {
    const panel = await expectRefusedAfter(`${served.url}/admin/panel`, {}, 1, 'admin');
    expect(policyOf(panel[0] as Response)).toBe('"general";q=100;w=3600, "admin";q=1;w=3600');
    await expectAnswer(`${served.url}/admin/health`, 'up', '"general";q=100;w=3600');
    expect([shedder.inFlight, shedder.queued]).toEqual([0, 0]);
  });
});

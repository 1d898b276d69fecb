import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLoadShedder, createRateLimiter } from 'errcat';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errcatMiddleware, trafficGuards } from './index.js';

// One slot and no queue: a request admitted twice would refuse itself with QUEUE_FULL.
const shedder = createLoadShedder({ maxConcurrent: 1, maxQueue: 0 });
const limiter = createRateLimiter({
  policies: {
    general: { limit: 100, window: 3600 },
    auth: { limit: 2, window: 3600 },
    admin: { limit: 1, window: 3600 },
  },
});
let server: Server;
let url: string;

beforeAll(async () => {
  const errcat = errcatMiddleware({ logger: false });
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
  app.use(errcat.notFound, errcat.errorHandler);
  server = createServer(app).listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const policyOf = (response: Response): string | null => response.headers.get('ratelimit-policy');

describe('@errcat/express trafficGuards', () => {
  it("adds a route's stricter policy to the app-wide one, and renders its 429 through errorHandler", async () => {
    const logins = [];
    for (let i = 0; i < 3; i++) logins.push(await fetch(`${url}/login`, { method: 'POST' }));
    expect(logins.map((response) => response.status)).toEqual([200, 200, 429]);
    expect(policyOf(logins[0] as Response)).toBe('"general";q=100;w=3600, "auth";q=2;w=3600');
    expect(logins[1]?.headers.get('ratelimit')).toMatch(/^"general";r=98;t=\d+, "auth";r=0;t=\d+$/);
    const refusal = logins[2] as Response;
    // The refusal carries the state of the policies it was checked against when refused.
    expect(policyOf(refusal)).toBe('"auth";q=2;w=3600');
    expect(refusal.headers.get('content-type')).toBe('application/problem+json');
    expect(refusal.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(refusal.headers.get('cache-control')).toBe('no-store');
    expect(await refusal.json()).toMatchObject({
      code: 'RATE_LIMITED',
      status: 429,
      details: { policy: 'auth' },
    });
    const things = await fetch(`${url}/things`);
    expect([things.status, await things.text(), policyOf(things)]).toEqual([
      200,
      'things',
      '"general";q=100;w=3600',
    ]);
  });

  it("gives a router its own policy on top of the app's, admitting each request through the shedder once", async () => {
    const panel = [await fetch(`${url}/admin/panel`), await fetch(`${url}/admin/panel`)];
    expect(panel.map((response) => response.status)).toEqual([200, 429]);
    expect(policyOf(panel[0] as Response)).toBe('"general";q=100;w=3600, "admin";q=1;w=3600');
    expect(await panel[1]?.json()).toMatchObject({ code: 'RATE_LIMITED', details: { policy: 'admin' } });
    const health = await fetch(`${url}/admin/health`);
    expect([health.status, await health.text(), policyOf(health)]).toEqual([
      200,
      'up',
      '"general";q=100;w=3600',
    ]);
    expect([shedder.inFlight, shedder.queued]).toEqual([0, 0]);
  });
});

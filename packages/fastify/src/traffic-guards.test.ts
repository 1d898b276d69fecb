import { createLoadShedder } from 'errcat/shed';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAnswer,
  expectRefusedAfter,
  policyOf,
  routeGuards,
} from '../../../test-support/server/route-policies.js';
import { errcat, trafficGuards } from './index.js';

const { shedder, limiter } = routeGuards();
let app: FastifyInstance;
let url: string;

beforeAll(async () => {
  app = Fastify();
  await app.register(errcat, { logger: false });
  await app.register(trafficGuards, { shedder, limiter, policies: 'general' });
  app.get('/things', async () => 'things');
  app.post('/login', { config: { policies: 'auth' } }, async () => 'welcome');
  await app.register(
    async (admin) => {
      await admin.register(trafficGuards, { policies: 'admin' });
      admin.get('/panel', async () => 'panel');
      admin.get('/health', { config: { policies: [] } }, async () => 'up');
    },
    { prefix: '/admin' },
  );
  await app.register(
    async (chosen) => {
      await chosen.register(trafficGuards, {
        policies: (request) => (request.url.endsWith('/open') ? [] : 'general'),
      });
      chosen.get('/open', async () => 'open');
      chosen.get('/counted', async () => 'counted');
    },
    { prefix: '/chosen' },
  );
  url = await app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await app.close();
});

describe('@errcat/fastify trafficGuards', () => {
  it("counts a route's config.policies instead of the default, and renders its 429 through errcat", async () => {
    const logins = await expectRefusedAfter(`${url}/login`, { method: 'POST' }, 2, 'auth');
    expect(logins.map(policyOf)).toEqual(['"auth";q=2;w=3600', '"auth";q=2;w=3600', '"auth";q=2;w=3600']);
    expect(logins[1]?.headers.get('ratelimit')).toMatch(/^"auth";r=0;t=\d+$/);
    // The default policy elsewhere, untouched by the logins.
    await expectAnswer(`${url}/things`, 'things', '"general";q=100;w=3600');
  });

  it("gives a route group its own policy, keeps the outer shedder, and lets a route's config win", async () => {
    const panel = await expectRefusedAfter(`${url}/admin/panel`, {}, 1, 'admin');
    expect(panel.map(policyOf)).toEqual(['"admin";q=1;w=3600', '"admin";q=1;w=3600']);
    await expectAnswer(`${url}/admin/health`, 'up', null);
    // Every request took the one slot once and gave it back.
    expect([shedder.inFlight, shedder.queued]).toEqual([0, 0]);
  });

  it('lets a function of the request choose the policies of a scope', async () => {
    await expectAnswer(`${url}/chosen/open`, 'open', null);
    await expectAnswer(`${url}/chosen/counted`, 'counted', '"general";q=100;w=3600');
  });

  it('refuses with SHUTTING_DOWN and Connection: close once the shedder drains', async () => {
    const draining = Fastify();
    await draining.register(errcat, { logger: false });
    const closing = createLoadShedder();
    await draining.register(trafficGuards, { shedder: closing });
    draining.get('/', async () => 'ok');
    const base = await draining.listen({ port: 0, host: '127.0.0.1' });
    try {
      expect((await fetch(base)).status).toBe(200);
      await closing.drain();
      const refused = await fetch(base);
      expect([refused.status, refused.headers.get('connection')]).toEqual([503, 'close']);
      expect(await refused.json()).toMatchObject({ code: 'SHUTTING_DOWN' });
    } finally {
      await draining.close();
    }
  });
});

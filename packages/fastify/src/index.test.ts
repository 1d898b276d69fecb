import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeAdapter } from '../../../test-support/server/adapter-suite.js';
import { startApp, type TestApp } from '../../../test-support/server/apps.js';
import { captureLogger } from '../../../test-support/server/capture-logger.js';
import { shopCatalog } from '../../../test-support/server/shop-catalog.js';
import { errcat } from './index.js';

describeAdapter('fastify');

describe('@errcat/fastify specifics', () => {
  let app: TestApp;
  const logger = captureLogger();
  beforeAll(async () => {
    app = await startApp('fastify', { catalog: shopCatalog, logger }, () => new Error('unused'));
  });
  afterAll(async () => {
    await app.close();
  });

  it('maps schema validation errors to the VALIDATION_FAILED role with one violation per field', async () => {
    const response = await fetch(`${app.url}/validated`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":{"first":"Ada"}}',
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      code: 4220,
      details: { errors: [{ in: 'body', pointer: '/name', type: 'type', message: 'name: must be string' }] },
    });
    const missing = await fetch(`${app.url}/validated`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect((await missing.json()).details.errors[0]).toMatchObject({ pointer: '/name', type: 'required' });
  });

  it('answers prototype poisoning in a JSON body with MALFORMED_JSON', async () => {
    const response = await fetch(`${app.url}/json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"__proto__":{"polluted":true}}',
    });
    expect(response.status).toBe(400);
    expect((await response.json()).code).toBe('MALFORMED_JSON');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('closes the connection when the handler had started the response', async () => {
    const response = await fetch(`${app.url}/partial`);
    await expect(response.text()).rejects.toThrow();
  });
});

describe('@errcat/fastify with inject and the request logger', () => {
  it('logs to request.log by default and works through inject', async () => {
    const lines: string[] = [];
    const app = Fastify({ logger: { level: 'info', stream: { write: (line: string) => lines.push(line) } } });
    await app.register(errcat, { catalog: shopCatalog });
    app.get('/boom', async () => {
      throw new Error('db password=hunter2');
    });
    const response = await app.inject({ method: 'GET', url: '/boom', headers: { 'x-request-id': 'inj-1' } });
    expect(response.statusCode).toBe(500);
    expect(response.headers['x-request-id']).toBe('inj-1');
    expect(response.body).not.toContain('hunter2');
    const logged = lines.map((line) => JSON.parse(line)).find((line) => line.code === 5000);
    expect(logged).toMatchObject({ level: 50, requestId: 'inj-1', msg: 'Server error' });
    expect(JSON.stringify(logged.err)).toContain('hunter2');
    await app.close();
  });
});

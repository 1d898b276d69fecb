import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { describeAdapter } from '../../../test-support/server/adapter-suite.js';
import { shopCatalog } from '../../../test-support/server/shop-catalog.js';
import { errcat } from './index.js';

describeAdapter('hono');

describe('@errcat/hono specifics (app.request, no listener: the Web API path every runtime takes)', () => {
  const handlers = errcat({ catalog: shopCatalog, logger: false });
  const app = new Hono();
  app.use('/private/*', bearerAuth({ token: 'right' }));
  app.get('/private/data', (c) => c.text('secret'));
  app.get('/gone', () => {
    throw new HTTPException(404, { message: 'row 17 missing in table orders' });
  });
  app.get('/order', () => {
    throw shopCatalog.ORDER_NOT_FOUND({ id: 'o1' });
  });
  app.post('/parse-other', async (c) => {
    await c.req.json();
    return c.json(JSON.parse('{"upstream":'));
  });
  app.onError(handlers.onError);
  app.notFound(handlers.notFound);

  it('maps HTTPException by status and drops its message', async () => {
    const response = await app.request('/gone');
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(JSON.parse(body).code).toBe('NOT_FOUND');
    expect(body).not.toContain('row 17');
  });

  it('maps an auth middleware 401 to the UNAUTHENTICATED role with its challenge', async () => {
    const response = await app.request('/private/data');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await response.json()).code).toBe('UNAUTHENTICATED');
  });

  it('keeps a SyntaxError that is not c.req.json() refusing the body unexpected (INTERNAL_ERROR)', async () => {
    const response = await app.request('/parse-other', { method: 'POST', body: '{"a":1}' });
    expect(response.status).toBe(500);
    expect((await response.json()).code).toBe(5000);
  });

  it('renders catalog errors and unknown routes through app.request too', async () => {
    const order = await app.request('/order', { headers: { 'x-request-id': 'h-1' } });
    expect(order.status).toBe(404);
    expect(order.headers.get('x-request-id')).toBe('h-1');
    expect((await order.json()).detail).toBe("Order 'o1' not found");
    const unknown = await app.request('/nope');
    expect((await unknown.json()).code).toBe('ROUTE_NOT_FOUND');
  });
});

describe('@errcat/hono on any runtime', () => {
  it('bundles for a neutral platform without a node: import', async () => {
    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: [new URL('./index.ts', import.meta.url).pathname],
      bundle: true,
      write: false,
      platform: 'neutral',
      format: 'esm',
      conditions: ['@errcat/source'],
      mainFields: ['module', 'main'],
      external: ['hono', 'hono/*'],
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    const code = result.outputFiles.map((file) => file.text).join('\n');
    expect(code).not.toMatch(/from\s*["']node:|import\(\s*["']node:|require\(\s*["']node:/);
  });
});

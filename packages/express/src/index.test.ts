import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeAdapter } from '../../../test-support/server/adapter-suite.js';
import { startApp, type TestApp } from '../../../test-support/server/apps.js';
import { shopCatalog } from '../../../test-support/server/shop-catalog.js';

describeAdapter('express');

describe('@errcat/express specifics', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp('express', { catalog: shopCatalog, logger: false }, () => new Error('unused'));
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers an undecodable path parameter with BAD_REQUEST', async () => {
    const response = await fetch(`${app.url}/t/%E0%A4%A`);
    expect(response.status).toBe(400);
    expect((await response.json()).code).toBe('BAD_REQUEST');
  });

  it('answers an unsupported body charset with UNSUPPORTED_MEDIA_TYPE', async () => {
    const response = await fetch(`${app.url}/json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=klingon' },
      body: '{}',
    });
    expect(response.status).toBe(415);
    expect((await response.json()).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('closes the connection when the handler had started the response', async () => {
    const response = await fetch(`${app.url}/partial`);
    await expect(response.text()).rejects.toThrow();
  });
});

import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, expect, test } from 'vitest';

let child: ChildProcess;
let base = '';

beforeAll(async () => {
  // The README's main job, as `npm start` runs it, on a free port.
  child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'examples/start.ts'], {
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(child.stdout as NodeJS.ReadableStream, 'data')) as [Buffer];
  base = /listening on (http:\/\/\S+?)\/?$/m.exec(line.toString())?.[1] ?? '';
  expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
});

afterAll(() => {
  child.kill('SIGTERM');
});

test('lists the seed catalogs', async () => {
  const body = (await (await fetch(`${base}/`)).json()) as { catalogs: { name: string }[] };
  expect(body.catalogs.map((c) => c.name)).toEqual([
    'api-reference',
    'devdocs',
    'resonate-legacy',
    'resonate',
    'rstmdb',
  ]);
});

test('answers an error as a server would, with a request id', async () => {
  const response = await fetch(`${base}/catalogs/resonate-legacy/errors/5030`);
  expect(response.status).toBe(503);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
  const body = (await response.json()) as Record<string, unknown>;
  expect(body).toMatchObject({
    status: 503,
    code: 5030,
    retryable: true,
    requestId: response.headers.get('x-request-id'),
  });
});

test('an unknown path is a problem+json 404, never HTML', async () => {
  const response = await fetch(`${base}/catalogs/nope/errors/1`);
  expect(response.status).toBe(404);
  expect(await response.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
});

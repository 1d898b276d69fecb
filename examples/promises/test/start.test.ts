import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';

let child: ChildProcess;
let dir = '';
let output = '';
let base = '';

beforeAll(async () => {
  // The README's main job as the root `npm start` script runs it, on a free port and its own file.
  dir = await mkdtemp(join(tmpdir(), 'errcat-start-'));
  child = spawn(
    process.execPath,
    ['--conditions=@errcat/source', '--import', 'tsx', 'examples/promises/src/main.ts'],
    {
      env: { ...process.env, PORT: '0', DATABASE_URL: join(dir, 'promises.db'), JWT_SECRET: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  while (!/READ_TOKEN=/.test(output)) await once(child.stdout as NodeJS.ReadableStream, 'data');
  base = /listening on (http:\/\/\S+?)\/?$/m.exec(output)?.[1] ?? '';
});

afterAll(async () => {
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const [code] = await exited;
  expect(code).toBe(0);
  await rm(dir, { recursive: true, force: true });
});

test('prints its URL, the database it uses and tokens to try it with', () => {
  expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(output).toContain('SQLite');
  expect(output).toContain('wire profile resonate-legacy');
  expect(output).toMatch(/export TOKEN=\S+\.\S+\.\S+/);
});

test('the printed token works, and an unknown promise is the seed’s 4040', async () => {
  const token = /export TOKEN=(\S+)/.exec(output)?.[1];
  const response = await fetch(`${base}/promises/order-42`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(404);
  expect(await response.json()).toMatchObject({ error: { code: 4040 } });
});

test('without a token the answer is 4010 with a Bearer challenge', async () => {
  const response = await fetch(`${base}/promises/order-42`);
  expect(response.status).toBe(401);
  expect(response.headers.get('www-authenticate')).toBe('Bearer');
});

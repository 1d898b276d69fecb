import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchBrowser } from '../../../../test-support/browser.js';
import { runCli } from '../../test/run-cli.js';
import { type DocsServer, EVENTS_PATH, startDocsServer } from './docs-server.js';

const catalogYaml = (title: string): string => `domain: live.example.com
name: ${title}
errors:
  PROMISE_NOT_FOUND:
    code: 4040
    status: 404
    title: Promise not found
    message: The promise could not be found
`;

/** Reads server-sent events from a stream until `count` events have arrived (or it times out). */
async function readEvents(url: string, count: number, during: () => Promise<void>): Promise<string[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 10_000);
  const response = await fetch(url, { signal: controller.signal });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const events: string[] = [];
  let buffer = '';
  let started = false;
  try {
    while (events.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (/^event: version$/m.test(block) && data !== undefined) events.push(data);
        end = buffer.indexOf('\n\n');
      }
      if (!started && events.length > 0) {
        started = true;
        await during();
      }
    }
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return events;
}

async function freePort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

describe('errcat serve', () => {
  let dir: string;
  let file: string;
  let server: DocsServer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'errcat-serve-'));
    file = join(dir, 'catalog.yaml');
    await writeFile(file, catalogYaml('First Title'));
    server = await startDocsServer({ file, debounceMs: 20 });
  });

  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the site on 127.0.0.1, and nothing else', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<h1>First Title</h1>');
    expect((await fetch(new URL('/nope', server.url))).status).toBe(404);
    expect((await fetch(server.url, { method: 'POST' })).status).toBe(405);
  });

  it('pushes a new version over the event stream when the catalog changes', async () => {
    const before = server.version();
    const events = await readEvents(new URL(EVENTS_PATH, server.url).href, 2, () =>
      writeFile(file, catalogYaml('Second Title')),
    );
    expect(events[0]).toBe(String(before));
    expect(Number(events[1])).toBeGreaterThan(before);
    expect(await (await fetch(server.url)).text()).toContain('<h1>Second Title</h1>');
  });

  it('shows the lint errors of an invalid catalog instead of failing, and recovers when fixed', async () => {
    await writeFile(file, catalogYaml('Broken').replace('status: 404', 'status: lots'));
    await server.rebuild();
    const page = await (await fetch(server.url)).text();
    expect(page).toContain('The catalog cannot be shown');
    expect(page).toContain('errors.PROMISE_NOT_FOUND.status');
    expect(server.problems().length).toBeGreaterThan(0);
    await writeFile(file, 'domain: [unclosed');
    await server.rebuild();
    expect(await (await fetch(server.url)).text()).toMatch(/invalid YAML/);
    await writeFile(file, catalogYaml('Fixed Title'));
    await server.rebuild();
    expect(server.problems()).toEqual([]);
    expect(await (await fetch(server.url)).text()).toContain('<h1>Fixed Title</h1>');
  });

  const skip = browserSkipReason();
  it.skipIf(skip !== undefined)('reloads an open page in the browser when the file is saved', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}#4040`);
      expect(await page.locator('h1').textContent()).toBe('Fixed Title');
      // The page is connected once its event stream has delivered the current version.
      await page.waitForTimeout(300);
      await writeFile(file, catalogYaml('Live Title'));
      await page.waitForFunction(
        () => document.querySelector('h1')?.textContent === 'Live Title',
        undefined,
        {
          timeout: 10_000,
        },
      );
      // A broken save shows the problems in the page, a fixed one brings the site back.
      await writeFile(file, catalogYaml('x').replace('code: 4040', 'code: [1]'));
      await page.waitForSelector('#ec-problems', { timeout: 10_000 });
      expect(await page.locator('#ec-problems').textContent()).toContain('errors.PROMISE_NOT_FOUND.code');
      await writeFile(file, catalogYaml('Back Again'));
      await page.waitForFunction(
        () => document.querySelector('h1')?.textContent === 'Back Again',
        undefined,
        {
          timeout: 10_000,
        },
      );
      expect(await page.locator('article[id="4040"]').isVisible()).toBe(true);
    } finally {
      await browser.close();
    }
  });

  it('says so in one line when the port is taken', async () => {
    const busy = createServer();
    await new Promise<void>((done) => busy.listen(0, '127.0.0.1', done));
    try {
      const { port } = busy.address() as { port: number };
      const taken = await runCli(dir, 'serve', 'catalog.yaml', '--port', String(port));
      expect(taken.code).toBe(2);
      expect(taken.stderr).toBe(
        `errcat: port ${port} is in use (choose another with --port or PORT) [ERRCAT_BAD_ARGUMENT]\n`,
      );
      const bad = await runCli(dir, 'serve', 'catalog.yaml', '--port', 'http');
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain("--port must be a port number (0–65535), got 'http'");
    } finally {
      busy.close();
    }
  });

  it('runs as a command: honours PORT, prints its URL and stops on SIGTERM', async () => {
    const port = await freePort();
    const entry = fileURLToPath(new URL('../index.ts', import.meta.url));
    // Resolved here: the child runs in the catalog's directory, outside the workspace.
    const tsx = import.meta.resolve('tsx');
    const child = spawn(
      process.execPath,
      [
        '--conditions=@errcat/source',
        '--import',
        tsx,
        '--input-type=module',
        '-e',
        `import { main, processIo } from ${JSON.stringify(entry)}; process.exitCode = await main(process.argv.slice(1), processIo());`,
        'serve',
        'catalog.yaml',
      ],
      { cwd: dir, env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    try {
      const line = await new Promise<string>((done, fail) => {
        let out = '';
        const timer = setTimeout(() => fail(new Error(`no URL printed: ${out}`)), 20_000);
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('\n')) {
            clearTimeout(timer);
            done(out);
          }
        });
      });
      expect(line).toBe(`Serving catalog.yaml at http://127.0.0.1:${port}/ (live reload on; Ctrl-C stops)\n`);
      expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});

// Re-captures the error corpus: starts each server library on 127.0.0.1:0, sends the requests
// that make it answer with errors, and writes one JSON file per response to
// test-support/fixtures/error-corpus/captured/ (status, headers as sent minus the volatile ones, body
// exactly as sent, source and the expected facts). Not run by `npm test`:
//   node --conditions=@errcat/source --import tsx scripts/capture-error-corpus.ts [library…]
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CapturedResponse, CaptureServer } from './error-corpus/corpus-case.js';
import { SERVERS } from './error-corpus/servers.js';

const OUT = join(import.meta.dirname, '..', 'test-support', 'fixtures', 'error-corpus', 'captured');
/** Headers that change on every run or describe the connection, not the error. */
const VOLATILE = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'etag']);

async function send(url: string, item: CaptureServer['cases'][number]): Promise<CapturedResponse> {
  const init: RequestInit = { method: item.method ?? 'GET', headers: item.headers ?? {} };
  if (item.body !== undefined) init.body = item.body;
  for (let index = 0; index < (item.warmup ?? 0); index++)
    await (await fetch(url + item.path, init)).arrayBuffer();
  const response = await fetch(url + item.path, init);
  const headers: Record<string, string> = {};
  for (const [name, value] of response.headers) if (!VOLATILE.has(name)) headers[name] = value;
  return { status: response.status, headers, body: await response.text() };
}

async function capture(server: CaptureServer): Promise<number> {
  const { url, close } = await server.start();
  try {
    for (const item of server.cases) {
      // Whole seconds, so epoch resets and HTTP-dates read back to whole delays.
      const now = Math.floor(Date.now() / 1000) * 1000;
      const response = await send(url, item);
      const expected = typeof item.expected === 'function' ? item.expected(response, now) : item.expected;
      const file = {
        source: item.source,
        kind: 'captured',
        now,
        request: `${item.method ?? 'GET'} ${item.path}`,
        response,
        expected,
      };
      await writeFile(join(OUT, `${item.id}.json`), `${JSON.stringify(file, null, 2)}\n`);
    }
  } finally {
    await close();
  }
  return server.cases.length;
}

const only = new Set(process.argv.slice(2));
await mkdir(OUT, { recursive: true });
let total = 0;
for (const server of SERVERS) {
  if (only.size > 0 && !only.has(server.library)) continue;
  const count = await capture(server);
  total += count;
  console.log(`${server.library}: ${count}`);
}
console.log(`captured ${total} responses into ${OUT}`);
process.exit(0);

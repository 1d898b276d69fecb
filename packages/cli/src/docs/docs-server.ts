import { type FSWatcher, watch } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, resolve } from 'node:path';
import { isCatalogError, parseCatalog } from 'errcat';
import { lintCatalog } from '../catalog/lint-catalog.js';
import { readCatalogSpec } from '../catalog/load-catalog.js';
import { renderErrorPage } from './render-site.js';
import { generateSite } from './write-docs.js';

/**
 * Options of {@link startDocsServer}.
 *
 * @example
 * ```ts
 * const server = await startDocsServer({ file: 'catalog.yaml', port: 4000, tabs: ['google'] });
 * ```
 */
export interface DocsServerOptions {
  /** The catalog file to serve and watch. */
  readonly file: string;
  /** The directory `file` is relative to. @default process.cwd() */
  readonly cwd?: string;
  /** The port; 0 picks a free one. @default 0 */
  readonly port?: number;
  /** Profiles that get an example tab. @default every built-in profile */
  readonly tabs?: readonly string[];
  /** How long to wait after a change before rebuilding, so one save rebuilds once. @default 60 */
  readonly debounceMs?: number;
}

/**
 * The state of a running docs server.
 *
 * @example
 * ```ts
 * const server: DocsServer = await startDocsServer({ file: 'catalog.yaml' });
 * console.log(`docs at ${server.url}`);
 * await server.close();
 * ```
 */
export interface DocsServer {
  /** The page's URL, `http://127.0.0.1:<port>/`. */
  readonly url: string;
  /** The build number, raised each time the page changes. */
  readonly version: () => number;
  /** The current problems, empty while the catalog is valid. */
  readonly problems: () => readonly string[];
  /** Rebuilds now, as a change of the file would. */
  readonly rebuild: () => Promise<void>;
  /** Stops watching, ends the live-reload streams and closes the server. */
  readonly close: () => Promise<void>;
}

/**
 * The path of the live-reload event stream.
 *
 * @example
 * ```ts
 * new EventSource(EVENTS_PATH).addEventListener('version', () => location.reload());
 * ```
 */
export const EVENTS_PATH = '/__errcat/events';

/** The client side of live reload: reload when the server's build number differs from the page's. */
function liveReloadScript(version: number): string {
  return `const v=${JSON.stringify(String(version))};const s=new EventSource(${JSON.stringify(EVENTS_PATH)});s.addEventListener('version',(e)=>{if(e.data!==v){s.close();location.reload();}});`;
}

function problemLines(error: unknown): string[] {
  if (!isCatalogError(error)) return [error instanceof Error ? error.message : String(error)];
  const problems = (error.details as { problems?: unknown }).problems;
  if (Array.isArray(problems) && problems.length > 0) {
    return problems.map(
      (p: { path?: string; message?: string }) => `${p.path || '(catalog)'}: ${p.message ?? ''}`,
    );
  }
  return [error.message];
}

/**
 * Serves a catalog's docs site on 127.0.0.1 and rebuilds it whenever the catalog file changes;
 * open pages reload through a server-sent event stream. While the file is invalid the page shows
 * the lint errors instead, and recovers when the file is fixed.
 *
 * @example
 * ```ts
 * const server = await startDocsServer({ file: 'catalogs/api.yaml', port: 4173 });
 * console.log(server.url);
 * await server.close();
 * ```
 */
export async function startDocsServer(options: DocsServerOptions): Promise<DocsServer> {
  const cwd = options.cwd ?? process.cwd();
  const path = resolve(cwd, options.file);
  let version = 0;
  let page = '';
  let problems: string[] = [];
  const streams = new Set<ServerResponse>();

  const build = async (): Promise<void> => {
    const next = version + 1;
    const script = liveReloadScript(next);
    let html: string;
    let found: string[] = [];
    try {
      const spec = await readCatalogSpec(options.file, cwd);
      const errors = lintCatalog(spec).filter((finding) => finding.severity === 'error');
      found = errors.map((finding) => `${finding.path || '(catalog)'}: ${finding.message}`);
      html =
        found.length > 0
          ? renderErrorPage(options.file, found, script)
          : await generateSite(
              parseCatalog(spec),
              options.tabs === undefined
                ? { extraScript: script }
                : { extraScript: script, tabs: options.tabs },
            );
    } catch (error) {
      found = problemLines(error);
      html = renderErrorPage(options.file, found, script);
    }
    version = next;
    page = html;
    problems = found;
    for (const stream of streams) stream.write(`event: version\ndata: ${version}\n\n`);
  };

  // Builds run one at a time, and a change during a build schedules exactly one more.
  let running: Promise<void> | undefined;
  let again = false;
  const rebuild = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await build();
      } while (again);
      running = undefined;
    })();
    return running;
  };
  await rebuild();

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response
        .writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' })
        .end('Method not allowed\n');
    } else if (url.pathname === '/' || url.pathname === '/index.html') {
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
        .end(request.method === 'HEAD' ? undefined : page);
    } else if (url.pathname === EVENTS_PATH) {
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      response.write(`retry: 500\nevent: version\ndata: ${version}\n\n`);
      streams.add(response);
      request.on('close', () => streams.delete(response));
    } else {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
    }
  });
  // Keeps idle proxies from closing the event streams.
  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(': keep-alive\n\n');
  }, 15_000);
  heartbeat.unref();

  // Editors save by replacing the file, so the directory is watched and filtered by name.
  let timer: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watch(dirname(path), (_event, name) => {
    if (name !== null && name !== basename(path)) return;
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), options.debounceMs ?? 60);
  });
  watcher.on('error', () => {
    // A watched directory that disappears stops live reload; the server keeps serving.
  });

  try {
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(options.port ?? 0, '127.0.0.1', () => done());
    });
  } catch (error) {
    watcher.close();
    clearInterval(heartbeat);
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    version: () => version,
    problems: () => problems,
    rebuild,
    close: async () => {
      clearTimeout(timer);
      clearInterval(heartbeat);
      watcher.close();
      for (const stream of streams) stream.end();
      streams.clear();
      await running;
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
    },
  };
}

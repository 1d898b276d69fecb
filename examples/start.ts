/**
 * `npm start`: serves the seed catalogs on embedded defaults — no database, no Redis. Browse a
 * catalog as JSON, or ask for any of its errors and get the exact response a server would send.
 *
 *   GET /                                      the catalogs
 *   GET /catalogs/:name                        one catalog's entries
 *   GET /catalogs/:name/errors/:code?k=v       that error as a real response (problem+json)
 *
 * Honours PORT (default 3000) and HOST (default 127.0.0.1); prints its URL.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { baseCatalog, type Catalog, CatalogError, parseCatalog, renderError } from 'errcat';
import { parse } from 'yaml';

const catalogsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'catalogs');
const catalogs = new Map<string, Catalog>();
for (const file of readdirSync(catalogsDir).filter((name) => name.endsWith('.yaml'))) {
  catalogs.set(
    file.replace(/\.yaml$/, ''),
    parseCatalog(parse(readFileSync(join(catalogsDir, file), 'utf8'))),
  );
}

function json(
  status: number,
  body: unknown,
): { status: number; headers: Record<string, string>; body: string } {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body, null, 2),
  };
}

function respond(url: URL, requestId: string) {
  const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) {
    return json(200, {
      catalogs: [...catalogs.entries()].map(([name, catalog]) => ({
        name,
        domain: catalog.domain,
        entries: catalog.entries.length,
        href: `/catalogs/${name}`,
      })),
    });
  }
  const catalog = parts[0] === 'catalogs' && parts[1] ? catalogs.get(parts[1]) : undefined;
  if (catalog && parts.length === 2) {
    return json(200, {
      domain: catalog.domain,
      entries: catalog.entries.map((entry) => ({
        key: entry.key,
        code: entry.code,
        status: entry.declaredStatus ?? null,
        title: entry.title,
        retryable: entry.retryable,
        href: `/catalogs/${parts[1]}/errors/${encodeURIComponent(String(entry.code))}`,
      })),
    });
  }
  const entry =
    catalog && parts[2] === 'errors' && parts[3] && parts.length === 4 ? catalog.entry(parts[3]) : undefined;
  const error = entry
    ? new CatalogError(entry, { ...entry.example, ...Object.fromEntries(url.searchParams) })
    : baseCatalog.ROUTE_NOT_FOUND();
  return renderError(error, { context: { requestId, instance: url.pathname } });
}

let requests = 0;
const server = createServer((request, response) => {
  const requestId = `req-${(++requests).toString(36)}`;
  const rendered = respond(new URL(request.url ?? '/', 'http://localhost'), requestId);
  response.writeHead(rendered.status, { ...rendered.headers, 'x-request-id': requestId });
  response.end(rendered.body);
});

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
server.listen(port, host, () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  console.log(`errcat example catalogs listening on http://${host}:${actual}/`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => server.close(() => process.exit(0)));

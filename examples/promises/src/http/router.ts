import type { PromisesCatalog } from '../catalog/promises-catalog.js';

/**
 * A route of the service: a method and a path pattern whose `:name` segments are parameters.
 *
 * @example
 * ```ts
 * const route: Route<Handler> = { method: 'GET', path: '/promises/:id', operationId: 'getPromise', kind: 'promise.get', handler };
 * ```
 */
export interface Route<H> {
  readonly method: string;
  readonly path: string;
  /** The OpenAPI operation id. */
  readonly operationId: string;
  /**
   * The operation as Resonate's envelope protocol names it (`promise.get`, `promise.settle`): the
   * `kind` of the `resonate` profile's envelopes, and what a request to `POST /` asks for.
   */
  readonly kind: string;
  readonly handler: H;
}

/**
 * The route a request matched, with its decoded path parameters.
 *
 * @example
 * ```ts
 * const { route, params } = router.match('GET', '/promises/p1'); // params.id === 'p1'
 * ```
 */
export interface RouteMatch<H> {
  readonly route: Route<H>;
  readonly params: Readonly<Record<string, string>>;
}

/**
 * Matches requests to routes.
 *
 * @example
 * ```ts
 * const match = router.match(req.method, url.pathname); // or throws 4044 / 4050
 * ```
 */
export interface Router<H> {
  /** The route of a request; throws `ROUTE_NOT_FOUND` (4044), or `METHOD_NOT_ALLOWED` (4050) with `Allow`. */
  match(method: string, pathname: string): RouteMatch<H>;
  /** The route of a request, or `undefined`; never throws. */
  find(method: string, pathname: string): RouteMatch<H> | undefined;
  /** Every route, in the order given. */
  readonly routes: readonly Route<H>[];
}

function segments(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

/** The parameters of `path` under `pattern`, or `undefined` when it does not fit (or does not decode). */
function fit(pattern: readonly string[], path: readonly string[]): Record<string, string> | undefined {
  if (pattern.length !== path.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of pattern.entries()) {
    const given = path[index] as string;
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(given);
      } catch {
        return undefined;
      }
    } else if (part !== given) return undefined;
  }
  return params;
}

/**
 * Builds a router over `routes`. An unknown path is `ROUTE_NOT_FOUND`; a known path with another
 * method is `METHOD_NOT_ALLOWED` with the `Allow` header listing the methods it takes.
 *
 * @example
 * ```ts
 * const router = createRouter([{ method: 'GET', path: '/promises/:id', operationId: 'getPromise', kind: 'promise.get', handler }], catalog);
 * ```
 */
export function createRouter<H>(routes: readonly Route<H>[], catalog: PromisesCatalog): Router<H> {
  const compiled = routes.map((route) => ({ route, pattern: segments(route.path) }));
  const candidates = (pathname: string) => {
    const path = segments(pathname);
    return compiled.flatMap(({ route, pattern }) => {
      const params = fit(pattern, path);
      return params === undefined ? [] : [{ route, params }];
    });
  };
  return {
    routes,
    match(method, pathname) {
      const found = candidates(pathname);
      const match = found.find(({ route }) => route.method === method);
      if (match) return match;
      if (found.length === 0) throw catalog.ROUTE_NOT_FOUND();
      const allow = [...new Set(found.map(({ route }) => route.method))].join(', ');
      throw catalog.METHOD_NOT_ALLOWED({ headers: { allow } });
    },
    find(method, pathname) {
      return candidates(pathname).find(({ route }) => route.method === method);
    },
  };
}

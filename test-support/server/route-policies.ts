import { createRateLimiter, type RateLimiter } from 'errcat/rate-limit';
import { createLoadShedder, type LoadShedder } from 'errcat/shed';
import { expect } from 'vitest';

/**
 * The rate-limit policies of the adapters' per-route and per-group tests: a default, and two
 * stricter ones for a route (`auth`) and a route group (`admin`), each per client address.
 *
 * @example
 * ```ts
 * const limiter = createRateLimiter({ policies: routePolicies });
 * ```
 */
export const routePolicies = {
  general: { limit: 100, window: 3600 },
  auth: { limit: 2, window: 3600 },
  admin: { limit: 1, window: 3600 },
} as const;

/**
 * A fresh shedder and limiter for one adapter's test. One slot and no queue: a request admitted
 * twice would refuse itself with QUEUE_FULL.
 *
 * @example
 * ```ts
 * const { shedder, limiter } = routeGuards();
 * ```
 */
export function routeGuards(): {
  shedder: LoadShedder;
  limiter: RateLimiter<keyof typeof routePolicies>;
} {
  return {
    shedder: createLoadShedder({ maxConcurrent: 1, maxQueue: 0 }),
    limiter: createRateLimiter({ policies: routePolicies }),
  };
}

/**
 * The `RateLimit-Policy` field of an answer.
 *
 * @example
 * ```ts
 * expect(policyOf(answer)).toBe('"general";q=100;w=3600');
 * ```
 */
export const policyOf = (response: Response): string | null => response.headers.get('ratelimit-policy');

/**
 * Sends `allowed + 1` requests to `url` and expects `allowed` answers of 200, then the base
 * catalog's 429 `RATE_LIMITED` for `policy`, rendered by the adapter with `Retry-After` and
 * `Cache-Control: no-store`. Resolves with every answer, the refusal's body read.
 *
 * @example
 * ```ts
 * const [first] = await expectRefusedAfter(`${url}/login`, { method: 'POST' }, 2, 'auth');
 * ```
 */
export async function expectRefusedAfter(
  url: string,
  init: RequestInit,
  allowed: number,
  policy: keyof typeof routePolicies,
): Promise<Response[]> {
  const answers: Response[] = [];
  for (let i = 0; i <= allowed; i++) answers.push(await fetch(url, init));
  expect(answers.map((answer) => answer.status)).toEqual([...new Array(allowed).fill(200), 429]);
  const refusal = answers[allowed] as Response;
  expect([
    refusal.headers.get('content-type'),
    refusal.headers.get('cache-control'),
    refusal.headers.get('retry-after'),
  ]).toEqual(['application/problem+json', 'no-store', expect.stringMatching(/^[1-9]\d*$/)]);
  expect(await refusal.json()).toMatchObject({ code: 'RATE_LIMITED', status: 429, details: { policy } });
  return answers;
}

/**
 * Expects a 200 with `body` from `url` and `policy` as its `RateLimit-Policy` field (`null`: none).
 *
 * @example
 * ```ts
 * await expectAnswer(`${url}/things`, 'things', '"general";q=100;w=3600');
 * ```
 */
export async function expectAnswer(url: string, body: string, policy: string | null): Promise<void> {
  const answer = await fetch(url);
  expect([answer.status, await answer.text(), answer.headers.get('ratelimit-policy')]).toEqual([
    200,
    body,
    policy,
  ]);
}

/**
 * Expects the `auth` policy of `POST <url>/login` to count on top of the app-wide `general` one:
 * both listed in the order counted, the second login the last `auth` allows, and `GET <url>/things`
 * counted against `general` alone. Resolves with the three login answers.
 *
 * @example
 * ```ts
 * const logins = await expectRoutePolicyOnTop(url);
 * ```
 */
export async function expectRoutePolicyOnTop(url: string): Promise<Response[]> {
  const logins = await expectRefusedAfter(`${url}/login`, { method: 'POST' }, 2, 'auth');
  expect(policyOf(logins[0] as Response)).toBe('"general";q=100;w=3600, "auth";q=2;w=3600');
  expect(logins[1]?.headers.get('ratelimit')).toMatch(/^"general";r=98;t=\d+, "auth";r=0;t=\d+$/);
  await expectAnswer(`${url}/things`, 'things', '"general";q=100;w=3600');
  return logins;
}

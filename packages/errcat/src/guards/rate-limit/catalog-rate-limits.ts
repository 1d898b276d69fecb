import type { CatalogError } from '../../catalog-error.js';
import type { CatalogSpec } from '../../catalog-spec.js';
import type { CatalogMethods } from '../../catalog-types.js';
import { errcatErrors } from '../../errcat-catalog.js';
import type { RateLimitKey, RateLimitPolicy } from './rate-limit-policy.js';

/**
 * Options of {@link catalogRateLimits}.
 *
 * @example
 * ```ts
 * catalogRateLimits(catalog, { name: 'endpointType', key: 'user' });
 * ```
 */
export interface CatalogRateLimitsOptions {
  /** The field of each row that names its policy. @default 'name' */
  readonly name?: string;
  /** What every policy counts requests by. @default 'ip' */
  readonly key?: RateLimitKey;
}

const SECONDS: Readonly<Record<string, number>> = { second: 1, minute: 60, hour: 3600, day: 86_400 };
/** A window as a table writes it: `10 seconds`, `1 minute`, `2 hours`, `1 day`. */
const DURATION = /^([1-9]\d{0,8}) ?(second|minute|hour|day)s?$/i;

/** Whole seconds of a window given as seconds or as a duration such as `1 minute`. */
function windowSeconds(window: unknown): number | undefined {
  if (typeof window === 'number') return Number.isSafeInteger(window) && window > 0 ? window : undefined;
  const match = typeof window === 'string' ? DURATION.exec(window.trim()) : null;
  if (!match) return undefined;
  return Number(match[1]) * (SECONDS[(match[2] as string).toLowerCase()] as number);
}

/**
 * The rate-limit policies a catalog declares: the table under `extensions.rateLimits` of the entry
 * playing `RATE_LIMITED`, one row per policy with its name, `limit` and `window` (whole seconds,
 * or as written: `10 seconds`, `1 minute`). Each policy's 429 carries its row as details, so an
 * entry that declares fields such as `endpointType`, `limit` and `window` tells the client which
 * limit it hit, in the words of the table. A malformed table is `ERRCAT_INVALID_CATALOG`.
 *
 * @example
 * ```ts
 * // rateLimits: [{ endpointType: Queue entry, limit: 5, window: 10 seconds }, …]
 * const limiter = createRateLimiter({ catalog, policies: catalogRateLimits(catalog, { name: 'endpointType' }) });
 * await limiter.check('Queue entry', { ip }); // RateLimit-Policy: "Queue entry";q=5;w=10
 * ```
 */
export function catalogRateLimits(
  catalog: CatalogMethods<CatalogSpec>,
  options: CatalogRateLimitsOptions = {},
): Record<string, RateLimitPolicy> {
  const field = options.name ?? 'name';
  const entry = catalog.roleEntry('RATE_LIMITED');
  const at = `errors.${entry?.key ?? '(RATE_LIMITED role)'}.extensions.rateLimits`;
  const invalid = (path: string, message: string): CatalogError =>
    errcatErrors.ERRCAT_INVALID_CATALOG({
      domain: catalog.domain,
      summary: `${path}: ${message}`,
      problems: [{ path, message }],
    });
  const rows = entry?.extensions.rateLimits;
  if (!Array.isArray(rows) || rows.length === 0) {
    throw invalid(at, 'the entry playing RATE_LIMITED declares no rate-limit table');
  }
  const policies: Record<string, RateLimitPolicy> = {};
  for (const [index, row] of rows.entries()) {
    const path = `${at}[${index}]`;
    if (typeof row !== 'object' || row === null || Array.isArray(row))
      throw invalid(path, 'must be an object');
    const { [field]: name, limit, window } = row as Record<string, unknown>;
    if (typeof name !== 'string' || name === '') throw invalid(path, `must name its policy in \`${field}\``);
    if (Object.hasOwn(policies, name)) throw invalid(path, `names policy '${name}' a second time`);
    if (typeof limit !== 'number' || !Number.isSafeInteger(limit) || limit < 1) {
      throw invalid(path, '`limit` must be a positive integer');
    }
    const seconds = windowSeconds(window);
    if (seconds === undefined) {
      throw invalid(path, '`window` must be whole seconds or a duration such as "10 seconds" or "1 minute"');
    }
    policies[name] = {
      limit,
      window: seconds,
      details: row as Record<string, unknown>,
      ...(options.key === undefined ? {} : { key: options.key }),
    };
  }
  return policies;
}

import { readFileSync } from 'node:fs';
import { type Catalog, parseCatalog } from 'errcat';
import { parse } from 'yaml';
import type { ResonateLegacySpec } from './resonate-legacy.generated.js';
import { serviceEntries } from './service-entries.js';

/** The seed catalog the service extends: the legacy Resonate server's codes (seed 000). */
const LEGACY_CATALOG = new URL('../../../../catalogs/resonate-legacy.yaml', import.meta.url);

/** How the service logs refusals of the load shedder. */
const QUIET = { logLevel: 'warn', stack: false } as const;

/** The domain of the service's codes. */
const PROMISES_DOMAIN = 'promises.errcat.example';

/**
 * Which errors each operation of the OpenAPI document can answer with, by operation id (`*`: every
 * operation). `errcat openapi` and the service's `/openapi.json` attach them as responses.
 */
const operations = {
  '*': [
    'UNAUTHENTICATED',
    'TOKEN_INVALID',
    'TOKEN_EXPIRED',
    'AUTHORIZATION_MALFORMED',
    'FORBIDDEN',
    'RATE_LIMITED',
    'RATE_LIMITER_UNAVAILABLE',
    'INTERNAL_ERROR',
    'STORAGE_FAILED',
    'SHUTTING_DOWN',
    'API_QUEUE_FULL',
  ],
  createPromise: [
    'VALIDATION_FAILED',
    'MALFORMED_JSON',
    'UNSUPPORTED_MEDIA_TYPE',
    'PAYLOAD_TOO_LARGE',
    'PROMISE_ALREADY_EXISTS',
    'IDEMPOTENCY_KEY_INVALID',
    'IDEMPOTENCY_KEY_REUSED',
    'IDEMPOTENCY_IN_PROGRESS',
    'IDEMPOTENCY_STORE_UNAVAILABLE',
  ],
  getPromise: ['PROMISE_NOT_FOUND'],
  searchPromises: ['VALIDATION_FAILED'],
  'tag:completion': [
    'VALIDATION_FAILED',
    'MALFORMED_JSON',
    'UNSUPPORTED_MEDIA_TYPE',
    'PAYLOAD_TOO_LARGE',
    'PROMISE_NOT_FOUND',
    'PROMISE_ALREADY_RESOLVED',
    'PROMISE_ALREADY_REJECTED',
    'PROMISE_ALREADY_CANCELED',
    'PROMISE_ALREADY_TIMED_OUT',
    'IDEMPOTENCY_KEY_INVALID',
    'IDEMPOTENCY_KEY_REUSED',
    'IDEMPOTENCY_IN_PROGRESS',
    'IDEMPOTENCY_STORE_UNAVAILABLE',
  ],
  createSubscription: [
    'VALIDATION_FAILED',
    'MALFORMED_JSON',
    'UNSUPPORTED_MEDIA_TYPE',
    'PAYLOAD_TOO_LARGE',
    'PROMISE_NOT_FOUND',
  ],
  getSubscription: ['SUBSCRIPTION_NOT_FOUND'],
  deleteSubscription: ['SUBSCRIPTION_NOT_FOUND'],
  getTask: ['TASK_NOT_FOUND'],
  claimTask: [
    'VALIDATION_FAILED',
    'MALFORMED_JSON',
    'UNSUPPORTED_MEDIA_TYPE',
    'TASK_NOT_FOUND',
    'TASK_ALREADY_CLAIMED',
    'TASK_ALREADY_COMPLETED',
    'TASK_COUNTER_MISMATCH',
  ],
  completeTask: [
    'VALIDATION_FAILED',
    'MALFORMED_JSON',
    'UNSUPPORTED_MEDIA_TYPE',
    'TASK_NOT_FOUND',
    'TASK_ALREADY_COMPLETED',
    'TASK_COUNTER_MISMATCH',
    'TASK_INVALID_STATE',
  ],
} as const;

/**
 * The literal type of the service's catalog: the legacy Resonate catalog with the service's own
 * entries added, so every factory and decoded error is typed.
 *
 * @example
 * ```ts
 * const catalog = parseCatalog<PromisesSpec>(spec);
 * ```
 */
export type PromisesSpec = Omit<ResonateLegacySpec, 'domain' | 'name' | 'description' | 'docs' | 'errors'> & {
  readonly domain: typeof PROMISES_DOMAIN;
  readonly name: string;
  readonly description: string;
  readonly docs?: string;
  readonly errors: ResonateLegacySpec['errors'] & typeof serviceEntries;
};

/**
 * The service's catalog.
 *
 * @example
 * ```ts
 * function notFound(catalog: PromisesCatalog, id: string) {
 *   return catalog.PROMISE_NOT_FOUND({ id });
 * }
 * ```
 */
export type PromisesCatalog = Catalog<PromisesSpec>;

/**
 * Options of {@link createPromisesCatalog}.
 *
 * @example
 * ```ts
 * createPromisesCatalog({ docs: 'https://promises.example.com/errors' });
 * ```
 */
export interface PromisesCatalogOptions {
  /**
   * The URL of the service's error dictionary; each entry's docs link (and a problem's `type`) is
   * this URL with `#<code>`. @default the legacy server's documentation
   */
  readonly docs?: string;
}

/**
 * Builds the promises service's catalog: every entry of `catalogs/resonate-legacy.yaml` (the
 * contract of seed 000, read at start so the two can never drift) plus {@link serviceEntries}, in the
 * `resonate-legacy` wire profile by default.
 *
 * @example
 * ```ts
 * const catalog = createPromisesCatalog({ docs: 'http://127.0.0.1:3000/errors' });
 * throw catalog.PROMISE_NOT_FOUND({ id: 'p1' }); // 4040
 * ```
 */
export function createPromisesCatalog(options: PromisesCatalogOptions = {}): PromisesCatalog {
  const legacy = parse(readFileSync(LEGACY_CATALOG, 'utf8')) as ResonateLegacySpec & { $schema?: string };
  const { $schema: _schema, ...seed } = legacy;
  return parseCatalog<PromisesSpec>({
    ...seed,
    domain: PROMISES_DOMAIN,
    name: 'Promises service errors',
    description:
      'The errors of the errcat promises service: the legacy Resonate server codes (4000–5032), ' +
      'and codes in the same scheme for what a real service adds — authentication (401x, 4034), ' +
      'tasks (4042, 409x, 4220), idempotency keys, rate limits (4290) and the stores behind them ' +
      '(5033, 5034). The first three digits of a code are its HTTP status. ' +
      seed.description,
    docs: options.docs ?? seed.docs,
    'x-openapi': { operations },
    errors: {
      ...seed.errors,
      // Refusals are routine under load: a warning without a stack trace keeps each one cheap.
      SHUTTING_DOWN: { ...seed.errors.SHUTTING_DOWN, ...QUIET },
      API_QUEUE_FULL: { ...seed.errors.API_QUEUE_FULL, ...QUIET },
      ...serviceEntries,
    },
  });
}

/**
 * The catalog with its default docs links: what clients decode errors with, since they match on
 * codes, never on links.
 *
 * @example
 * ```ts
 * const client = createClient({ baseUrl, catalog: promisesCatalog });
 * ```
 */
export const promisesCatalog: PromisesCatalog = createPromisesCatalog();

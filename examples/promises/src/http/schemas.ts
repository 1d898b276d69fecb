import { z } from 'zod';

/** Ids of promises, tasks and subscriptions: 1 to 255 characters. */
const id = z.string().min(1).max(255);

/** Tags: string labels, at most 64 of them. */
const tags = z
  .record(z.string().min(1).max(255), z.string().max(1024))
  .refine((value) => Object.keys(value).length <= 64, 'at most 64 tags');

/** Epoch milliseconds. */
const epochMs = z.number().int().min(0).max(8_640_000_000_000_000);

/**
 * The search filters by the states clients name, as Resonate's API does.
 *
 * @example
 * ```ts
 * SEARCH_STATES.rejected; // ['REJECTED', 'REJECTED_CANCELED', 'REJECTED_TIMEDOUT']
 * ```
 */
export const SEARCH_STATES = {
  pending: ['PENDING'],
  resolved: ['RESOLVED'],
  rejected: ['REJECTED', 'REJECTED_CANCELED', 'REJECTED_TIMEDOUT'],
  canceled: ['REJECTED_CANCELED'],
  timedout: ['REJECTED_TIMEDOUT'],
} as const;

/**
 * The request schemas of the service (Zod, used through errcat's Standard Schema validation): each
 * violation becomes an entry of `errors` in one 4000 response.
 *
 * @example
 * ```ts
 * const { body } = await validateRequest({ body: schemas.createPromise }, { body: json }, { catalog });
 * ```
 */
export const schemas = {
  /** The id in a path. */
  params: z.object({ id }),
  /** `POST /promises`. */
  createPromise: z.object({
    id,
    timeout: epochMs,
    // Any JSON value: the body was parsed as JSON already.
    param: z.unknown().optional(),
    tags: tags.optional(),
  }),
  /** `POST /promises/:id/resolve|reject|cancel`; the body is optional. */
  completePromise: z.object({ value: z.unknown().optional() }).default({}),
  /** `GET /promises` query. */
  searchPromises: z.object({
    id: z.string().min(1).max(255).optional(),
    state: z.enum(Object.keys(SEARCH_STATES) as [keyof typeof SEARCH_STATES]).optional(),
    // The Go server's wording for its `gt`/`lte` rules: the resonate-legacy profile sends
    // "The field Limit must be less than or equal to 1000", other profiles "limit: must be …".
    limit: z.coerce
      .number()
      .int()
      .min(1, 'must be greater than 0')
      .max(1000, 'must be less than or equal to 1000')
      .default(100),
    cursor: z
      .string()
      .regex(/^[1-9][0-9]{0,15}$/, 'a cursor from a previous page')
      .optional(),
  }),
  /** `POST /subscriptions`. */
  createSubscription: z.object({
    id,
    promiseId: id,
    url: z.url({ protocol: /^https?$/ }).max(2048),
  }),
  /** `POST /tasks/:id/claim`. */
  claimTask: z.object({
    counter: z.number().int().min(1),
    processId: id,
    ttl: z.number().int().min(1).max(86_400_000).default(60_000),
  }),
  /** `POST /tasks/:id/complete`. */
  completeTask: z.object({ counter: z.number().int().min(1) }),
};

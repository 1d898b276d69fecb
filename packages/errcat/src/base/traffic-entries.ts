import type { EntrySpec } from '../catalog-spec.js';

/**
 * Base entries raised by the traffic guards: rate limits, idempotency keys, load shedding, shutdown.
 */
export const trafficEntries = {
  RATE_LIMITED: {
    code: 'RATE_LIMITED',
    status: 429,
    category: 'traffic',
    title: 'Too many requests',
    message: 'Too many requests; retry after the delay in Retry-After',
    retryable: true,
    throttling: true,
    notApplied: true,
    causes: ['More requests than the policy allows in its window'],
    resolution: 'Wait for the Retry-After delay and back off; spread requests over time.',
  },
} as const satisfies Record<string, EntrySpec>;

import { requestEntries } from './request-entries.js';
import { serverEntries } from './server-entries.js';
import { trafficEntries } from './traffic-entries.js';

/**
 * Every entry of errcat's base catalog, by key (= role). Plain data, so the catalog core can read
 * a role's declared details without building the base catalog.
 *
 * @example
 * ```ts
 * baseEntries.VALIDATION_FAILED.status; // 422
 * ```
 */
export const baseEntries = { ...serverEntries, ...requestEntries, ...trafficEntries } as const;

/**
 * The key of an entry in errcat's base catalog: a role a user's entry may play.
 *
 * @example
 * ```ts
 * const role: BaseRole = 'VALIDATION_FAILED'; // an entry of yours plays it with `role: 'VALIDATION_FAILED'`
 * ```
 */
export type BaseRole = keyof typeof baseEntries;

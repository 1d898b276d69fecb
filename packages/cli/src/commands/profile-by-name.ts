import { errcatErrors, getProfile, type WireProfile } from 'errcat';
import { usageError } from '../usage-error.js';

/**
 * The wire profile named on the command line (default: the catalog's, else `problem`).
 *
 * @example
 * ```ts
 * profileByName('google').name; // 'google'
 * profileByName(undefined).name; // 'problem'
 * ```
 */
export function profileByName(name: string | undefined): WireProfile {
  try {
    return getProfile(name ?? 'problem');
  } catch (error) {
    if (!errcatErrors.is(error, 'ERRCAT_UNKNOWN_PROFILE')) throw error;
    throw usageError(`unknown profile '${error.details.profile}' (available: ${error.details.available})`);
  }
}

import { problemProfile, type WireProfile } from 'errcat';
import { usageError } from '../usage-error.js';

/** The wire profile named on the command line (default: the catalog's, else `problem`). */
export function profileByName(name: string | undefined): WireProfile {
  if (name === undefined || name === problemProfile.name) return problemProfile;
  throw usageError(`unknown profile '${name}' (available: ${problemProfile.name})`);
}

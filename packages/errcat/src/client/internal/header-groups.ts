import type { HeaderReader } from '../../http/header-reader.js';
import { DELAY_HEADER_NAMES } from './header-delay.js';
import { CODE_HEADER_NAMES, REQUEST_ID_HEADER_NAMES } from './header-ids.js';
import { SHOULD_RETRY_HEADERS } from './retry-hints.js';

/**
 * The groups of headers a decode reads, as bits of a mask: a group with none of its headers in
 * the response is not read at all, so a response with two headers costs two lookups, not thirty.
 *
 * @example
 * ```ts
 * if (headerGroups(read) & HeaderGroup.delay) delays = headerDelays(read, status);
 * ```
 */
export const HeaderGroup = {
  requestId: 1,
  code: 2,
  delay: 4,
  shouldRetry: 8,
  challenge: 16,
} as const;

/**
 * The header with a bearer challenge (RFC 6750), the only one in {@link HeaderGroup}`.challenge`.
 *
 * @example
 * ```ts
 * bearerError(read.get(CHALLENGE_HEADER));
 * ```
 */
export const CHALLENGE_HEADER = 'www-authenticate';

const EVERY_GROUP = Object.values(HeaderGroup).reduce((all, group) => all | group, 0);

const GROUP_OF: ReadonlyMap<string, number> = new Map([
  ...REQUEST_ID_HEADER_NAMES.map((name) => [name, HeaderGroup.requestId] as const),
  ...CODE_HEADER_NAMES.map((name) => [name, HeaderGroup.code] as const),
  ...DELAY_HEADER_NAMES.map((name) => [name, HeaderGroup.delay] as const),
  ...SHOULD_RETRY_HEADERS.map((name) => [name, HeaderGroup.shouldRetry] as const),
  [CHALLENGE_HEADER, HeaderGroup.challenge],
]);

/**
 * The groups with a header in `read`, found in one pass over the names it lists; every group
 * for a reader that cannot list its headers (a container with only a `get` method).
 *
 * @example
 * ```ts
 * headerGroups(headerReader({ 'retry-after': '2', 'content-type': 'text/plain' })); // HeaderGroup.delay
 * ```
 */
export function headerGroups(read: HeaderReader): number {
  const names = read.keys?.();
  if (names === undefined) return EVERY_GROUP;
  let groups = 0;
  for (const name of names) groups |= GROUP_OF.get(name) ?? 0;
  return groups;
}

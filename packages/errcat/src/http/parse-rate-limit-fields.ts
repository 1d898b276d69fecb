import type { QuotaPolicyField, QuotaStateField } from './rate-limit-fields.js';
import { type BareItem, type ListMember, parseStructuredList } from './structured-list.js';

function nameOf(member: ListMember): string | undefined {
  const value = member.value;
  if (typeof value === 'string') return value;
  return typeof value === 'object' && 'token' in value ? value.token : undefined;
}

function count(item: BareItem | undefined, min: number): number | undefined {
  return typeof item === 'number' && Number.isInteger(item) && item >= min ? item : undefined;
}

/**
 * Reads every member as a name with a required count (`q`, `r`) and an optional one (`w`, `t`);
 * `undefined` when the field is absent or malformed. The draft: a malformed field is ignored whole.
 */
function parseMembers<T>(
  text: string | null | undefined,
  required: string,
  optional: string,
  optionalMin: number,
  make: (name: string, required: number, optional: number | undefined) => T,
): T[] | undefined {
  if (typeof text !== 'string' || text.length > 8192) return undefined;
  const members = parseStructuredList(text);
  if (!members || members.length === 0) return undefined;
  const out: T[] = [];
  for (const member of members) {
    const name = nameOf(member);
    const first = count(member.params.get(required), 0);
    const raw = member.params.get(optional);
    const second = count(raw, optionalMin);
    if (name === undefined || first === undefined || (raw !== undefined && second === undefined))
      return undefined;
    out.push(make(name, first, second));
  }
  return out;
}

/**
 * Parses a `RateLimit-Policy` field; `undefined` when it is absent or malformed. Never throws.
 *
 * @example
 * ```ts
 * parseRateLimitPolicy('"burst";q=100;w=60'); // [{ name: 'burst', quota: 100, window: 60 }]
 * ```
 */
export function parseRateLimitPolicy(text: string | null | undefined): QuotaPolicyField[] | undefined {
  return parseMembers(text, 'q', 'w', 1, (name, quota, window) => ({ name, quota, window }));
}

/**
 * Parses a `RateLimit` field; `undefined` when it is absent or malformed. Never throws.
 *
 * @example
 * ```ts
 * parseRateLimit('"default";r=50;t=30'); // [{ name: 'default', remaining: 50, reset: 30 }]
 * ```
 */
export function parseRateLimit(text: string | null | undefined): QuotaStateField[] | undefined {
  return parseMembers(text, 'r', 't', 0, (name, remaining, reset) => ({ name, remaining, reset }));
}
